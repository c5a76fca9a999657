package cn.gaoxin.approval.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.licences.Licence;
import cn.gaoxin.approval.licences.LicenceRegister;
import cn.gaoxin.approval.licences.LicenceSigner;
import cn.gaoxin.approval.notices.NoticeDispatcher;
import cn.gaoxin.approval.notices.NoticeOutbox;
import cn.gaoxin.approval.support.Http;
import cn.gaoxin.approval.support.RestClients;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Personal data shown only to those who need it: auditors (pages, API, CSV), staff notices and the log get mobile
 * and identity numbers masked; the clerks working the case see them in full; the public licence verification shows
 * only what the licence itself shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataTest {

  static final String PHONE = "13912345678";
  static final String PHONE_MASKED = "139****5678";
  static final String ID = "11010519491231002X";
  static final String ID_MASKED = "1101**********002X";
  static final String REP_PHONE = "13698765432";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired NoticeOutbox outbox;
  @Autowired NoticeDispatcher dispatcher;
  @Autowired LicenceRegister licences;
  @Autowired LicenceSigner signer;
  Http http;
  String caseNumber;

  @BeforeEach
  void setUp() {
    ProcessEngines.registerProcessEngine(engine);
    http = new Http(port);
    HttpResponse<String> submitted = http.json("POST", "/api/applications", null, """
        {"itemCode":"SCJG-SPJY-001","applicant":{"name":"个人信息测试有限公司","creditCode":"%s","contactName":"周八",
         "contactPhone":"%s"},"materials":["APPLICATION","BUSINESS_LICENCE","LEGAL_REP_ID","PREMISES_PROOF",
         "LAYOUT_PLAN","SAFETY_RULES"],"supplementCommitment":false,
         "details":{"legalRepIdNumber":"%s","legalRepPhone":"%s"}}""".formatted(RestClients.CREDIT_CODE, PHONE, ID,
        REP_PHONE));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    caseNumber = submitted.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
  }

  @Test
  void auditorsSeeMaskedNumbersInTheTrailTheApiAndTheCsv() {
    for (String path : List.of("/api/audit/cases/" + caseNumber + "/trail", "/api/audit/cases/" + caseNumber
        + "/trail.csv")) {
      HttpResponse<String> response = http.get(path, "auditor1");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).as(path).contains(caseNumber, PHONE_MASKED, ID_MASKED, "136****5432")
          .doesNotContain(PHONE, ID, REP_PHONE);
    }
  }

  @Test
  void theClerksWorkingTheCaseSeeTheFullNumbers() {
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
    HttpResponse<String> variables = http.get("/engine-rest/task/" + task.getId() + "/variables", "window1");
    assertThat(variables.statusCode()).isEqualTo(200);
    assertThat(variables.body()).contains(PHONE, ID);
    // another department learns nothing of the case
    assertThat(http.get("/engine-rest/task/" + task.getId() + "/variables", "health1").body()).doesNotContain(PHONE, ID);
  }

  @Test
  void noticesToStaffAndTheLogCarryMaskedNumbers(CapturedOutput output) {
    outbox.enqueue(caseNumber, "URGE", "market1", NoticeOutbox.CHANNEL_STAFF, "催办 " + caseNumber,
        "请联系申请人 " + PHONE + " (身份证 " + ID + ")", caseNumber + ":mask-test", Instant.now());
    var staff = outbox.forCase(caseNumber).stream().filter(n -> n.channel().equals(NoticeOutbox.CHANNEL_STAFF))
        .findFirst().orElseThrow();
    assertThat(staff.body()).contains(PHONE_MASKED, ID_MASKED).doesNotContain(PHONE, ID);

    dispatcher.dispatchDue(Instant.now().plusSeconds(60));
    LoggerFactory.getLogger("cn.gaoxin.approval.security").info("电话 {} 身份证 {} 案件 {}", PHONE, ID, caseNumber);
    assertThat(output.getAll()).contains(PHONE_MASKED, ID_MASKED, caseNumber).doesNotContain(PHONE, ID);
  }

  @Test
  void thePublicVerificationShowsOnlyWhatTheLicenceShows() throws Exception {
    var tasks = engine.getTaskService();
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getId());
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
    tasks.complete(review.getId(), Map.of("reviewDecision", "APPROVE", "decisionReason", "符合条件, 联系电话 " + PHONE));
    engine.getManagementService().createJobQuery().processInstanceId(review.getProcessInstanceId()).list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    Licence licence = licences.forCase(caseNumber).get(0);
    String path = signer.verificationUrl(licence.number()).replaceAll("^https?://[^/]+", "");

    HttpResponse<String> json = http.send("GET", path, null, null, null, Map.of("Accept", "application/json"));
    assertThat(json.statusCode()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(json.body());
    Set<String> fields = new HashSet<>();
    body.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrder("licenceNumber", "result", "resultText", "title", "holderName",
        "holderCreditCode", "permits", "issuedBy", "issuedAt", "validUntil");
    HttpResponse<String> page = http.send("GET", path, null, null, null, Map.of("Accept", "text/html"));
    for (HttpResponse<String> response : List.of(json, page)) {
      assertThat(response.body()).contains("个人信息测试有限公司", RestClients.CREDIT_CODE)
          .doesNotContain(caseNumber, PHONE, PHONE_MASKED, ID, ID_MASKED, "周八", "符合条件");
    }
  }
}
