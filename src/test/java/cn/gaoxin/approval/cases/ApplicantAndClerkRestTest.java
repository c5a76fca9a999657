package cn.gaoxin.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.support.RestClients;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole foundation through HTTP, as the outside world uses it: the applicant API starts a 容缺受理 case, the
 * window clerk and the market-regulation clerk work it through the engine's REST API with their own logins, and
 * a clerk of another department is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApplicantAndClerkRestTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;
  @Autowired ProcessEngine engine;

  @Test
  void anOnlineApplicationIsWorkedByTheRightClerksOnly() {
    RestClients rest = new RestClients(anonymous, port);
    String caseNumber = rest.submitFoodLicence(List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID",
        "PREMISES_PROOF", "LAYOUT_PLAN", "SAFETY_RULES"), false);
    assertThat(caseNumber).matches("GX-\\d{4}-\\d{6}");

    // the engine REST API wants a login
    assertThat(anonymous.getForEntity(rest.url("/engine-rest/task"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // the window clerk sees the case by its number; the market clerk does not see it yet
    Map<String, Object> verify = rest.singleTask("window1", caseNumber);
    assertThat(verify).containsEntry("name", "窗口核验材料");
    assertThat(rest.tasks("market1", caseNumber)).isEmpty();

    // the window clerk's queue 本部门待办 shows the case number; another department cannot read the case at all
    assertThat(rest.queueVariables("window1", "本部门待办")).contains(caseNumber, "湖南蓝恒环保科技有限公司");
    String processInstanceId = (String) verify.get("processInstanceId");
    assertThat(rest.as("health1").getForEntity(rest.url("/engine-rest/process-instance/" + processInstanceId
        + "/variables"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    // a clerk of another department cannot claim or complete it
    assertThat(rest.complete("health1", (String) verify.get("id"), Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.claim("market1", (String) verify.get("id")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(rest.claim("window1", (String) verify.get("id")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(rest.complete("window1", (String) verify.get("id"), Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    Map<String, Object> review = rest.singleTask("market1", caseNumber);
    assertThat(review).containsEntry("name", "部门审查并决定");
    assertThat(rest.tasks("window1", caseNumber)).isEmpty();
    assertThat(rest.complete("health1", (String) review.get("id"),
        Map.of("reviewDecision", "APPROVE", "decisionReason", "同意")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.complete("market1", (String) review.get("id"),
        Map.of("reviewDecision", "APPROVE", "decisionReason", "符合条件")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    // the licence is issued by an async step (the job executor's work; this test context runs it by hand)
    engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));

    // the applicant follows the case by number and credit code; others learn nothing
    Map<String, Object> progress = rest.progress(caseNumber, RestClients.CREDIT_CODE).getBody();
    assertThat(progress).containsEntry("status", "APPROVED").containsEntry("statusText", "准予许可")
        .containsEntry("finished", true);
    assertThat(rest.progress(caseNumber, "91430300MA4L00000R").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void badApplicationsGetAClearErrorAndStartNothing() {
    RestClients rest = new RestClients(anonymous, port);
    long before = rest.countProcessInstances("admin");
    var response = rest.post("/api/applications", """
        {"itemCode":"SCJG-SPJY-001","applicant":{"name":"某公司","creditCode":"91350100M000100Y44",
         "contactName":"张三","contactPhone":"13812345678"},"materials":["APPLICATION"]}""");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("统一社会信用代码校验位错误");

    var unknownItem = rest.post("/api/applications", """
        {"itemCode":"NO-SUCH-ITEM","applicant":{"name":"某公司","creditCode":"91350100M000100Y43",
         "contactName":"张三","contactPhone":"13812345678"},"materials":[]}""");
    assertThat(unknownItem.getBody()).contains("事项目录中没有编码为 NO-SUCH-ITEM 的事项");

    var missing = rest.post("/api/applications", """
        {"itemCode":"SCJG-SPJY-001","materials":[]}""");
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missing.getBody()).contains("请填写申请人信息");

    var unknownField = rest.post("/api/applications", """
        {"itemCode":"SCJG-SPJY-001","applicant":{"name":"某公司","creditCode":"91350100M000100Y43",
         "contactName":"张三","contactPhone":"13812345678"},"materials":[],"password":"x"}""");
    assertThat(unknownField.getBody()).contains("不认识的字段: password");

    var notJson = rest.post("/api/applications", "{itemCode:");
    assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(rest.countProcessInstances("admin")).isEqualTo(before);
  }
}
