package cn.gaoxin.approval.reforms.construction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.identifiers.ResidentIdNumber;
import cn.gaoxin.approval.licences.Licence;
import cn.gaoxin.approval.licences.LicenceRegister;
import cn.gaoxin.approval.notices.Notice;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 交房即交证 (licence-on-handover), every path. Clock: Monday 2026-03-02 09:00; handover on 31 Mar. Item
 * BDC-JFJZ-001 promises 5 working days (due 9 Mar). Each unit is a branch of its own: one unit's problem is handled
 * inside its branch while the other buyers get their certificates.
 */
class LicenceOnHandoverTest extends ConstructionScenarioTest {

  static final String ITEM = "BDC-JFJZ-001";
  static final List<String> ALL = List.of("REGISTRATION_APPLICATION", "ACCEPTANCE_CERTIFICATE", "SURVEY_REPORT",
      "SALE_CONTRACTS", "BUYER_IDS", "MAINTENANCE_FUND");
  static final String DAI = id("43030219880712102");
  static final String WANG = id("43030219790305451");
  static final String LIU = id("43030419920218362");

  static String id(String first17) {
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  static String unitsJson(String secondBuyerId) {
    return """
        [{"unitNumber":"3-1-1201","buyerName":"戴洁","buyerIdNumber":"%s","buyerPhone":"13907321111","contractNumber":"XTWQ2025-08811"},
         {"unitNumber":"3-1-1202","buyerName":"王建华","buyerIdNumber":"%s","buyerPhone":"13907322222","contractNumber":"XTWQ2025-08812"},
         {"unitNumber":"3-2-0801","buyerName":"刘芳","buyerIdNumber":"%s","contractNumber":"XTWQ2025-09120"}]
        """.formatted(DAI, secondBuyerId, LIU);
  }

  @BeforeEach
  void monday() {
    clockAt(LocalDateTime.of(2026, 3, 2, 9, 0));
  }

  private String acceptanceCertificate() {
    String caseNumber = "GX-2025-" + ThreadLocalRandom.current().nextInt(900000, 999999);
    return licences.issue(new LicenceRegister.IssueRequest(caseNumber, null, "JOINT_ACCEPTANCE_FILING", "工程验收备案一企一证",
        "湘潭三益智宅家居有限公司", CREDIT_CODE, null, List.of("建设工程规划条件核实", "特殊建设工程消防验收"), "住房和城乡建设局",
        null)).number();
  }

  private ProcessInstance accepted(String certificate, String units) {
    ProcessInstance pi = apply(ITEM, null, ALL, false, Map.of("projectName", "大汉龙云台三期", "jointAcceptanceCertificate",
        certificate, "handoverDate", "2026-03-31", "units", units));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    return pi;
  }

  private ProcessInstance registered(String units) {
    ProcessInstance pi = accepted(acceptanceCertificate(), units);
    completeAs("estate1", pi, "Task_InitialRegistration", Map.of("initialRegistrationResult", "REGISTERED"));
    runJobs(pi); // each unit starts in its own transaction
    return pi;
  }

  private Task unitTask(ProcessInstance pi, String key, String unitNumber) {
    return taskWhere(pi, key, "unitNumber", unitNumber);
  }

  private void completeUnit(ProcessInstance pi, String unitNumber) {
    complete("estate1", unitTask(pi, "Task_CheckContract", unitNumber), Map.of("contractCheckResult", "OK"));
    complete("tax1", unitTask(pi, "Task_AssessDeedTax", unitNumber), Map.of("deedTaxResult", "PAID", "deedTaxAmount", 15600));
    complete("estate1", unitTask(pi, "Task_RegisterTransfer", unitNumber), Map.of("transferResult", "REGISTERED"));
  }

  @Test
  void oneUnitWithAContractProblemIsHandledAloneWhileTheOthersGetTheirCertificates() {
    ProcessInstance pi = accepted(acceptanceCertificate(), unitsJson(WANG));
    assertThat(pi).hasPassed("Task_CheckAcceptanceCertificate", "Task_PrepareUnits").isWaitingAt("Task_InitialRegistration");
    assertThat(task(pi, "Task_InitialRegistration").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 9)));
    assertThat(variable(pi, "unitCount")).isEqualTo(3);
    assertThat(variable(pi, "handoverDeadline")).isEqualTo(Date.from(LocalDate.of(2026, 3, 31).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()));

