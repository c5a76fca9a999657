package cn.gaoxin.approval.clerks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.licences.LicenceRegister;
import cn.gaoxin.approval.notices.NoticeOutbox;
import cn.gaoxin.approval.support.RestClients;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.AfterEach;
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
 * The approval operations clerks and supervisors use besides completing tasks — 转办, 委派, 催办, 抄送 — and the
 * applicant's 撤回, each allowed for the right person, refused with a clear message for others, and recorded in
 * the case history (comment with who and why, plus the engine's operation log).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClerkOperationsRestTest {

  static final List<String> ALL = List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID", "PREMISES_PROOF",
      "LAYOUT_PLAN", "SAFETY_RULES");

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;
  @Autowired ProcessEngine engine;
  @Autowired NoticeOutbox outbox;
  @Autowired LicenceRegister licences;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private RestClients rest() {
    return new RestClients(anonymous, port);
  }

  private ResponseEntity<String> op(String user, String taskId, String operation, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return anonymous.withBasicAuth(user, RestClients.PASSWORD).postForEntity(
        rest().url("/api/tasks/" + taskId + "/" + operation), new HttpEntity<>(json, headers), String.class);
  }

  private List<String> comments(String taskId) {
    return engine.getTaskService().getTaskComments(taskId).stream().map(Comment::getFullMessage).toList();
  }

  @Test
  void transferStaysWithinTheDepartment() {
    String caseNumber = rest().submitFoodLicence(ALL, false);
    String taskId = (String) rest().singleTask("window1", caseNumber).get("id");

    ResponseEntity<String> toOtherDepartment = op("window1", taskId, "transfer", "{\"toUser\":\"market1\",\"reason\":\"忙\"}");
    assertThat(toOtherDepartment.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(toOtherDepartment.getBody()).contains("只能转办或委派给本部门的人员");
    assertThat(op("health1", taskId, "transfer", "{\"toUser\":\"window2\",\"reason\":\"x\"}").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(op("window1", taskId, "transfer", "{\"toUser\":\"window2\"}").getBody()).contains("请填写原因");
    assertThat(anonymous.postForEntity(rest().url("/api/tasks/" + taskId + "/transfer"), null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    assertThat(op("window1", taskId, "transfer", "{\"toUser\":\"window2\",\"reason\":\"外出培训\"}").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("window2");
    assertThat(comments(taskId)).singleElement().asString().contains("【转办】window1", "window2", "外出培训");
    assertThat(engine.getHistoryService().createUserOperationLogQuery().taskId(taskId).property("assignee").list())
        .anySatisfy(e -> {
          assertThat(e.getUserId()).isEqualTo("window1");
          assertThat(e.getNewValue()).isEqualTo("window2");
        });
  }

  @Test
  void delegationReturnsTheTaskToItsOwner() {
    String caseNumber = rest().submitFoodLicence(ALL, false);
    String taskId = (String) rest().singleTask("window1", caseNumber).get("id");
    assertThat(op("window1", taskId, "delegate", "{\"toUser\":\"window2\",\"reason\":\"请协助核对营业执照\"}").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    var task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    assertThat(task.getOwner()).isEqualTo("window1");
    assertThat(task.getAssignee()).isEqualTo("window2");
    assertThat(rest().as("window2").postForEntity(rest().url("/engine-rest/task/" + taskId + "/resolve"),
        Map.of("variables", Map.of()), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("window1");
    assertThat(comments(taskId)).singleElement().asString().contains("【委派】window1");
  }

  @Test
  void onlySupervisorsUrgeAndOnlyOverdueTasks() {
    String caseNumber = rest().submitFoodLicence(ALL, false);
    String taskId = (String) rest().singleTask("window1", caseNumber).get("id");

    assertThat(op("market1", taskId, "urge", "{\"reason\":\"快\"}").getBody()).contains("只有效能监察人员可以催办");
    ResponseEntity<String> notYet = op("supervisor1", taskId, "urge", "{\"reason\":\"请尽快\"}");
    assertThat(notYet.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(notYet.getBody()).contains("尚未超期");

    Date due = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getDueDate();
    ClockUtil.setCurrentTime(new Date(due.getTime() + 3_600_000));
    assertThat(op("supervisor1", taskId, "urge", "{\"reason\":\"已超期, 请今日办结\"}").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getPriority()).isEqualTo(75);
    assertThat(comments(taskId)).singleElement().asString().contains("【催办】supervisor1", "请今日办结");
    assertThat(outbox.forCase(caseNumber)).anySatisfy(n -> {
      assertThat(n.type()).isEqualTo("URGE");
      assertThat(n.recipient()).isEqualTo("window-clerks");
      assertThat(n.channel()).isEqualTo("STAFF");
    });
    // supervisors urge, they do not work cases
    assertThat(rest().complete("supervisor1", taskId, Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aCopyCanBeReadButNotActedOn() {
    String caseNumber = rest().submitFoodLicence(ALL, false);
    String taskId = (String) rest().singleTask("window1", caseNumber).get("id");

    assertThat(op("window1", taskId, "copy", "{\"toUser\":\"market2\",\"note\":\"请提前了解\"}").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest().queueVariables("market2", "抄送我的")).contains(caseNumber);
    // market2 may read the case but not work its task
    assertThat(rest().complete("market2", taskId, Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(comments(taskId)).singleElement().asString().contains("【抄送】window1", "market2");
    assertThat(op("window1", taskId, "copy", "{\"toUser\":\"nobody\"}").getBody()).contains("抄送对象不存在");
  }

  @Test
  void theApplicantWithdrawsBeforeTheDecisionButNotAfter() {
    String caseNumber = rest().submitFoodLicence(ALL, false);
    assertThat(rest().post("/api/cases/" + caseNumber + "/withdraw", "{\"creditCode\":\"91430300MA4L00000R\"}")
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> withdrawn = rest().post("/api/cases/" + caseNumber + "/withdraw",
        "{\"creditCode\":\"" + RestClients.CREDIT_CODE + "\",\"reason\":\"不再经营\"}");
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest().progress(caseNumber, RestClients.CREDIT_CODE).getBody())
        .containsEntry("status", "WITHDRAWN").containsEntry("finished", true);
    assertThat(licences.forCase(caseNumber)).isEmpty();

    String decided = rest().submitFoodLicence(ALL, false);
    String verify = (String) rest().singleTask("window1", decided).get("id");
    rest().complete("window1", verify, Map.of());
    String review = (String) rest().singleTask("market1", decided).get("id");
    rest().complete("market1", review, Map.of("reviewDecision", "APPROVE", "decisionReason", "同意"));
    // the licence is issued by an async step (the job executor's work; this test context runs it by hand)
    String decidedInstance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(decided)
        .singleResult().getId();
    engine.getManagementService().createJobQuery().processInstanceId(decidedInstance).messages().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    ResponseEntity<String> late = rest().post("/api/cases/" + decided + "/withdraw",
        "{\"creditCode\":\"" + RestClients.CREDIT_CODE + "\"}");
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getBody()).contains("已办结");
  }

  @Test
  void dueSoonAndOverdueQueuesFollowTheWorkingDayCalendar() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 2, 13, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    String caseNumber = rest().submitFoodLicence(ALL, false);
    // acceptance limit 1 working day: due Sat 14 Feb (make-up working day); warning from the start of Fri 13 Feb
    assertThat(rest().queueVariables("window1", "即将超期")).contains(caseNumber);
    assertThat(rest().queueVariables("window1", "已超期")).doesNotContain(caseNumber);
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 2, 15, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    assertThat(rest().queueVariables("window1", "已超期")).contains(caseNumber);
    assertThat(rest().queueVariables("window1", "即将超期")).doesNotContain(caseNumber);
    assertThat(rest().queueVariables("market1", "已超期")).doesNotContain(caseNumber);
  }
}
