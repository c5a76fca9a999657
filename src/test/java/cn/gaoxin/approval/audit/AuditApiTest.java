package cn.gaoxin.approval.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.support.RestClients;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The auditors' API and pages through HTTP: who gets in, that everything is read-only (here and through the engine
 * REST API), that the rest of the application is untouched by the audit login, and CSV that Excel reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditApiTest {

  static final String HOSTILE = "=HYPERLINK(\"http://x\")<script>alert(1)</script>有限公司";

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;

  HttpClient http;
  String caseNumber;
  RestClients rest;

  @Autowired ProcessEngine engine;

  @BeforeEach
  void setUp() {
    // the engine REST API finds its engine by name ("default") in Camunda's static registry, which the last
    // application context started in this JVM owns: point it back at this context's engine
    ProcessEngines.registerProcessEngine(engine);
    http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    rest = new RestClients(anonymous, port);
    caseNumber = rest.submitFoodLicence(List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID"), true);
  }

  @Test
  void onlyAuditorsGetIn() throws Exception {
    assertThat(get("/api/audit/cases", null).statusCode()).isEqualTo(401);
    HttpResponse<String> page = get("/audit/", null);
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/audit/login");
    assertThat(get("/api/audit/cases", "window1").statusCode()).isEqualTo(403);
    assertThat(get("/api/audit/cases", "supervisor1").statusCode()).isEqualTo(403);
    assertThat(get("/api/audit/cases", "auditor1").statusCode()).isEqualTo(200);
    assertThat(get("/api/audit/cases", "admin").statusCode()).isEqualTo(200);
    HttpResponse<String> found = get("/api/audit/cases?caseNumber=" + caseNumber, "auditor1");
    assertThat(found.body()).contains(caseNumber, "湖南蓝恒环保科技有限公司", "已收件");
    assertThat(get("/api/audit/cases/" + caseNumber + "/trail", "auditor1").body())
        .contains("窗口核验材料", "申请已提交", "综合窗口");
    assertThat(get("/api/audit/cases/" + caseNumber + "/diagram", "auditor1").body())
        .contains("Task_AcceptOnCommitment", "bpmndi:BPMNDiagram");
    assertThat(get("/api/audit/cases/GX-1999-000000/trail", "auditor1").statusCode()).isEqualTo(404);
    assertThat(get("/api/audit/cases?from=2026-13-01", "auditor1").statusCode()).isEqualTo(400);
    assertThat(get("/api/audit/scorecard", "auditor1").body()).contains("incomplete-materials-acceptance", "容缺受理");
  }

  @Test
  void theAuditApiIsGetOnly() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      for (String path : List.of("/api/audit/cases", "/api/audit/cases/" + caseNumber + "/trail", "/api/audit/scorecard")) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
            .method(method, HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
            .header("Authorization", basic("auditor1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path).isEqualTo(403);
      }
    }
  }

  @Test
  void anAuditorCannotChangeAnythingThroughTheEngineRestApi() throws Exception {
    Map<String, Object> task = rest.singleTask("window1", caseNumber);
    String taskId = (String) task.get("id");
    String pid = (String) task.get("processInstanceId");
    // reading is allowed
    assertThat(get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseNumber, "auditor1").body())
        .contains(pid);
    assertThat(get("/engine-rest/history/variable-instance?processInstanceId=" + pid, "auditor1").statusCode())
        .isEqualTo(200);
    // every write is refused
    assertThat(send("POST", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"auditor1\"}")).isEqualTo(403);
    assertThat(send("POST", "/engine-rest/task/" + taskId + "/complete", "{\"variables\":{}}")).isEqualTo(403);
    assertThat(send("POST", "/engine-rest/task/" + taskId + "/assignee", "{\"userId\":\"auditor1\"}")).isEqualTo(403);
    assertThat(send("POST", "/engine-rest/process-instance/" + pid + "/variables",
        "{\"modifications\":{\"caseStatus\":{\"value\":\"APPROVED\"}}}")).isEqualTo(403);
    assertThat(send("PUT", "/engine-rest/process-instance/" + pid + "/variables/caseStatus",
        "{\"value\":\"APPROVED\",\"type\":\"String\"}")).isEqualTo(403);
    assertThat(send("DELETE", "/engine-rest/process-instance/" + pid + "/variables/caseStatus", null)).isEqualTo(403);
    assertThat(send("PUT", "/engine-rest/task/" + taskId + "/variables/reviewDecision",
        "{\"value\":\"APPROVE\",\"type\":\"String\"}")).isEqualTo(403);
    assertThat(send("DELETE", "/engine-rest/process-instance/" + pid, null)).isEqualTo(403);
    assertThat(send("DELETE", "/engine-rest/history/process-instance/" + pid, null)).isEqualTo(403);
    assertThat(send("POST", "/engine-rest/message", "{\"messageName\":\"MaterialsSupplemented\",\"businessKey\":\""
        + caseNumber + "\"}")).isGreaterThanOrEqualTo(400);
    assertThat(deploy()).isEqualTo(403);
    // nothing changed
    assertThat(rest.singleTask("window1", caseNumber)).containsEntry("id", taskId).containsEntry("assignee", null);
    assertThat(get("/engine-rest/process-instance/" + pid + "/variables/caseStatus", "admin").body())
        .contains("RECEIVED");
  }

  @Test
  void theRestOfTheApplicationIsUntouchedByTheAuditLogin() throws Exception {
    HttpResponse<String> catalog = get("/api/catalog/items", null);
    assertThat(catalog.statusCode()).isEqualTo(200);
    // the API's own security headers (web/SecurityHeaders), not the audit pages' policy from Spring Security
    assertThat(catalog.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'")
        .doesNotContain("script-src");
    assertThat(catalog.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(get("/engine-rest/task", null).statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/task", "window1").statusCode()).isEqualTo(200);
    assertThat(get("/camunda/app/tasklist/default/", null).statusCode()).isEqualTo(200);
    assertThat(get("/camunda/app/cockpit/default/", null).statusCode()).isEqualTo(200);
    assertThat(get("/webjars/bpmn-js/8.0.0/dist/bpmn-navigated-viewer.production.min.js", null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void formLoginWithCsrfAndLogout() throws Exception {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .cookieHandler(new CookieManager()).build();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/audit/login")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("审计查询", "用户名", "密码");
    assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
    String token = csrf(login.body());

    assertThat(post(browser, "/audit/login", Map.of("username", "auditor1", "password", "demo")).statusCode())
        .as("no CSRF token").isEqualTo(403);
    HttpResponse<String> wrong = post(browser, "/audit/login",
        Map.of("username", "designer1", "password", "wrong", "_csrf", token));
    assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/audit/login?error");
    HttpResponse<String> ok = post(browser, "/audit/login",
        Map.of("username", "auditor1", "password", "demo", "_csrf", token));
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(ok.headers().firstValue("Location").orElseThrow()).endsWith("/audit/");
    assertThat(ok.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("JSESSIONID")
        .containsIgnoringCase("HttpOnly"));

    HttpResponse<String> index = browser.send(HttpRequest.newBuilder(uri("/audit/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("案件查询");
    HttpResponse<String> me = browser.send(HttpRequest.newBuilder(uri("/api/audit/me")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(me.body()).contains("\"userId\":\"auditor1\"", "孙丽", "auditors");
    Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(me.body());
    assertThat(m.find()).isTrue();

    HttpResponse<String> logout = post(browser, "/audit/logout", Map.of("_csrf", m.group(1)));
    assertThat(logout.headers().firstValue("Location")).as(logout.statusCode() + " " + logout.body() + logout.headers().map()).hasValueSatisfying(l -> assertThat(l).endsWith("/audit/login?logout"));
    assertThat(browser.send(HttpRequest.newBuilder(uri("/api/audit/me")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
  }

  @Test
  void aClerkLoggingInThroughTheFormIsRefused() throws Exception {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .cookieHandler(new CookieManager()).build();
    String token = csrf(browser.send(HttpRequest.newBuilder(uri("/audit/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    post(browser, "/audit/login", Map.of("username", "market1", "password", "demo", "_csrf", token));
    HttpResponse<String> index = browser.send(HttpRequest.newBuilder(uri("/audit/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(index.statusCode()).isEqualTo(403);
    assertThat(index.body()).contains("仅限审计人员");
  }

  @Test
  void csvOpensInExcelWithChineseTextAndDefusedFormulas() throws Exception {
    String hostileCase = submit(HOSTILE);
    HttpResponse<byte[]> csv = http.send(HttpRequest.newBuilder(uri("/api/audit/cases.csv?caseNumber=" + hostileCase))
        .header("Authorization", basic("auditor1")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).isEqualToIgnoringCase("text/csv;charset=UTF-8");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment",
        "filename*=UTF-8''" + URLEncoder.encode("案件查询", StandardCharsets.UTF_8));
    byte[] body = csv.body();
    assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    String[] lines = text.split("\r\n");
    assertThat(lines[0]).startsWith("\"案件编号\",\"改革事项 (流程)\",\"申请事项\"");
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).startsWith("\"" + hostileCase + "\",\"容缺受理\",\"食品经营许可 (新办)\",\"市场监督管理局\"")
        .contains("\"'=HYPERLINK(\"\"http://x\"\")<script>alert(1)</script>有限公司\"");

    for (String path : List.of("/api/audit/cases/" + hostileCase + "/trail.csv", "/api/audit/scorecard.csv")) {
      HttpResponse<byte[]> other = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization",
          basic("auditor1")).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(other.statusCode()).as(path).isEqualTo(200);
      assertThat(other.body()).startsWith(0xEF, 0xBB, 0xBF);
      String content = new String(other.body(), StandardCharsets.UTF_8);
      assertThat(content).contains(path.contains("trail") ? "环节" : "按承诺时限办结率").contains("\r\n");
    }
  }

  private String submit(String applicantName) {
    var response = rest.post("/api/applications", """
        {"itemCode":"SCJG-SPJY-001","applicant":{"name":%s,"creditCode":"91350100M000100Y43",
         "contactName":"张三","contactPhone":"13812345678"},"materials":["APPLICATION"]}"""
        .formatted(json(applicantName)));
    Matcher m = Pattern.compile("\"caseNumber\":\"([^\"]+)\"").matcher(response.getBody());
    assertThat(m.find()).as(response.getBody()).isTrue();
    return m.group(1);
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("CSRF token in the login form").isTrue();
    return m.group(1);
  }

  private HttpResponse<String> post(HttpClient client, String path, Map<String, String> form) throws Exception {
    String body = String.join("&", form.entrySet().stream().map(e -> e.getKey() + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    return client.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, text/html");
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private int send(String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", basic("auditor1"))
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private int deploy() throws Exception {
    String boundary = "----audit" + System.nanoTime();
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="auditor-was-here" isExecutable="true" camunda:historyTimeToLive="10950"><startEvent id="s"/></process>
        </definitions>""";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nx\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"x.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n")
        .getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
        .header("Authorization", basic("auditor1")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}