    completeAs("estate1", pi, "Task_InitialRegistration", Map.of("initialRegistrationResult", "REGISTERED"));
    assertThat(runJobs(pi)).as("one job per unit").isEqualTo(3);
    assertThat(tasks(pi, "Task_CheckContract")).hasSize(3);
    assertThat(candidateGroups(unitTask(pi, "Task_CheckContract", "3-1-1202"))).containsExactly("real-estate-registry");
    assertThat(timer(pi, "Event_HandoverDateReached").getDuedate()).isEqualTo(variable(pi, "handoverDeadline"));

    // 3-1-1202 has a problem: its branch goes to problem resolution ...
    Task problem = unitTask(pi, "Task_CheckContract", "3-1-1202");
    assertThatThrownBy(() -> engine.getTaskService().complete(problem.getId(), Map.of("contractCheckResult", "PROBLEM")))
        .hasMessageContaining("问题说明");
    complete("estate1", problem, Map.of("contractCheckResult", "PROBLEM", "contractProblem", "网签合同买受人姓名与身份证明不一致"));
    assertThat(tasks(pi, "Task_ResolveUnitProblem")).hasSize(1);

    // ... while the other two units go on to their certificates
    completeUnit(pi, "3-1-1201");
    completeUnit(pi, "3-2-0801");
    assertThat(candidateGroups(tasks(pi, "Task_ResolveUnitProblem").get(0))).containsExactly("real-estate-registry");
    List<Licence> titles = licencesOf(pi).stream().filter(l -> l.type().equals("REAL_ESTATE_TITLE")).toList();
    assertThat(titles).extracting(Licence::subject).containsExactlyInAnyOrder("3-1-1201", "3-2-0801");
    assertThat(titles).filteredOn(l -> l.subject().equals("3-1-1201")).singleElement().satisfies(l -> {
      assertThat(l.holderName()).isEqualTo("戴洁");
      assertThat(l.holderCreditCode()).isEqualTo(DAI);
      assertThat(l.title()).isEqualTo("不动产权证书");
    });
    assertThat(pi).isNotEnded();
    List<Notice> buyerNotices = notices(pi).stream().filter(n -> n.type().equals("HANDOVER_UNIT_CERTIFICATE_READY")).toList();
    assertThat(buyerNotices).extracting(Notice::recipient).containsExactlyInAnyOrder("13907321111", PHONE);
    assertThat(buyerNotices).anySatisfy(n -> assertThat(n.body()).contains("戴洁", "3-1-1201", "2026年3月31日"));

    // the problem is solved: only this unit is handled again
    complete("estate1", tasks(pi, "Task_ResolveUnitProblem").get(0),
        Map.of("resolution", "RETRY", "resolutionNote", "开发企业已办理网签合同变更"));
    assertThat(tasks(pi, "Task_CheckContract")).hasSize(1);
    completeUnit(pi, "3-1-1202");

    assertThat(pi).isEnded().hasPassed("Task_RecordHandoverFinished", "Task_NotifyDeveloper", "Event_HandoverCompleted");
    assertThat(licencesOf(pi)).hasSize(4); // building's first registration + 3 units
    assertThat(variable(pi, "issuedUnitCount")).isEqualTo(3);
    assertThat(variable(pi, "deferredUnitCount")).isEqualTo(0);
    assertThat(variable(pi, "caseStatus")).isEqualTo("HANDOVER_CERTIFICATES_ISSUED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("HANDOVER_CERTIFICATES_ISSUED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
    assertThat(notices(pi).get(notices(pi).size() - 1).body()).contains("共 3 户", "已核发不动产权证书 3 户", "暂缓办理 0 户");
  }

