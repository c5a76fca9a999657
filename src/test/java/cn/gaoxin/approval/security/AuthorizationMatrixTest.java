package cn.gaoxin.approval.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.identity.AccessSetup;
import cn.gaoxin.approval.support.Http;
import cn.gaoxin.approval.support.RestClients;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who may do what, cell by cell: every role (a clerk of each kind of department, supervisor, auditor, designer,
 * admin, the applicant who knows the case's credit code, and anyone anonymous) against every action through the
 * engine REST API and the application's own endpoints, with the answer each must get.
 *
 * <p>Answers: {@code ok} allowed (2xx, and a read returns the data), {@code hide} the data is not there for this
 * user (a query lists nothing of the case, or the applicant API answers 404 "not found" without saying whether the
 * case exists), {@code 401} login needed, {@code 403} refused, {@code login} redirected to the login page,
 * {@code 409}/{@code 400} let through to the business rules, which refuse for a business reason. No refusal may
 * carry the case's data (case number, applicant name, phone, credit code).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  static final List<String> ROLES = List.of("window1", "market1", "health1", "supervisor1", "auditor1", "designer1",
      "admin", "applicant", "anonymous");

  /** The matrix. Columns are {@link #ROLES}; rows are the actions defined in {@link #actions()}. */
  static final String MATRIX = """
      | action                                   | window1 | market1 | health1 | supervisor1 | auditor1 | designer1 | admin | applicant | anonymous |
      | engine: list the tasks of a case         | ok      | hide    | hide    | ok          | ok       | hide      | ok    | 401       | 401       |
      | engine: read a window task               | ok      | hide    | hide    | ok          | ok       | hide      | ok    | 401       | 401       |
      | engine: read a market task               | hide    | ok      | hide    | ok          | ok       | hide      | ok    | 401       | 401       |
      | engine: claim a window task              | ok      | 403     | 403     | 403         | 403      | 403       | ok    | 401       | 401       |
      | engine: claim a market task              | 403     | ok      | 403     | 403         | 403      | 403       | ok    | 401       | 401       |
      | engine: complete a window task           | ok      | 403     | 403     | 403         | 403      | 403       | ok    | 401       | 401       |
      | engine: complete a market task           | 403     | ok      | 403     | 403         | 403      | 403       | ok    | 401       | 401       |
      | engine: take over a market task, complete| 403     | ok      | 403     | 403         | 403      | 403       | ok    | 401       | 401       |
      | engine: set variables on a market task   | 403     | ok      | 403     | 403         | 403      | 403       | ok    | 401       | 401       |
      | engine: start a case                     | ok      | 403     | 403     | 403         | 403      | 403       | ok    | 401       | 401       |
      | engine: read a case's history            | hide    | hide    | hide    | ok          | ok       | hide      | ok    | 401       | 401       |
      | engine: read a case's variable history   | hide    | hide    | hide    | ok          | ok       | hide      | ok    | 401       | 401       |
      | engine: read a case's variables          | ok      | 403     | 403     | ok          | ok       | 403       | ok    | 401       | 401       |
      | engine: change a case variable (PUT)     | 403     | 403     | 403     | 403         | 403      | 403       | ok    | 401       | 401       |
      | engine: modify case variables (POST)     | 403     | 403     | 403     | 403         | 403      | 403       | ok    | 401       | 401       |
      | engine: correlate a message to a case    | 403     | 403     | 403     | 403         | 403      | 403       | ok    | 401       | 401       |
      | engine: delete a case                    | 403     | 403     | 403     | 403         | 403      | 403       | ok    | 401       | 401       |
      | engine: deploy a model                   | 403     | 403     | 403     | 403         | 403      | ok        | ok    | 401       | 401       |
      | engine: delete a deployment with cases   | 403     | 403     | 403     | 403         | 403      | 403       | ok    | 401       | 401       |
      | engine: create a user                    | 403     | 403     | 403     | 403         | 403      | 403       | ok    | 401       | 401       |
      | engine: delete a user                    | 403     | 403     | 403     | 403         | 403      | 403       | ok    | 401       | 401       |
      | engine: join the admin group             | 403     | 403     | 403     | 403         | 403      | 403       | ok    | 401       | 401       |
      | engine: create an authorization          | 403     | 403     | 403     | 403         | 403      | 403       | ok    | 401       | 401       |
      | engine: create a task filter             | 403     | 403     | 403     | 403         | 403      | 403       | ok    | 401       | 401       |
      | engine: list staff (users)               | ok      | ok      | ok      | ok          | ok       | ok        | ok    | 401       | 401       |
      | app: submit an application               | ok      | ok      | ok      | ok          | ok       | ok        | ok    | ok        | ok        |
      | app: case progress                       | hide    | hide    | hide    | hide        | hide     | hide      | hide  | ok        | hide      |
      | app: case progress, other credit code    | hide    | hide    | hide    | hide        | hide     | hide      | hide  | hide      | hide      |
      | app: submit materials                    | hide    | hide    | hide    | hide        | hide     | hide      | hide  | 409       | hide      |
      | app: withdraw a case                     | hide    | hide    | hide    | hide        | hide     | hide      | hide  | ok        | hide      |
      | app: case roadmap                        | hide    | hide    | hide    | hide        | hide     | hide      | hide  | 409       | hide      |
      | app: rectification report                | hide    | hide    | hide    | hide        | hide     | hide      | hide  | 409       | hide      |
      | app: service catalog                     | ok      | ok      | ok      | ok          | ok       | ok        | ok    | ok        | ok        |
      | app: land-use checklist                  | ok      | ok      | ok      | ok          | ok       | ok        | ok    | ok        | ok        |
      | app: transfer a window task (转办)        | ok      | hide    | hide    | 403         | 403      | hide      | 403   | 401       | 401       |
      | app: delegate a window task (委派)        | ok      | hide    | hide    | 403         | 403      | hide      | 403   | 401       | 401       |
      | app: urge a window task (催办)            | 403     | 403     | 403     | 409         | 403      | 403       | 403   | 401       | 401       |
      | app: copy a window task (抄送)            | ok      | hide    | hide    | 403         | 403      | hide      | 403   | 401       | 401       |
      | app: rectification ledger                | ok      | ok      | ok      | ok          | ok       | ok        | ok    | 401       | 401       |
      | app: follow-up coverage                  | ok      | ok      | ok      | ok          | ok       | ok        | ok    | 401       | 401       |
      | app: yield evaluation summary            | ok      | ok      | ok      | ok          | ok       | ok        | ok    | ok        | ok        |
      | app: yield data confirmation             | 409     | 409     | 409     | 409         | 409      | 409       | 409   | 409       | 409       |
      | app: inspection draw of a case           | hide    | hide    | hide    | hide        | hide     | hide      | hide  | hide      | hide      |
      | app: compute an inspection draw          | ok      | ok      | ok      | ok          | ok       | ok        | ok    | ok        | ok        |
      | app: announcements                       | ok      | ok      | ok      | ok          | ok       | ok        | ok    | ok        | ok        |
      | app: public notices                      | ok      | ok      | ok      | ok          | ok       | ok        | ok    | ok        | ok        |
      | app: object to a public notice           | 409     | 409     | 409     | 409         | 409      | 409       | 409   | 409       | 409       |
      | app: verify a forged licence             | hide    | hide    | hide    | hide        | hide     | hide      | hide  | hide      | hide      |
      | app: audit case search                   | 403     | 403     | 403     | 403         | ok       | 403       | ok    | 401       | 401       |
      | app: audit trail of a case               | 403     | 403     | 403     | 403         | ok       | 403       | ok    | 401       | 401       |
      | app: audit CSV export                    | 403     | 403     | 403     | 403         | ok       | 403       | ok    | 401       | 401       |
      | app: audit API write (POST)              | 403     | 403     | 403     | 403         | 403      | 403       | 403   | 403       | 403       |
      | app: auditor page                        | 403     | 403     | 403     | 403         | ok       | 403       | ok    | login     | login     |
      """;

  static final String APPLICANT_NAME = "授权矩阵测试有限公司";
  static final String CONTACT_PHONE = "13700001111";
  static final String CREDIT_CODE = RestClients.CREDIT_CODE;
  static final String OTHER_CREDIT_CODE = "91430300MA4L00000R";

  static final AtomicInteger tried = new AtomicInteger();
  static final AtomicInteger unexpectedAllows = new AtomicInteger();
  static final AtomicInteger mismatches = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired AccessSetup accessSetup;

  Http http;
  Fixture shared;

  /** One case waiting at the window (综合窗口) and one waiting for the market-regulation review. */
  record Fixture(String caseA, String pidA, String windowTask, String caseB, String pidB, String marketTask) {}

  /** An action as a role performs it; {@code marker} is what shows that a read returned the protected data. */
  record Action(String name, boolean changesCase, BiFunction<Call, Fixture, HttpResponse<String>> perform,
      java.util.function.Function<Fixture, String> marker) {}

  /** Who calls: a login (or none) and the credit code the caller knows (the applicant's, or none). */
  record Call(String role, String user, String creditCode) {}

  @BeforeEach
  void setUp() {
    ProcessEngines.registerProcessEngine(engine);
    http = new Http(port);
    if (shared == null) {
      shared = fixture();
    }
  }

  @AfterAll
  void report() {
    System.out.printf("授权矩阵: 共尝试 %d 格 (%d 个角色 × %d 个操作), 意外放行 %d 格, 与预期不符 %d 格%n", tried.get(),
        ROLES.size(), rows().size(), unexpectedAllows.get(), mismatches.get());
  }

  Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (String[] row : rows()) {
      for (int i = 0; i < ROLES.size(); i++) {
        cells.add(Arguments.of(row[0], ROLES.get(i), row[i + 1]));
      }
    }
    return cells.stream();
  }

  static List<String[]> rows() {
    List<String[]> rows = new ArrayList<>();
    for (String line : MATRIX.strip().split("\n")) {
      String[] cells = line.strip().replaceAll("^\\||\\|$", "").split("\\|");
      String[] row = new String[cells.length];
      for (int i = 0; i < cells.length; i++) {
        row[i] = cells[i].strip();
      }
      if (!"action".equals(row[0])) {
        rows.add(row);
      }
    }
    return rows;
  }

  @ParameterizedTest(name = "{0} × {1} → {2}")
  @MethodSource("cells")
  void eachRoleGetsTheExpectedAnswer(String actionName, String role, String expected) {
    tried.incrementAndGet();
    Action action = actions().get(actionName);
    assertThat(action).as("action defined: " + actionName).isNotNull();
    Fixture fixture = action.changesCase() ? fixture() : shared;
    Call call = switch (role) {
      case "applicant" -> new Call(role, null, CREDIT_CODE);
      case "anonymous" -> new Call(role, null, null);
      default -> new Call(role, role, null);
    };
    HttpResponse<String> response = action.perform().apply(call, fixture);
    String actual = outcome(response, action.marker() == null ? null : action.marker().apply(fixture));
    boolean denial = List.of("401", "403", "hide", "login").contains(expected);
    if (!actual.equals(expected)) {
      mismatches.incrementAndGet();
      if (denial && actual.equals("ok")) {
        unexpectedAllows.incrementAndGet();
      }
    }
    assertThat(actual).as("%s as %s: %d %s", actionName, role, response.statusCode(), clip(response.body()))
        .isEqualTo(expected);
    if (denial) {
      assertThat(response.body()).as("a refusal carries no case data")
          .doesNotContain(fixture.caseA(), fixture.caseB(), APPLICANT_NAME, CONTACT_PHONE, CREDIT_CODE);
    }
  }

  /** A database set up by an earlier version (designers with ALL, supervisors with assign) is narrowed at start. */
  @Test
  void widerGrantsOfAnEarlierVersionAreNarrowedAtStart() {
    var authorizations = engine.getAuthorizationService();
    Authorization designers = authorizations.createAuthorizationQuery().groupIdIn(AccessSetup.DESIGNERS)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(Authorization.ANY).singleResult();
    designers.setPermissions(new Permission[] {Permissions.ALL});
    authorizations.saveAuthorization(designers);
    Authorization supervisors = authorizations.createAuthorizationQuery().groupIdIn(AccessSetup.SUPERVISION)
        .resourceType(Resources.TASK).resourceId(Authorization.ANY).singleResult();
    supervisors.addPermission(TaskPermissions.TASK_ASSIGN);
    authorizations.saveAuthorization(supervisors);
    assertThat(authorizations.isUserAuthorized("designer1", List.of(AccessSetup.DESIGNERS),
        ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, Resources.PROCESS_DEFINITION)).isTrue();

    accessSetup.afterPropertiesSet(); // what every start does

    assertThat(authorizations.isUserAuthorized("designer1", List.of(AccessSetup.DESIGNERS),
        ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, Resources.PROCESS_DEFINITION)).isFalse();
    assertThat(authorizations.isUserAuthorized("designer1", List.of(AccessSetup.DESIGNERS), Permissions.READ,
        Resources.PROCESS_DEFINITION)).isTrue();
    assertThat(authorizations.isUserAuthorized("supervisor1", List.of(AccessSetup.SUPERVISION),
        TaskPermissions.TASK_ASSIGN, Resources.TASK)).isFalse();
    assertThat(authorizations.isUserAuthorized("supervisor1", List.of(AccessSetup.SUPERVISION), Permissions.READ,
        Resources.TASK)).isTrue();
  }

  static String outcome(HttpResponse<String> response, String marker) {
    int status = response.statusCode();
    String body = response.body() == null ? "" : response.body();
    if (status == 401 || status == 403) {
      return String.valueOf(status);
    }
    if (status == 302 && response.headers().firstValue("Location").orElse("").contains("/login")) {
      return "login";
    }
    if (status == 404) {
      return "hide";
    }
    if (status >= 200 && status < 300) {
      return marker == null || body.contains(marker) ? "ok" : "hide";
    }
    return String.valueOf(status);
  }

  private static String clip(String text) {
    return text == null || text.length() < 400 ? text : text.substring(0, 400) + "…";
  }

  // ---------------------------------------------------------------------------------------------------------------
  // fixtures

  Fixture fixture() {
    String caseA = submit();
    String caseB = submit();
    var tasks = engine.getTaskService();
    Task window = tasks.createTaskQuery().processInstanceBusinessKey(caseA).singleResult();
    Task windowB = tasks.createTaskQuery().processInstanceBusinessKey(caseB).singleResult();
    tasks.complete(windowB.getId());
    Task market = tasks.createTaskQuery().processInstanceBusinessKey(caseB).singleResult();
    assertThat(window.getName()).isEqualTo("窗口核验材料");
    assertThat(market.getName()).isEqualTo("部门审查并决定");
    return new Fixture(caseA, window.getProcessInstanceId(), window.getId(), caseB, market.getProcessInstanceId(),
        market.getId());
  }

  String submit() {
    HttpResponse<String> response = http.json("POST", "/api/applications", null, """
        {"itemCode":"SCJG-SPJY-001","applicant":{"name":"%s","creditCode":"%s","contactName":"李四",
         "contactPhone":"%s"},"materials":["APPLICATION","BUSINESS_LICENCE","LEGAL_REP_ID","PREMISES_PROOF",
         "LAYOUT_PLAN","SAFETY_RULES"],"supplementCommitment":false}""".formatted(APPLICANT_NAME, CREDIT_CODE,
        CONTACT_PHONE));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
  }

  /** A throwaway user the identity actions work on, so no demo login is touched. */
  String throwawayUser() {
    String id = "tmp" + UUID.randomUUID().toString().substring(0, 8);
    User user = engine.getIdentityService().newUser(id);
    user.setPassword("Throwaway-" + id);
    engine.getIdentityService().saveUser(user);
    return id;
  }

  /** A deployment of a tiny model, made by the admin, that a role then tries to delete with its cases. */
  String throwawayDeployment() {
    HttpResponse<String> response = http.multipart("/engine-rest/deployment/create", "admin",
        Map.of("deployment-name", "matrix-throwaway"), Map.of("throwaway.bpmn", tinyModel()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
  }

  static byte[] tinyModel() {
    String key = "matrix_" + UUID.randomUUID().toString().substring(0, 8);
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     targetNamespace="http://gaoxin.cn/approval/test">
          <process id="%s" name="矩阵测试" isExecutable="true" camunda:historyTimeToLive="10950">
            <startEvent id="Event_Start" name="开始"/>
            <sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_Wait"/>
            <userTask id="Task_Wait" name="等待" camunda:candidateGroups="process-designers"/>
            <sequenceFlow id="Flow_2" sourceRef="Task_Wait" targetRef="Event_End"/>
            <endEvent id="Event_End" name="结束"/>
          </process>
        </definitions>
        """.formatted(key).getBytes(StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // actions

  Map<String, Action> actions() {
    Map<String, Action> a = new LinkedHashMap<>();
    read(a, "engine: list the tasks of a case", (c, f) -> http.get("/engine-rest/task?processInstanceBusinessKey=" + f.caseA(), c.user()), Fixture::windowTask);
    read(a, "engine: read a window task", (c, f) -> http.get("/engine-rest/task/" + f.windowTask(), c.user()), Fixture::windowTask);
    read(a, "engine: read a market task", (c, f) -> http.get("/engine-rest/task/" + f.marketTask(), c.user()), Fixture::marketTask);
    change(a, "engine: claim a window task", (c, f) -> http.json("POST", "/engine-rest/task/" + f.windowTask() + "/claim", c.user(),
        "{\"userId\":\"" + c.user() + "\"}"));
    change(a, "engine: claim a market task", (c, f) -> http.json("POST", "/engine-rest/task/" + f.marketTask() + "/claim", c.user(),
        "{\"userId\":\"" + c.user() + "\"}"));
    change(a, "engine: complete a window task", (c, f) -> http.json("POST", "/engine-rest/task/" + f.windowTask() + "/complete",
        c.user(), "{}"));
    change(a, "engine: complete a market task", (c, f) -> completeMarketTask(c, f));
    change(a, "engine: take over a market task, complete", (c, f) -> {
      HttpResponse<String> assign = http.json("POST", "/engine-rest/task/" + f.marketTask() + "/assignee", c.user(),
          "{\"userId\":\"" + c.user() + "\"}");
      return assign.statusCode() >= 300 ? assign : completeMarketTask(c, f);
    });
    change(a, "engine: set variables on a market task", (c, f) -> http.json("POST", "/engine-rest/task/" + f.marketTask()
        + "/variables", c.user(), "{\"modifications\":{\"decisionReason\":{\"value\":\"矩阵\"}}}"));
    change(a, "engine: start a case", (c, f) -> http.json("POST",
        "/engine-rest/process-definition/key/incomplete-materials-acceptance/start", c.user(), """
            {"variables":{"itemCode":{"value":"SCJG-SPJY-001"},"applicantName":{"value":"窗口收件测试有限公司"},
             "creditCode":{"value":"%s"},"contactName":{"value":"王五"},"contactPhone":{"value":"13600002222"}}}"""
            .formatted(CREDIT_CODE)));
    read(a, "engine: read a case's history", (c, f) -> http.get("/engine-rest/history/process-instance?processInstanceBusinessKey="
        + f.caseA(), c.user()), Fixture::caseA);
    read(a, "engine: read a case's variable history", (c, f) -> http.get("/engine-rest/history/variable-instance?processInstanceId="
        + f.pidA(), c.user()), f -> CONTACT_PHONE);
    read(a, "engine: read a case's variables", (c, f) -> http.get("/engine-rest/process-instance/" + f.pidA() + "/variables",
        c.user()), f -> CONTACT_PHONE);
    change(a, "engine: change a case variable (PUT)", (c, f) -> http.json("PUT", "/engine-rest/process-instance/" + f.pidA()
        + "/variables/caseStatus", c.user(), "{\"value\":\"APPROVED\",\"type\":\"String\"}"));
    change(a, "engine: modify case variables (POST)", (c, f) -> http.json("POST", "/engine-rest/process-instance/" + f.pidA()
        + "/variables", c.user(), "{\"modifications\":{\"decisionStatus\":{\"value\":\"APPROVED\"}}}"));
    change(a, "engine: correlate a message to a case", (c, f) -> http.json("POST", "/engine-rest/message", c.user(),
        "{\"messageName\":\"CaseWithdrawn\",\"businessKey\":\"" + f.caseA() + "\"}"));
    change(a, "engine: delete a case", (c, f) -> http.send("DELETE", "/engine-rest/process-instance/" + f.pidA(), c.user(),
        null, null, Map.of()));
    change(a, "engine: deploy a model", (c, f) -> http.multipart("/engine-rest/deployment/create", c.user(),
        Map.of("deployment-name", "matrix"), Map.of("matrix.bpmn", tinyModel())));
    change(a, "engine: delete a deployment with cases", (c, f) -> {
      String deployment = throwawayDeployment();
      return http.send("DELETE", "/engine-rest/deployment/" + deployment + "?cascade=true", c.user(), null, null, Map.of());
    });
    change(a, "engine: create a user", (c, f) -> {
      String id = "new" + UUID.randomUUID().toString().substring(0, 8);
      return http.json("POST", "/engine-rest/user/create", c.user(), """
          {"profile":{"id":"%s","firstName":"新","lastName":"用户"},"credentials":{"password":"Very-Long-Password-1"}}"""
          .formatted(id));
    });
    change(a, "engine: delete a user", (c, f) -> http.send("DELETE", "/engine-rest/user/" + throwawayUser(), c.user(), null,
        null, Map.of()));
    change(a, "engine: join the admin group", (c, f) -> {
      String someone = throwawayUser();
      HttpResponse<String> response = http.json("PUT", "/engine-rest/group/camunda-admin/members/" + someone, c.user(),
          null);
      engine.getIdentityService().deleteMembership(someone, "camunda-admin");
      return response;
    });
    change(a, "engine: create an authorization", (c, f) -> http.json("POST", "/engine-rest/authorization/create", c.user(), """
        {"type":1,"permissions":["ALL"],"userId":"%s","groupId":null,"resourceType":8,"resourceId":"*"}"""
        .formatted(c.user() == null ? "window2" : c.user())));
    change(a, "engine: create a task filter", (c, f) -> http.json("POST", "/engine-rest/filter/create", c.user(), """
        {"resourceType":"Task","name":"矩阵","owner":"%s","query":{"assigneeExpression":"${currentUser()}"}}"""
        .formatted(c.user() == null ? "window2" : c.user())));
    read(a, "engine: list staff (users)", (c, f) -> http.get("/engine-rest/user?id=window2", c.user()), f -> "window2");

    change(a, "app: submit an application", (c, f) -> http.json("POST", "/api/applications", c.user(), """
        {"itemCode":"SCJG-SPJY-001","applicant":{"name":"公开申请测试有限公司","creditCode":"%s","contactName":"赵六",
         "contactPhone":"13500003333"},"materials":["APPLICATION"],"supplementCommitment":false}""".formatted(CREDIT_CODE)));
    read(a, "app: case progress", (c, f) -> http.get("/api/cases/" + f.caseA() + (c.creditCode() == null ? ""
        : "?creditCode=" + c.creditCode()), c.user()), Fixture::caseA);
    read(a, "app: case progress, other credit code", (c, f) -> http.get("/api/cases/" + f.caseA() + "?creditCode="
        + OTHER_CREDIT_CODE, c.user()), Fixture::caseA);
    read(a, "app: submit materials", (c, f) -> http.json("POST", "/api/cases/" + f.caseA() + "/materials", c.user(),
        "{\"creditCode\":\"" + known(c) + "\",\"materials\":[\"PREMISES_PROOF\"]}"), null);
    change(a, "app: withdraw a case", (c, f) -> http.json("POST", "/api/cases/" + f.caseA() + "/withdraw", c.user(),
        "{\"creditCode\":\"" + known(c) + "\",\"reason\":\"不再需要\"}"));
    read(a, "app: case roadmap", (c, f) -> http.get("/api/cases/" + f.caseA() + "/roadmap" + (c.creditCode() == null ? ""
        : "?creditCode=" + c.creditCode()), c.user()), null);
    read(a, "app: rectification report", (c, f) -> http.json("POST", "/api/cases/" + f.caseA() + "/rectifications", c.user(),
        "{\"creditCode\":\"" + known(c) + "\",\"note\":\"已整改\"}"), null);
    read(a, "app: service catalog", (c, f) -> http.get("/api/catalog/items", c.user()), f -> "SCJG-SPJY-001");
    read(a, "app: land-use checklist", (c, f) -> http.get("/api/land-use/checklist", c.user()), null);
    change(a, "app: transfer a window task (转办)", (c, f) -> http.json("POST", "/api/tasks/" + f.windowTask() + "/transfer",
        c.user(), "{\"toUser\":\"window2\",\"reason\":\"请假\"}"));
    change(a, "app: delegate a window task (委派)", (c, f) -> http.json("POST", "/api/tasks/" + f.windowTask() + "/delegate",
        c.user(), "{\"toUser\":\"window2\",\"reason\":\"协助核验\"}"));
    change(a, "app: urge a window task (催办)", (c, f) -> http.json("POST", "/api/tasks/" + f.windowTask() + "/urge", c.user(),
        "{\"reason\":\"请尽快\"}"));
    change(a, "app: copy a window task (抄送)", (c, f) -> http.json("POST", "/api/tasks/" + f.windowTask() + "/copy", c.user(),
        "{\"toUser\":\"market1\",\"note\":\"知悉\"}"));
    read(a, "app: rectification ledger", (c, f) -> http.get("/api/supervision/ledger", c.user()), null);
    read(a, "app: follow-up coverage", (c, f) -> http.get("/api/supervision/follow-up-coverage", c.user()), null);
    read(a, "app: yield evaluation summary", (c, f) -> http.get("/api/supervision/yield-evaluations/GX-2026-999999", c.user()), null);
    read(a, "app: yield data confirmation", (c, f) -> http.json("POST", "/api/supervision/yield-evaluations/" + f.caseA()
        + "/confirmations", c.user(), "{\"creditCode\":\"" + known(c) + "\",\"contactPhone\":\"" + CONTACT_PHONE
        + "\",\"confirmed\":true}"), null);
    read(a, "app: inspection draw of a case", (c, f) -> http.get("/api/supervision/inspections/GX-2026-999998/draw", c.user()), null);
    read(a, "app: compute an inspection draw", (c, f) -> http.json("POST", "/api/supervision/inspections/draw", c.user(), """
        {"seed":42,"sampleSize":1,"targets":[{"creditCode":"%s","name":"甲公司"}],"inspectors":["inspector1","inspector2"]}"""
        .formatted(OTHER_CREDIT_CODE)), null);
    read(a, "app: announcements", (c, f) -> http.get("/api/announcements", c.user()), null);
    read(a, "app: public notices", (c, f) -> http.get("/api/public-notices", c.user()), null);
    read(a, "app: object to a public notice", (c, f) -> http.json("POST", "/api/public-notices/" + f.caseA() + "/objections",
        c.user(), "{\"objectorName\":\"钱七\",\"objectorPhone\":\"13400004444\",\"objectionText\":\"该申请人的经营场所与公示信息不符, 请核查\"}"), null);
    read(a, "app: verify a forged licence", (c, f) -> http.send("GET", "/verify/GXZ-2026-000001?sig=forged", c.user(), null, null,
        Map.of("Accept", "application/json")), null);
    read(a, "app: audit case search", (c, f) -> http.get("/api/audit/cases?caseNumber=" + f.caseA(), c.user()), Fixture::caseA);
    read(a, "app: audit trail of a case", (c, f) -> http.get("/api/audit/cases/" + f.caseA() + "/trail", c.user()), Fixture::caseA);
    read(a, "app: audit CSV export", (c, f) -> http.get("/api/audit/cases.csv?caseNumber=" + f.caseA(), c.user()), Fixture::caseA);
    read(a, "app: audit API write (POST)", (c, f) -> http.json("POST", "/api/audit/cases", c.user(), "{}"), null);
    read(a, "app: auditor page", (c, f) -> http.get("/audit/", c.user()), null);
    return a;
  }

  private static String known(Call c) {
    return c.creditCode() == null ? OTHER_CREDIT_CODE : c.creditCode();
  }

  private HttpResponse<String> completeMarketTask(Call c, Fixture f) {
    return http.json("POST", "/engine-rest/task/" + f.marketTask() + "/complete", c.user(), """
        {"variables":{"reviewDecision":{"value":"APPROVE"},"decisionReason":{"value":"符合条件"}}}""");
  }

  private static void read(Map<String, Action> actions, String name, BiFunction<Call, Fixture, HttpResponse<String>> perform,
      java.util.function.Function<Fixture, String> marker) {
    actions.put(name, new Action(name, false, perform, marker));
  }

  private static void change(Map<String, Action> actions, String name,
      BiFunction<Call, Fixture, HttpResponse<String>> perform) {
    actions.put(name, new Action(name, true, perform, null));
  }
}
