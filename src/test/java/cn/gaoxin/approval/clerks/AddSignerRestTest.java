package cn.gaoxin.approval.clerks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.cases.ApplicationRequest;
import cn.gaoxin.approval.cases.ApplicationService;
import cn.gaoxin.approval.notices.NoticeOutbox;
import cn.gaoxin.approval.support.RestClients;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * 加签 through {@code POST /api/tasks/{taskId}/add-signer}: a participant of a running 会签 (or a supervisor) adds a
 * department, whose clerk then finds a signer task in their queue and whose agreement the countersign now needs;
 * every other attempt is refused with a message that says why, and nothing changes. The countersigns are those of
 * 拿地即开工: the design review signed by four departments (会签) and the permit pre-review signed by any one housing
 * official (或签).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AddSignerRestTest {

  static final String ITEM = "GX-NDJKG-001";
  static final List<String> ALL = List.of("LAND_DEAL_CONFIRMATION", "BUSINESS_LICENCE", "DESIGN_SCHEME",
      "PLANNING_APPLICATION", "PERMIT_APPLICATION", "CONSTRUCTION_DRAWINGS", "CONSTRUCTION_CONTRACT", "SUPERVISION_CONTRACT");

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;
  @Autowired ProcessEngine engine;
  @Autowired ApplicationService applications;
  @Autowired NoticeOutbox outbox;

  private RestClients rest() {
    return new RestClients(anonymous, port);
  }

  /** A 拿地即开工 case submitted and accepted, its pre-reviews open; returns the case number. */
  private String caseInReview() {
    String caseNumber = submitted();
    String pi = processInstance(caseNumber);
    Task verify = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(rest().claim("window1", verify.getId()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(rest().complete("window1", verify.getId(), Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    // the pre-reviews start in their own transactions (the job executor's work; this test context runs them by hand)
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(pi).messages().list()) {
      engine.getManagementService().executeJob(job.getId());
    }
    return caseNumber;
  }

  private String submitted() {
    var started = applications.submit(new ApplicationRequest(ITEM, null,
        new ApplicationRequest.Applicant("金杯电工股份有限公司", RestClients.CREDIT_CODE, "李四", "13912345678"), ALL, false,
        Map.of("projectName", "金杯电工新能源线缆项目", "landParcelNumber", "XTGX-2026-09")));
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(started.processInstanceId())
        .singleResult().getBusinessKey();
  }

  private String processInstance(String caseNumber) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult()
        .getId();
  }

  /** The signer task of a department (group) or official (assignee) in a countersign of the case. */
  private String signerTask(String caseNumber, String activity, String signer) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(activity)
        .list().stream()
        .filter(t -> signer.equals(t.getAssignee()) || engine.getTaskService().getIdentityLinksForTask(t.getId()).stream()
            .anyMatch(l -> signer.equals(l.getGroupId())))
        .map(Task::getId).findFirst().orElseThrow(() -> new AssertionError("没有 " + signer + " 的签署任务"));
  }

  private ResponseEntity<String> addSigner(String user, String taskId, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return anonymous.withBasicAuth(user, RestClients.PASSWORD).postForEntity(
        rest().url("/api/tasks/" + taskId + "/add-signer"), new HttpEntity<>(json, headers), String.class);
  }

  private ResponseEntity<String> sign(String user, String taskId, String opinion, String reason) {
    rest().claim(user, taskId);
    return rest().complete(user, taskId, Map.of("signOpinion", opinion, "signReason", reason));
  }

  private long designSignerTasks(String caseNumber) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_ReviewDesign").count();
  }

  private List<String> caseComments(String caseNumber) {
    return engine.getTaskService().getProcessInstanceComments(processInstance(caseNumber)).stream()
        .map(Comment::getFullMessage).toList();
  }

  @Test
  void aParticipantAddsADepartmentWhoseAgreementIsThenNeeded() {
    String caseNumber = caseInReview();
    String fireTask = signerTask(caseNumber, "Task_ReviewDesign", "fire-protection");
    assertThat(rest().tasks("archives1", caseNumber)).isEmpty();

    ResponseEntity<String> added = addSigner("fire1", fireTask,
        "{\"group\":\"archives\",\"reason\":\"地下室设档案库房, 请城建档案馆一并审查\"}");
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(added.getBody()).contains("已加签 archives", "signerTaskId");

    // the archives clerk now has a signer task in the case, due like the others
    Map<String, Object> archivesTask = rest().singleTask("archives1", caseNumber);
    assertThat(archivesTask.get("taskDefinitionKey")).isEqualTo("Task_ReviewDesign");
    assertThat(archivesTask.get("due")).isEqualTo(rest().singleTask("fire1", caseNumber).get("due"));
    assertThat(designSignerTasks(caseNumber)).isEqualTo(5);
    // recorded: who, when, why, as a case comment and in the engine's operation log
    assertThat(caseComments(caseNumber)).anySatisfy(c ->
        assertThat(c).startsWith("【加签】fire1").contains("城建档案馆", "会签", "档案库房"));
    assertThat(engine.getHistoryService().createUserOperationLogQuery().processInstanceId(processInstance(caseNumber))
        .operationType(UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE).list()).isNotEmpty()
        .allSatisfy(e -> {
          assertThat(e.getUserId()).isEqualTo("fire1");
          assertThat(e.getTimestamp()).isNotNull();
          assertThat(e.getAnnotation()).contains("archives", "档案库房");
        });
    assertThat(outbox.forCase(caseNumber)).anySatisfy(n -> {
      assertThat(n.type()).isEqualTo("ADD_SIGNER");
      assertThat(n.recipient()).isEqualTo("archives");
      assertThat(n.channel()).isEqualTo("STAFF");
    });

    // the four original departments agree: the review still waits for the added one
    for (var signer : Map.of("natural-resources", "natres1", "housing-construction", "housing1",
        "fire-protection", "fire1", "civil-air-defence", "airdef1").entrySet()) {
      assertThat(sign(signer.getValue(), signerTask(caseNumber, "Task_ReviewDesign", signer.getKey()), "APPROVE", "同意")
          .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }
    assertThat(designSignerTasks(caseNumber)).isEqualTo(1);
    assertThat(sign("archives1", (String) archivesTask.get("id"), "APPROVE", "档案库房设计符合要求").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(designSignerTasks(caseNumber)).isZero();
    assertThat(engine.getRuntimeService().getVariable(processInstance(caseNumber), "designReviewDecision"))
        .isEqualTo("APPROVE");
  }

  @Test
  void supervisionMayAddASignerButOthersWhoOnlyReadTheTaskMayNot() {
    String caseNumber = caseInReview();
    String fireTask = signerTask(caseNumber, "Task_ReviewDesign", "fire-protection");

    ResponseEntity<String> auditor = addSigner("auditor1", fireTask, "{\"group\":\"archives\",\"reason\":\"补充审查\"}");
    assertThat(auditor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(auditor.getBody()).contains("只有参与本次会签的人员或效能监察人员可以加签");
    assertThat(addSigner("market1", fireTask, "{\"group\":\"archives\",\"reason\":\"补充审查\"}").getStatusCode())
        .as("a clerk of another department does not even see the task").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(anonymous.postForEntity(rest().url("/api/tasks/" + fireTask + "/add-signer"), null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(designSignerTasks(caseNumber)).isEqualTo(4);

    assertThat(addSigner("supervisor1", fireTask, "{\"group\":\"archives\",\"reason\":\"涉及档案库房, 督办加签\"}")
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(designSignerTasks(caseNumber)).isEqualTo(5);
  }

  @Test
  void badRequestsAreRefusedAndChangeNothing() {
    String caseNumber = caseInReview();
    String fireTask = signerTask(caseNumber, "Task_ReviewDesign", "fire-protection");

    ResponseEntity<String> unknown = addSigner("fire1", fireTask, "{\"group\":\"no-such-office\",\"reason\":\"x\"}");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody()).contains("加签部门不存在: no-such-office");

    ResponseEntity<String> again = addSigner("fire1", fireTask, "{\"group\":\"civil-air-defence\",\"reason\":\"x\"}");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody()).contains("人民防空办公室 已在本次会签中");

    assertThat(addSigner("fire1", fireTask, "{\"group\":\"archives\"}").getBody()).contains("请填写加签理由");
    assertThat(addSigner("fire1", fireTask, "{\"group\":\"archives\",\"user\":\"archives1\",\"reason\":\"x\"}").getBody())
        .contains("二者选一");
    assertThat(addSigner("fire1", fireTask, "{\"user\":\"archives1\",\"reason\":\"x\"}").getBody())
        .contains("本会签按部门签署, 请指定加签部门 (group)");

    // the permit pre-review is signed by housing officials (或签): only another housing official can be added
    String permitTask = signerTask(caseNumber, "Task_ReviewConstruction", "housing1");
    assertThat(addSigner("housing1", permitTask, "{\"group\":\"archives\",\"reason\":\"x\"}").getBody())
        .contains("本或签由人员签署, 请指定加签人员 (user)");
    assertThat(addSigner("housing1", permitTask, "{\"user\":\"market1\",\"reason\":\"x\"}").getBody())
        .contains("加签人员须为 housing-construction 的人员");
    ResponseEntity<String> signing = addSigner("housing1", permitTask, "{\"user\":\"housing2\",\"reason\":\"x\"}");
    assertThat(signing.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(signing.getBody()).contains("住房和城乡建设局 高远 已在本次或签中");

    assertThat(designSignerTasks(caseNumber)).isEqualTo(4);
    assertThat(caseComments(caseNumber)).noneMatch(c -> c.startsWith("【加签】"));
  }

  @Test
  void onlyARunningCountersignTakesANewSigner() {
    String fresh = submitted();
    String verify = (String) rest().singleTask("window1", fresh).get("id");
    ResponseEntity<String> notCountersign = addSigner("window1", verify, "{\"group\":\"archives\",\"reason\":\"x\"}");
    assertThat(notCountersign.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(notCountersign.getBody()).contains("该任务不是会签或或签任务");

    String caseNumber = caseInReview();
    String natresTask = signerTask(caseNumber, "Task_ReviewDesign", "natural-resources");
    String fireTask = signerTask(caseNumber, "Task_ReviewDesign", "fire-protection");
    assertThat(sign("natres1", natresTask, "APPROVE", "符合规划条件").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<String> signed = addSigner("natres1", natresTask, "{\"group\":\"archives\",\"reason\":\"x\"}");
    assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(signed.getBody()).contains("该签署任务已办结");

    // fire protection objects: the countersign (and the case) ends, the other departments' tasks are withdrawn
    assertThat(sign("fire1", fireTask, "REJECT", "消防车道宽度不足").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(rest().tasks("airdef1", caseNumber)).isEmpty();
    String withdrawn = engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_ReviewDesign").list().stream()
        .filter(t -> Objects.equals("deleted", t.getDeleteReason())).findFirst().orElseThrow().getId();
    ResponseEntity<String> ended = addSigner("airdef1", withdrawn, "{\"group\":\"archives\",\"reason\":\"x\"}");
    assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(ended.getBody()).contains("本次会签已结束, 不能加签");
  }
}