  @Test
  void aDeferredUnitDoesNotHoldUpTheCase() {
    ProcessInstance pi = registered(unitsJson(WANG));
    completeUnit(pi, "3-1-1201");
    complete("estate1", unitTask(pi, "Task_CheckContract", "3-1-1202"), Map.of("contractCheckResult", "OK"));
    complete("tax1", unitTask(pi, "Task_AssessDeedTax", "3-1-1202"),
        Map.of("deedTaxResult", "PROBLEM", "taxProblem", "购房人尚未缴纳契税"));
    completeUnit(pi, "3-2-0801");
    complete("estate1", tasks(pi, "Task_ResolveUnitProblem").get(0),
        Map.of("resolution", "DEFER", "resolutionNote", "购房人申请延后办证, 交房后自行缴税办理"));

    assertThat(pi).isEnded();
    assertThat(variable(pi, "issuedUnitCount")).isEqualTo(2);
    assertThat(variable(pi, "deferredUnitCount")).isEqualTo(1);
    assertThat(licencesOf(pi).stream().filter(l -> "3-1-1202".equals(l.subject()))).isEmpty();
    assertThat(notices(pi)).filteredOn(n -> n.type().equals("HANDOVER_UNIT_DEFERRED")).singleElement()
        .satisfies(n -> {
          assertThat(n.recipient()).isEqualTo("13907322222");
          assertThat(n.body()).contains("王建华", "购房人尚未缴纳契税");
        });
    assertThat(variable(pi, "unitResults").toString()).contains("\"unitNumber\":\"3-1-1202\"", "\"outcome\":\"DEFERRED\"");
  }

  @Test
  void aWrongBuyerIdIsABusinessErrorOfThatUnitOnly() {
    String wrong = WANG.substring(0, 17) + (WANG.charAt(17) == '1' ? '2' : '1');
    ProcessInstance pi = registered(unitsJson(wrong));
    assertThat(tasks(pi, "Task_CheckContract")).hasSize(2);
    Task problem = tasks(pi, "Task_ResolveUnitProblem").get(0);
    assertThat(engine.getTaskService().getVariable(problem.getId(), "unitNumber")).isEqualTo("3-1-1202");
    assertThat(engine.getTaskService().getVariable(problem.getId(), "unitProblem").toString()).contains("王建华", "身份证号码有误");
  }

  @Test
  void noValidAcceptanceCertificateMeansNoHandoverCase() {
    ProcessInstance pi = accepted("GXZ-2026-999999", unitsJson(WANG));
    assertThat(pi).isEnded().hasPassed("Event_NoAcceptanceCertificate", "Task_NotifyHandoverRejected")
        .hasNotPassed("Task_InitialRegistration");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_ACCEPTED");
    assertThat(variable(pi, "decisionStatus")).as("not accepted: no decision").isNull();
    assertThat(variable(pi, "decidedAt")).isNull();
    assertThat(notices(pi).get(1).body()).contains("证照库中没有编号为 GXZ-2026-999999 的证照");
  }

  @Test
  void aRevokedAcceptanceCertificateIsRefusedToo() {
    String certificate = acceptanceCertificate();
    licences.changeStatus(certificate, cn.gaoxin.approval.licences.LicenceStatus.REVOKED, "测试");
    ProcessInstance pi = accepted(certificate, unitsJson(WANG));
    assertThat(pi).isEnded().hasPassed("Event_NoAcceptanceCertificate");
    assertThat(notices(pi).get(1).body()).contains("已撤销");
  }

  @Test
  void anUnusableUnitListIsRefusedWithEveryProblem() {
    String units = """
        [{"unitNumber":"3-1-1201","buyerName":"戴洁","buyerIdNumber":"%s","contractNumber":"XTWQ2025-08811"},
         {"unitNumber":"3-1-1201","buyerName":"","buyerIdNumber":"%s","buyerPhone":"12345","contractNumber":"XTWQ2025-08812"}]
        """.formatted(DAI, WANG);
    ProcessInstance pi = accepted(acceptanceCertificate(), units);
    assertThat(pi).isEnded().hasPassed("Event_UnitsInvalid", "Event_HandoverRejected");
    assertThat(notices(pi).get(1).body()).contains("房号 3-1-1201 重复", "缺少购房人姓名", "手机号码");
    assertThat(licencesOf(pi)).isEmpty();
  }

