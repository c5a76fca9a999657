package cn.gaoxin.approval.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.identifiers.CreditCode;
import cn.gaoxin.approval.support.Http;
import cn.gaoxin.approval.support.RestClients;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Bad input in bulk, through the applicant API and through Tasklist's form submissions (the engine REST API as a
 * clerk): invalid credit codes and identity numbers, wrong types, missing and unknown fields, dates out of range,
 * oversize strings and payloads. Each gets a 4xx with a Chinese message and starts or changes no case. Injection
 * strings (SQL, HTML/script, spreadsheet formulas) that are otherwise valid are stored as they are and come back
 * inert: JSON-escaped in every API, defused in CSV (and as text on the auditor page, see AuditBrowserTest).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String VALID_ID = "11010519491231002X";
  static final AtomicInteger tried = new AtomicInteger();
  static final AtomicInteger refused = new AtomicInteger();
  static final AtomicInteger inert = new AtomicInteger();
  static final AtomicInteger unexpectedCases = new AtomicInteger();
  static final AtomicInteger unescaped = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  Http http;

  @BeforeEach
  void setUp() {
    ProcessEngines.registerProcessEngine(engine);
    http = new Http(port);
  }

  @AfterAll
  void report() {
    System.out.printf("坏输入: 共尝试 %d 条, 被拒 (4xx) %d 条, 惰性保存并核对 %d 条; 坏输入启动的案件 %d 个, 未转义的呈现 %d 处%n",
        tried.get(), refused.get(), inert.get(), unexpectedCases.get(), unescaped.get());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the applicant API

  static ObjectNode validApplication() {
    try {
      return (ObjectNode) JSON.readTree("""
          {"itemCode":"SCJG-SPJY-001","applicant":{"name":"坏输入测试有限公司","creditCode":"%s","contactName":"张三",
           "contactPhone":"13812345678"},"materials":["APPLICATION","BUSINESS_LICENCE"],"supplementCommitment":false}"""
          .formatted(RestClients.CREDIT_CODE));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Arguments bad(String what, String expected, Consumer<ObjectNode> change) {
    ObjectNode body = validApplication();
    change.accept(body);
    return Arguments.of(what, body.toString(), expected);
  }

  static ObjectNode applicant(ObjectNode body) {
    return (ObjectNode) body.get("applicant");
  }

  static ObjectNode details(ObjectNode body) {
    return body.has("details") ? (ObjectNode) body.get("details") : body.putObject("details");
  }

  static Stream<Arguments> badApplications() {
    List<Arguments> cases = new ArrayList<>();
    String first17 = RestClients.CREDIT_CODE.substring(0, 17);
    char check = CreditCode.checkCharacter(first17);
    String wrongCheck = first17 + (check == '0' ? '1' : '0');
    for (String code : List.of("", " ", "123", first17, RestClients.CREDIT_CODE + "0", RestClients.CREDIT_CODE.toLowerCase(),
        "91350100M000100I43", "91350100M000100O43", "91350100M000100S43", "9135A100M000100Y43", wrongCheck,
        "９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y4 ", "' OR '1'='1' --    ", "<script>alert(1)</s>",
        "=cmd|' /C calc'!A0000")) {
      cases.add(bad("统一社会信用代码 [" + code + "]", "统一社会信用代码", b -> applicant(b).put("creditCode", code)));
    }
    for (String phone : List.of("1381234567", "138123456789", "12812345678", "+8613812345678", "138-1234-5678",
        "abcdefghijk", "１３８１２３４５６７８", "0731-88889999")) {
      cases.add(bad("联系电话 [" + phone + "]", "联系电话", b -> applicant(b).put("contactPhone", phone)));
    }
    for (String id : List.of("110105194912310021", "11010519491231002x", "110105194902300021", "110105219912310024",
        "110105180012310027", "11010549123100", "1101051949123100", "ABCDEFGHIJKLMNOPQR", "11010519491231002X0")) {
      cases.add(bad("身份证号码 [" + id + "]", "身份证号码", b -> details(b).put("legalRepIdNumber", id)));
    }
    cases.add(bad("代理人手机号", "agentPhone", b -> details(b).put("agentPhone", "110")));
    cases.add(bad("日期超出范围", "日期超出范围", b -> details(b).put("openingDate", "1899-12-31")));
    cases.add(bad("日期格式不对", "日期格式", b -> details(b).put("openingDate", "31/12/2026")));
    cases.add(bad("日期年份过大", "日期", b -> details(b).put("openingDate", "99999-01-01")));
    // wrong types
    cases.add(bad("itemCode 是数字", "类型不对", b -> b.put("itemCode", 123)));
    cases.add(bad("申请人名称是数字", "类型不对", b -> applicant(b).put("name", 123)));
    cases.add(bad("申请人是文字", "类型不对", b -> b.put("applicant", "某公司")));
    cases.add(bad("材料是文字", "类型不对", b -> b.put("materials", "APPLICATION")));
    cases.add(bad("材料编码是数字", "类型不对", b -> ((ArrayNode) b.get("materials")).add(7)));
    cases.add(bad("承诺是文字", "类型不对", b -> b.put("supplementCommitment", "yes")));
    cases.add(bad("承诺是数字", "类型不对", b -> b.put("supplementCommitment", 1)));
    cases.add(bad("补充信息是列表", "类型不对", b -> b.putArray("details").add(1)));
    cases.add(bad("补充信息值是对象", "只能是文字", b -> details(b).putObject("nested").put("a", 1)));
    cases.add(bad("补充信息值是列表", "只能是文字", b -> details(b).putArray("list").add("x")));
    // missing
    cases.add(bad("缺少事项编码", "请填写申请事项编码", b -> b.remove("itemCode")));
    cases.add(bad("缺少申请人", "请填写申请人信息", b -> b.remove("applicant")));
    cases.add(bad("缺少申请人名称", "请填写申请人名称", b -> applicant(b).remove("name")));
    cases.add(bad("申请人名称为空白", "请填写申请人名称", b -> applicant(b).put("name", "   ")));
    cases.add(bad("缺少信用代码", "请填写统一社会信用代码", b -> applicant(b).remove("creditCode")));
    cases.add(bad("缺少联系人", "请填写联系人", b -> applicant(b).remove("contactName")));
    cases.add(bad("缺少联系电话", "请填写联系电话", b -> applicant(b).remove("contactPhone")));
    cases.add(bad("缺少材料", "请列出已提交的材料编码", b -> b.remove("materials")));
    cases.add(bad("空材料编码", "材料编码不能为空", b -> ((ArrayNode) b.get("materials")).add("")));
    // unknown
    cases.add(bad("未知字段 password", "不认识的字段", b -> b.put("password", "x")));
    cases.add(bad("未知字段 caseNumber", "不认识的字段", b -> b.put("caseNumber", "GX-2026-000001")));
    cases.add(bad("申请人未知字段", "不认识的字段", b -> applicant(b).put("idNumber", VALID_ID)));
    cases.add(bad("未知事项", "事项目录中没有编码为", b -> b.put("itemCode", "NO-SUCH-ITEM")));
    cases.add(bad("事项编码注入", "事项目录中没有编码为", b -> b.put("itemCode", "' OR 1=1 --")));
    cases.add(bad("不可办理的流程", "不能按流程", b -> b.put("reform", "per-mu-yield-evaluation")));
    cases.add(bad("未知材料编码", "不属于事项", b -> ((ArrayNode) b.get("materials")).add("<script>")));
    cases.add(bad("保留字段 caseNumber", "不允许使用", b -> details(b).put("caseNumber", "GX-2026-000001")));
    cases.add(bad("保留字段 creditCode", "不允许使用", b -> details(b).put("creditCode", RestClients.CREDIT_CODE)));
    cases.add(bad("字段名注入", "不允许使用", b -> details(b).put("a' OR 1=1--", "x")));
    cases.add(bad("字段名 __proto__", "不允许使用", b -> details(b).put("__proto__", "x")));
    cases.add(bad("控制字符", "控制字符", b -> applicant(b).put("name", "某公司\u0000\u0007")));
    // oversize
    cases.add(bad("申请人名称 201 字", "不能超过 200 字", b -> applicant(b).put("name", "名".repeat(201))));
    cases.add(bad("联系人 51 字", "不能超过 50 字", b -> applicant(b).put("contactName", "张".repeat(51))));
    cases.add(bad("事项编码 41 字", "过长", b -> b.put("itemCode", "X".repeat(41))));
    cases.add(bad("材料编码 33 字", "过长", b -> ((ArrayNode) b.get("materials")).add("M".repeat(33))));
    cases.add(bad("材料 101 项", "不能超过 100 项", b -> {
      ArrayNode m = b.putArray("materials");
      for (int i = 0; i < 101; i++) {
        m.add("APPLICATION");
      }
    }));
    cases.add(bad("补充信息 51 项", "不能超过 50 项", b -> {
      for (int i = 0; i < 51; i++) {
        details(b).put("field" + i, i);
      }
    }));
    cases.add(bad("补充信息 2001 字", "不超过 2000 字", b -> details(b).put("note", "字".repeat(2001))));
    cases.add(bad("2 MB 的申请人名称", "不能超过 200 字", b -> applicant(b).put("name", "x".repeat(2 * 1024 * 1024))));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badApplications")
  void aBadApplicationGetsAClearErrorAndStartsNothing(String what, String body, String expected) {
    tried.incrementAndGet();
    long before = cases();
    HttpResponse<String> response = http.json("POST", "/api/applications", null, body);
    if (cases() != before) {
      unexpectedCases.incrementAndGet();
    }
    assertThat(response.statusCode()).as(what + ": " + clip(response.body())).isEqualTo(400);
    refused.incrementAndGet();
    assertThat(response.body()).as(what).contains("申请未被接收", expected);
    assertThat(cases()).as(what + ": no case started").isEqualTo(before);
  }

  @ParameterizedTest(name = "not JSON: {0}")
  @MethodSource("notJson")
  void aBodyThatIsNotJsonGetsAClearError(String body) {
    tried.incrementAndGet();
    long before = cases();
    HttpResponse<String> response = http.json("POST", "/api/applications", null, body);
    assertThat(response.statusCode()).isEqualTo(400);
    refused.incrementAndGet();
    assertThat(response.body()).contains("申请未被接收");
    assertThat(cases()).isEqualTo(before);
  }

  static Stream<String> notJson() {
    return Stream.of("", "{", "[]", "null", "\"text\"", "{itemCode:1}", "<xml/>", "{\"itemCode\":\"a\",}",
        "{\"itemCode\":\"SCJG-SPJY-001\"}{\"x\":1}");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // injection strings: accepted, stored and shown inertly

  static Stream<String> injections() {
    return Stream.of("'; DROP TABLE ACT_RU_TASK; --", "\" OR \"1\"=\"1", "<script>window.__xss=1</script>有限公司",
        "<img src=x onerror=\"window.__xss=1\">有限公司", "\"><svg onload=alert(1)>", "=cmd|' /C calc'!A0",
        "=HYPERLINK(\"http://x\",\"点我\")", "+SUM(1,1)", "-2+3", "@SUM(1,1)", "{{constructor.constructor('window.__xss=1')()}}",
        "${execution.getProcessEngineServices()}", "#{1+1}", "%s%s%n", "../../etc/passwd", "\\u0000不是控制字符");
  }

  @ParameterizedTest(name = "stored inertly: {0}")
  @MethodSource("injections")
  void anInjectionStringIsStoredAndShownInertly(String hostile) throws Exception {
    tried.incrementAndGet();
    ObjectNode body = validApplication();
    applicant(body).put("name", hostile);
    details(body).put("remark", hostile);
    HttpResponse<String> response = http.json("POST", "/api/applications", null, body.toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String caseNumber = JSON.readTree(response.body()).get("caseNumber").asText();

    // the applicant API and the auditor API give it back as a JSON string, exactly as typed
    JsonNode found = JSON.readTree(http.get("/api/audit/cases?caseNumber=" + caseNumber, "auditor1").body());
    checkInert(found.get("rows").get(0).get("applicantName").asText().equals(hostile), "audit search JSON");
    JsonNode trail = JSON.readTree(http.get("/api/audit/cases/" + caseNumber + "/trail", "auditor1").body());
    checkInert(trail.get("header").get("applicantName").asText().equals(hostile), "audit trail JSON");
    HttpResponse<String> progress = http.get("/api/cases/" + caseNumber + "?creditCode=" + RestClients.CREDIT_CODE, null);
    checkInert(progress.statusCode() == 200 && progress.headers().firstValue("Content-Type").orElse("")
        .startsWith("application/json"), "applicant progress JSON");

    // CSV: a cell Excel would read as a formula starts with an apostrophe; the text is otherwise unchanged
    for (String csv : List.of(http.get("/api/audit/cases.csv?caseNumber=" + caseNumber, "auditor1").body(),
        http.get("/api/audit/cases/" + caseNumber + "/trail.csv", "auditor1").body())) {
      String quoted = "\"" + ("=+-@".indexOf(hostile.charAt(0)) >= 0 ? "'" : "") + hostile.replace("\"", "\"\"") + "\"";
      checkInert(csv.contains(quoted), "CSV cell " + quoted);
      checkInert(!csv.contains("," + hostile.replace("\"", "\"\"")), "CSV raw cell");
    }
    // the case went its normal way: the window clerk has it to check
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(task.getName()).isEqualTo("窗口核验材料");
    inert.incrementAndGet();
  }

  private static void checkInert(boolean inertly, String where) {
    if (!inertly) {
      unescaped.incrementAndGet();
    }
    assertThat(inertly).as(where).isTrue();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the rest of the applicant API: materials, withdrawal, look-ups

  static Stream<Arguments> badCaseRequests() {
    String code = RestClients.CREDIT_CODE;
    return Stream.of(
        Arguments.of("materials", "{}", "请填写统一社会信用代码"),
        Arguments.of("materials", "{\"creditCode\":\"" + code + "\"}", "请列出补交的材料编码"),
        Arguments.of("materials", "{\"creditCode\":\"" + code + "\",\"materials\":[]}", "请列出 1 到 100 项材料"),
        Arguments.of("materials", "{\"creditCode\":\"" + code + "\",\"materials\":\"PREMISES_PROOF\"}", "类型不对"),
        Arguments.of("materials", "{\"creditCode\":\"" + code + "\",\"materials\":[1]}", "类型不对"),
        Arguments.of("materials", "{\"creditCode\":\"" + code + "\",\"materials\":[\"\"]}", "申请未被接收"),
        Arguments.of("materials", "{\"creditCode\":\"" + code + "\",\"materials\":[\"A\"],\"x\":1}", "不认识的字段"),
        Arguments.of("materials", "{\"creditCode\":" + 918 + ",\"materials\":[\"A\"]}", "类型不对"),
        Arguments.of("materials", "{\"creditCode\":\"" + code + "\",\"materials\":" + manyMaterials() + "}", "请列出 1 到 100 项材料"),
        Arguments.of("withdraw", "{}", "请填写统一社会信用代码"),
        Arguments.of("withdraw", "{\"creditCode\":\"" + code + "\",\"reason\":\"" + "因".repeat(501) + "\"}", "不能超过 500 字"),
        Arguments.of("withdraw", "{\"creditCode\":\"" + code + "\",\"reason\":{\"a\":1}}", "类型不对"),
        Arguments.of("withdraw", "{\"creditCode\":\"" + code + "\",\"reason\":\"x\",\"status\":\"APPROVED\"}", "不认识的字段"),
        Arguments.of("withdraw", "{\"creditCode\":[\"" + code + "\"]}", "类型不对"),
        Arguments.of("rectifications", "{\"creditCode\":\"" + code + "\",\"note\":\"" + "改".repeat(1001) + "\"}", "不能超过 1000 字"),
        Arguments.of("rectifications", "{\"creditCode\":\"" + code + "\",\"itemCode\":\"" + "X".repeat(41) + "\"}", "事项编码过长"),
        Arguments.of("rectifications", "{\"note\":\"已整改\"}", "请填写统一社会信用代码"));
  }

  static String manyMaterials() {
    return "[" + String.join(",", java.util.Collections.nCopies(101, "\"PREMISES_PROOF\"")) + "]";
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badCaseRequests")
  void aBadRequestAboutACaseGetsAClearErrorAndChangesNothing(String endpoint, String body, String expected) {
    tried.incrementAndGet();
    String caseNumber = submitValid();
    String pid = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .singleResult().getId();
    String before = engine.getRuntimeService().getVariables(pid).toString();
    HttpResponse<String> response = http.json("POST", "/api/cases/" + caseNumber + "/" + endpoint, null, body);
    assertThat(response.statusCode()).as(clip(response.body())).isEqualTo(400);
    refused.incrementAndGet();
    assertThat(response.body()).contains(expected);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).active().count()).isOne();
    assertThat(engine.getRuntimeService().getVariables(pid).toString()).isEqualTo(before);
  }

  static Stream<String> oddCodes() {
    return Stream.of("NO-SUCH", "' OR 1=1 --", "<script>alert(1)</script>", "..%2F..%2Fetc%2Fpasswd", "%00", "X".repeat(3000),
        "${jndi:ldap://x/a}", "GX-2026-000001;DROP", "１２３", "%E2%80%AE");
  }

  @ParameterizedTest(name = "odd code: {0}")
  @MethodSource("oddCodes")
  void oddCodesInLookUpsGetACleanNotFound(String code) {
    String encoded = code.contains("%") ? code : URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20");
    for (String path : List.of("/api/catalog/items/" + encoded, "/api/cases/" + encoded + "?creditCode=" + encoded,
        "/api/cases/" + encoded + "/roadmap?creditCode=" + encoded, "/verify/" + encoded + "?sig=" + encoded,
        "/api/announcements/" + encoded, "/api/supervision/inspections/" + encoded + "/draw")) {
      tried.incrementAndGet();
      long before = cases();
      HttpResponse<String> response = http.send("GET", path, null, null, null, Map.of("Accept", "application/json"));
      assertThat(response.statusCode()).as(path + ": " + clip(response.body())).isBetween(400, 404);
      refused.incrementAndGet();
      String type = response.headers().firstValue("Content-Type").orElse("");
      // JSON from the application, or the web server's own 400 page for paths it refuses outright (an encoded slash
      // or NUL), which shows nothing of the request unescaped
      assertThat(type.isEmpty() || type.startsWith("application/json") || response.body().isEmpty()
          || response.statusCode() == 400 && !response.body().contains("<script>alert")).as(path + " " + type).isTrue();
      assertThat(cases()).isEqualTo(before);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Tasklist: start forms and task forms submitted through the engine REST API as a clerk

  static Stream<Arguments> badStartForms() {
    return Stream.of(
        Arguments.of("信用代码校验位错误", Map.of("creditCode", "91350100M000100Y44"), "统一社会信用代码"),
        Arguments.of("信用代码注入", Map.of("creditCode", "' OR 1=1 --"), "统一社会信用代码"),
        Arguments.of("手机号码错误", Map.of("contactPhone", "12345"), "手机号码"),
        Arguments.of("身份证号码校验位", Map.of("legalRepIdNumber", "110105194912310021"), "身份证号码"),
        Arguments.of("身份证出生日期", Map.of("agentIdNumber", "110105194902300021"), "身份证号码"),
        Arguments.of("日期超出范围", Map.of("handoverDate", "2101-01-01"), "日期超出范围"),
        Arguments.of("日期格式", Map.of("handoverDate", "明天"), "日期格式"),
        Arguments.of("超长名称", Map.of("applicantName", "名".repeat(4001)), "过长"),
        Arguments.of("控制字符", Map.of("applicantName", "某公司\u0000"), "控制字符"),
        Arguments.of("未知事项", Map.of("itemCode", "<script>"), "事项目录中没有编码为"));
  }

  @ParameterizedTest(name = "start form: {0}")
  @MethodSource("badStartForms")
  void aBadTasklistStartFormIsRefusedAndStartsNothing(String what, Map<String, String> change, String expected)
      throws Exception {
    tried.incrementAndGet();
    ObjectNode variables = JSON.createObjectNode();
    Map<String, String> values = new java.util.LinkedHashMap<>(Map.of("itemCode", "SCJG-SPJY-001", "applicantName",
        "窗口收件有限公司", "creditCode", RestClients.CREDIT_CODE, "contactName", "王五", "contactPhone", "13600002222"));
    values.putAll(change);
    values.forEach((k, v) -> variables.putObject(k).put("value", v).put("type", "String"));
    long before = cases();
    HttpResponse<String> response = http.json("POST",
        "/engine-rest/process-definition/key/incomplete-materials-acceptance/submit-form", "window1",
        JSON.createObjectNode().set("variables", variables).toString());
    if (cases() != before) {
      unexpectedCases.incrementAndGet();
    }
    assertThat(response.statusCode()).as(what + ": " + clip(response.body())).isBetween(400, 499);
    refused.incrementAndGet();
    assertThat(response.body()).contains(expected);
    assertThat(cases()).isEqualTo(before);
  }

  static Stream<Arguments> badTaskForms() {
    return Stream.of(
        Arguments.of("审查意见不是选项", "{\"reviewDecision\":{\"value\":\"DROP TABLE\"}}", "请选择审查意见"),
        Arguments.of("审查意见是数字", "{\"reviewDecision\":{\"value\":1,\"type\":\"Integer\"}}", "请选择审查意见"),
        Arguments.of("审查意见缺失", "{}", "请选择审查意见"),
        Arguments.of("审查意见为空", "{\"reviewDecision\":{\"value\":\"\"}}", "请选择审查意见"),
        Arguments.of("类型不存在", "{\"reviewDecision\":{\"value\":\"APPROVE\",\"type\":\"NoSuchType\"}}", "NoSuchType"),
        Arguments.of("日期不是日期", "{\"reviewDecision\":{\"value\":\"APPROVE\"},\"x\":{\"value\":\"tomorrow\",\"type\":\"Date\"}}",
            "Date"));
  }

  @ParameterizedTest(name = "task form: {0}")
  @MethodSource("badTaskForms")
  void aBadTaskFormIsRefusedAndTheTaskStaysOpen(String what, String variables, String expected) {
    tried.incrementAndGet();
    String caseNumber = submitValid();
    var tasks = engine.getTaskService();
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getId());
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
    long before = cases();
    HttpResponse<String> response = http.json("POST", "/engine-rest/task/" + review.getId() + "/submit-form", "market1",
        "{\"variables\":" + variables + "}");
    assertThat(response.statusCode()).as(what + ": " + clip(response.body())).isBetween(400, 499);
    refused.incrementAndGet();
    assertThat(response.body()).contains(expected);
    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).as("task still open").isOne();
    assertThat(engine.getRuntimeService().getVariable(review.getProcessInstanceId(), "decisionStatus")).isNull();
    assertThat(cases()).isEqualTo(before);
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** A complete application (all materials): the window clerk checks it, then market regulation reviews it. */
  private String submitValid() {
    ObjectNode body = validApplication();
    ArrayNode materials = body.putArray("materials");
    List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID", "PREMISES_PROOF", "LAYOUT_PLAN", "SAFETY_RULES")
        .forEach(materials::add);
    HttpResponse<String> response = http.json("POST", "/api/applications", null, body.toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
  }

  private long cases() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().count();
  }

  private static String clip(String text) {
    return text == null || text.length() < 300 ? text : text.substring(0, 300) + "…";
  }
}