  @Test
  void initialRegistrationRefusedEndsTheCase() {
    ProcessInstance pi = accepted(acceptanceCertificate(), unitsJson(WANG));
    completeAs("estate1", pi, "Task_InitialRegistration",
        Map.of("initialRegistrationResult", "REJECTED", "initialRegistrationNote", "房屋测绘成果与竣工图不一致"));
    assertThat(pi).isEnded().hasPassed("Task_NotifyInitialRejected", "Event_InitialRejected").hasNotPassed("SubProcess_Units");
    assertThat(variable(pi, "caseStatus")).isEqualTo("REJECTED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("REJECTED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
  }

  @Test
  void initialRegistrationReturnedIsCorrectedOnlineRecheckedAndReviewedAgain() {
    ProcessInstance pi = accepted(acceptanceCertificate(), unitsJson(WANG));
    String id = task(pi, "Task_InitialRegistration").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("initialRegistrationResult", "RETURN")))
        .hasMessageContaining("登记意见");
    completeAs("estate1", pi, "Task_InitialRegistration", Map.of("initialRegistrationResult", "RETURN",
        "initialRegistrationNote", "1. 房屋测绘报告缺少 3 号楼地下室分层分户图; 2. 专项维修资金缴存证明未加盖银行印章"));

    assertThat(pi).hasPassed("Task_ReturnForCorrection").isWaitingAt("Gateway_WaitResubmission").hasNotPassed("SubProcess_Units");
    assertThat(progressOf(pi)).containsEntry("status", "RETURNED");
    assertThat(variable(pi, "decidedAt")).as("a return is no decision").isNull();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION");
    assertThat(notices(pi).get(1).body()).contains("不动产登记中心", "缺少 3 号楼地下室分层分户图", "未加盖银行印章");

    assertThat(rest().submitMaterials(pi.getBusinessKey(), CREDIT_CODE, ALL).getStatusCode().value()).isEqualTo(202);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(pi).isWaitingAt("Task_InitialRegistration");
    completeAs("estate1", pi, "Task_InitialRegistration", Map.of("initialRegistrationResult", "REGISTERED"));
    runJobs(pi);
    for (String unit : List.of("3-1-1201", "3-1-1202", "3-2-0801")) {
      completeUnit(pi, unit);
    }

    assertThat(pi).isEnded().hasPassed("Event_HandoverCompleted");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("HANDOVER_CERTIFICATES_ISSUED");
    assertThat(noticeTypes(pi)).startsWith("ACCEPTED", "RETURNED_FOR_CORRECTION", "ACCEPTED");
  }

  @Test
  void aReturnNotCorrectedInTimeIsNotAccepted() {
    ProcessInstance pi = accepted(acceptanceCertificate(), unitsJson(WANG));
    completeAs("estate1", pi, "Task_InitialRegistration", Map.of("initialRegistrationResult", "RETURN",
        "initialRegistrationNote", "房屋测绘报告缺少分层分户图"));
    fireTimer(pi, "Event_ResubmissionDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Task_CloseNotAccepted", "Event_NotAccepted").hasNotPassed("SubProcess_Units");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_ACCEPTED");
    assertThat(variable(pi, "decidedAt")).isNull();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION", "NOT_ACCEPTED");
  }

  @Test
  void handoverDateReachedWithOpenUnitsIsSupervised() {
    ProcessInstance pi = registered(unitsJson(WANG));
    completeUnit(pi, "3-1-1201");
    fireTimer(pi, "Event_HandoverDateReached");
    assertThat(pi).isWaitingAt("Task_SuperviseHandoverDeadline");
    assertThat(tasks(pi, "Task_CheckContract")).hasSize(2);
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);
  }

  @Test
  void initialRegistrationOverdueIsSupervised() {
    ProcessInstance pi = accepted(acceptanceCertificate(), unitsJson(WANG));
    fireTimer(pi, "Event_InitialRegistrationOverdue");
    assertThat(pi).isWaitingAt("Task_InitialRegistration", "Task_SuperviseInitialRegistration");
  }
}
