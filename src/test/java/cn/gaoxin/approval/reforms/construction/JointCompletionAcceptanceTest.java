package cn.gaoxin.approval.reforms.construction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.licences.Licence;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 联合验收 / 一企一证 / 竣工即办证 (joint-completion-acceptance), every path. Clock: Monday 2026-03-02 09:00. The five
 * items of bundles.joint-completion-acceptance are accepted in parallel, each with its own promised limit (消防验收
 * 7 working days, due 11 Mar; the others 5, due 9 Mar). Failed items are rectified like a 退回补正: once every
 * item of the round is done, ONE notice lists every failed item's findings (10 working days, the item's
 * resubmission limit), and only the failed items are accepted again.
 */
class JointCompletionAcceptanceTest extends ConstructionScenarioTest {

  static final String ITEM = "GX-LHYS-001";
  static final List<String> ALL = List.of("JOINT_APPLICATION", "COMPLETION_REPORT", "AS_BUILT_DRAWINGS", "QUALITY_TESTS",
      "FIRE_TECHNICAL", "PLANNING_SURVEY", "AIR_DEFENCE_DOCS", "PROJECT_ARCHIVES");
  static final Map<String, String> CLERKS = Map.of("ZRZY-GHHS-001", "natres1", "XF-XFYS-001", "fire1",
      "RF-RFYS-001", "airdef1", "CJDA-DAYS-001", "archives1", "ZJ-ZLJD-001", "housing1");
  static final String FIRE = "XF-XFYS-001";

  @Autowired RectificationController rectifications;

  @BeforeEach
  void monday() {
    clockAt(LocalDateTime.of(2026, 3, 2, 9, 0));
  }

  private ProcessInstance accepted(boolean titleRegistration) {
    Map<String, Object> details = new HashMap<>(Map.of("projectName", "青岛蔚蓝生物股份有限公司研发中心",
        "projectAddress", "青岛高新区科荟路 8 号"));
    details.put("titleRegistrationRequested", titleRegistration);
    ProcessInstance pi = apply(ITEM, null, ALL, false, details);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    runJobs(pi); // each acceptance item starts in its own transaction
    return pi;
  }

  private Task itemTask(ProcessInstance pi, String itemCode) {
    return taskWhere(pi, "Task_AcceptItem", "itemCode", itemCode);
  }

  private void pass(ProcessInstance pi, String itemCode) {
    complete(CLERKS.get(itemCode), itemTask(pi, itemCode), Map.of("acceptanceResult", "PASS", "acceptanceFindings", "符合要求"));
  }

  private void rectified(ProcessInstance pi, String itemCode) {
    var response = rectifications.report(pi.getBusinessKey(),
        new RectificationController.RectificationReport(CREDIT_CODE, itemCode, "已更换防火卷帘控制器并完成联动调试"));
    assertThat(response.getStatusCode().value()).isEqualTo(202);
  }

  @Test
  void fiveItemsAcceptedInParallelGiveOneCertificateAndTheTitleAtOnce() {
    ProcessInstance pi = accepted(true);
    List<Task> items = tasks(pi, "Task_AcceptItem");
    assertThat(items).hasSize(5);
    assertThat(items.stream().flatMap(t -> candidateGroups(t).stream()))
        .containsExactlyInAnyOrder("natural-resources", "fire-protection", "civil-air-defence", "archives", "housing-construction");
    assertThat(itemTask(pi, FIRE).getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 11)));
    assertThat(itemTask(pi, "RF-RFYS-001").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 9)));
    assertThat(engine.getTaskService().getVariable(itemTask(pi, FIRE).getId(), "itemName")).isEqualTo("特殊建设工程消防验收");
    assertThat(engine.getTaskService().getVariable(itemTask(pi, FIRE).getId(), "departmentName")).isEqualTo("消防救援机构");
    assertThat(CaseVariables.strings(engine.getTaskService().getVariable(itemTask(pi, FIRE).getId(), "submittedMaterials")))
        .as("one shared set of materials").containsExactlyElementsOf(ALL);

    CLERKS.keySet().forEach(code -> pass(pi, code));

    assertThat(pi).hasPassed("Task_IssueJointCertificate", "Task_NotifyCertificate").isWaitingAt("Task_RegisterTitle");
    assertThat(licencesOf(pi)).singleElement().satisfies(l -> {
      assertThat(l.title()).isEqualTo("工程验收备案一企一证");
      assertThat(l.permits()).containsExactly("建设工程规划条件核实", "特殊建设工程消防验收", "人防工程竣工验收备案",
          "建设工程档案验收", "工程质量竣工验收监督");
    });
    assertThat(variable(pi, "failedAcceptanceItemCount")).isEqualTo(0);
    assertThat(variable(pi, "decisionStatus")).as("decided before the certificate").isEqualTo("ACCEPTANCE_PASSED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
    assertThat(candidateGroups(task(pi, "Task_RegisterTitle"))).containsExactly("real-estate-registry");

    completeAs("estate1", pi, "Task_RegisterTitle", Map.of("titleRegistrationResult", "REGISTERED"));
    assertThat(pi).isEnded().hasPassed("Task_IssueTitleCertificate", "Event_TitleIssued");
    assertThat(variable(pi, "caseStatus")).isEqualTo("ACCEPTANCE_PASSED");
    assertThat(licencesOf(pi)).extracting(Licence::title).containsExactly("工程验收备案一企一证", "不动产权证书");
    assertThat(licencesOf(pi).get(1).issuedBy()).isEqualTo("不动产登记中心");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "JOINT_ACCEPTANCE_CERTIFICATE_ISSUED", "TITLE_REGISTERED");
  }

  @Test
  void oneFailingItemIsRectifiedAndReacceptedAloneWhileTheOthersStandAccepted() {
    ProcessInstance pi = accepted(false);
    pass(pi, "ZRZY-GHHS-001");
    pass(pi, "RF-RFYS-001");
    Task fire = itemTask(pi, FIRE);
    assertThatThrownBy(() -> engine.getTaskService().complete(fire.getId(), Map.of("acceptanceResult", "FAIL")))
        .hasMessageContaining("发现的问题和整改要求");
    complete("fire1", fire, Map.of("acceptanceResult", "FAIL", "acceptanceFindings", "地下车库防火卷帘未联动, 须整改"));

    assertThat(pi).hasPassed("Task_RecordItemRectification").hasNotPassed("Task_NotifyRectification");
    assertThat(tasks(pi, "Task_AcceptItem")).as("archives and quality still accept").hasSize(2);
    assertThat(noticeTypes(pi)).as("no notice before every item is done").containsExactly("ACCEPTED");

    pass(pi, "CJDA-DAYS-001");
    pass(pi, "ZJ-ZLJD-001");
    assertThat(pi).hasPassed("Task_ReturnForRectification", "Task_NotifyRectification").isWaitingAt("Gateway_WaitRectification");
    assertThat(licencesOf(pi)).isEmpty();
    assertThat(progressOf(pi)).containsEntry("status", "RETURNED");
    assertThat(variable(pi, "decidedAt")).as("no decision while rectifying").isNull();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "JOINT_ACCEPTANCE_RECTIFICATION");
    assertThat(notices(pi).get(1).body()).contains("经消防救援机构联合验收", "1. 消防救援机构 (特殊建设工程消防验收): 地下车库防火卷帘未联动",
        "2026年3月16日", "逾期未整改的, 本次联合验收不予通过");

    clockAt(LocalDateTime.of(2026, 3, 10, 10, 0));
    assertThat(rectifications.report(pi.getBusinessKey(),
        new RectificationController.RectificationReport("91350100M000100Y44", FIRE, null)).getStatusCode().value())
        .as("someone else's credit code").isEqualTo(404);
    assertThat(rectifications.report(pi.getBusinessKey(),
        new RectificationController.RectificationReport(CREDIT_CODE, "RF-RFYS-001", null)).getStatusCode().value())
        .as("an item that passed waits for no rectification").isEqualTo(409);
    rectified(pi, FIRE);
    runJobs(pi);
    Task again = itemTask(pi, FIRE);
    assertThat(tasks(pi, "Task_AcceptItem")).as("only the failed item is accepted again").hasSize(1);
    assertThat(engine.getTaskService().getVariable(again.getId(), "acceptanceRound")).isEqualTo(2);
    assertThat(engine.getTaskService().getVariable(again.getId(), "acceptanceResult")).isNull();
    assertThat(engine.getTaskService().getVariable(again.getId(), "rectificationFindings")).isEqualTo("地下车库防火卷帘未联动, 须整改");
    // 7 working days from Tue 10 Mar
    assertThat(again.getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 19)));
    pass(pi, FIRE);

    assertThat(pi).isEnded().hasPassed("Event_AcceptanceCompleted").hasNotPassed("Task_RegisterTitle");
    assertThat(licencesOf(pi)).singleElement().satisfies(l -> assertThat(l.permits()).hasSize(5));
    assertThat(variable(pi, "acceptanceResults").toString()).contains("\"itemCode\":\"XF-XFYS-001\"", "\"rounds\":2");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("ACCEPTANCE_PASSED");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "JOINT_ACCEPTANCE_RECTIFICATION", "JOINT_ACCEPTANCE_CERTIFICATE_ISSUED");
  }

  @Test
  void twoFailingItemsGetOneNoticeWithBothRequirementsAndOneReportBringsBothBack() {
    ProcessInstance pi = accepted(true);
    pass(pi, "ZRZY-GHHS-001");
    pass(pi, "ZJ-ZLJD-001");
    complete("fire1", itemTask(pi, FIRE), Map.of("acceptanceResult", "FAIL", "acceptanceFindings", "消防水泵接合器未标识"));
    pass(pi, "CJDA-DAYS-001");
    complete("airdef1", itemTask(pi, "RF-RFYS-001"),
        Map.of("acceptanceResult", "FAIL", "acceptanceFindings", "防护密闭门安装不符合设计要求"));

    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "JOINT_ACCEPTANCE_RECTIFICATION");
    assertThat(notices(pi).get(1).body()).contains("经消防救援机构、人民防空办公室联合验收",
        "1. 消防救援机构 (特殊建设工程消防验收): 消防水泵接合器未标识", "2. ", "(人防工程竣工验收备案): 防护密闭门安装不符合设计要求");
    assertThat(variable(pi, "returnCount")).isEqualTo(1);

    var response = rectifications.report(pi.getBusinessKey(),
        new RectificationController.RectificationReport(CREDIT_CODE, null, "两项均已整改"));
    assertThat(response.getStatusCode().value()).isEqualTo(202);
    runJobs(pi);
    assertThat(tasks(pi, "Task_AcceptItem")).extracting(t -> engine.getTaskService().getVariable(t.getId(), "itemCode"))
        .containsExactlyInAnyOrder(FIRE, "RF-RFYS-001");
    pass(pi, FIRE);
    pass(pi, "RF-RFYS-001");

    assertThat(pi).hasPassed("Task_RecordAcceptancePassed", "Task_IssueJointCertificate").isWaitingAt("Task_RegisterTitle");
    assertThat(licencesOf(pi)).singleElement().satisfies(l -> assertThat(l.permits()).hasSize(5));
    assertThat(variable(pi, "decisionStatus")).isEqualTo("ACCEPTANCE_PASSED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
  }

  @Test
  void rectificationOverdueFailsTheJointAcceptance() {
    ProcessInstance pi = accepted(true);
    for (String code : List.of("ZRZY-GHHS-001", "XF-XFYS-001", "CJDA-DAYS-001", "ZJ-ZLJD-001")) {
      pass(pi, code);
    }
    complete("airdef1", itemTask(pi, "RF-RFYS-001"),
        Map.of("acceptanceResult", "FAIL", "acceptanceFindings", "防护密闭门安装不符合设计要求"));

    Task none = tasks(pi, "Task_AcceptItem").stream().findFirst().orElse(null);
    assertThat(none).isNull();
    assertThat(variable(pi, "decidedAt")).isNull();
    fireTimer(pi, "Event_RectificationOverdue");

    assertThat(pi).isEnded().hasPassed("Task_RecordItemsFailed", "Task_RecordAcceptanceFailed", "Event_AcceptanceFailed")
        .hasNotPassed("Task_IssueJointCertificate", "Task_RegisterTitle");
    assertThat(variable(pi, "caseStatus")).isEqualTo("ACCEPTANCE_FAILED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("ACCEPTANCE_FAILED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
    assertThat(variable(pi, "failedAcceptanceItemCount")).isEqualTo(1);
    assertThat(licencesOf(pi)).isEmpty();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "JOINT_ACCEPTANCE_RECTIFICATION", "JOINT_ACCEPTANCE_FAILED");
  }

  @Test
  void titleRegistrationRefusedKeepsTheCertificate() {
    ProcessInstance pi = accepted(true);
    CLERKS.keySet().forEach(code -> pass(pi, code));
    String id = task(pi, "Task_RegisterTitle").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("titleRegistrationResult", "REJECTED")))
        .hasMessageContaining("登记意见");
    completeAs("estate1", pi, "Task_RegisterTitle",
        Map.of("titleRegistrationResult", "REJECTED", "titleRegistrationNote", "土地出让价款尚未缴清"));
    assertThat(pi).isEnded().hasPassed("Task_NotifyTitleRejected", "Event_TitleRejected");
    assertThat(licencesOf(pi)).extracting(Licence::title).containsExactly("工程验收备案一企一证");
  }

  @Test
  void titleRegistrationReturnedIsCorrectedOnlineAndReviewedAgain() {
    ProcessInstance pi = accepted(true);
    CLERKS.keySet().forEach(code -> pass(pi, code));
    completeAs("estate1", pi, "Task_RegisterTitle",
        Map.of("titleRegistrationResult", "RETURN", "titleRegistrationNote", "房屋面积测绘报告未加盖测绘单位公章"));

    assertThat(pi).hasPassed("Task_ReturnTitleForCorrection").isWaitingAt("Gateway_WaitTitleCorrection");
    assertThat(progressOf(pi)).containsEntry("status", "RETURNED");
    assertThat(notices(pi).get(notices(pi).size() - 1).body()).contains("不动产登记中心", "未加盖测绘单位公章");
    assertThat(variable(pi, "decisionStatus")).as("the acceptance decision stands").isEqualTo("ACCEPTANCE_PASSED");

    assertThat(rest().submitMaterials(pi.getBusinessKey(), CREDIT_CODE, ALL).getStatusCode().value()).isEqualTo(202);
    assertThat(pi).isWaitingAt("Task_RegisterTitle");
    completeAs("estate1", pi, "Task_RegisterTitle", Map.of("titleRegistrationResult", "REGISTERED"));

    assertThat(pi).isEnded().hasPassed("Task_IssueTitleCertificate", "Event_TitleIssued");
    assertThat(variable(pi, "caseStatus")).isEqualTo("ACCEPTANCE_PASSED");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "JOINT_ACCEPTANCE_CERTIFICATE_ISSUED", "RETURNED_FOR_CORRECTION",
        "TITLE_REGISTERED");
  }

  @Test
  void aTitleReturnNotCorrectedInTimeLeavesTheCertificateAndTellsTheApplicant() {
    ProcessInstance pi = accepted(true);
    CLERKS.keySet().forEach(code -> pass(pi, code));
    completeAs("estate1", pi, "Task_RegisterTitle",
        Map.of("titleRegistrationResult", "RETURN", "titleRegistrationNote", "房屋面积测绘报告未加盖测绘单位公章"));
    fireTimer(pi, "Event_TitleCorrectionOverdue");

    assertThat(pi).isEnded().hasPassed("Task_RecordTitleNotCorrected", "Task_NotifyTitleRejected", "Event_TitleRejected")
        .hasNotPassed("Task_IssueTitleCertificate");
    assertThat(variable(pi, "caseStatus")).isEqualTo("ACCEPTANCE_PASSED");
    assertThat(licencesOf(pi)).extracting(Licence::title).containsExactly("工程验收备案一企一证");
  }

  @Test
  void anOverdueItemIsSupervisedWithoutHoldingTheOthers() {
    ProcessInstance pi = accepted(false);
    pass(pi, FIRE);
    var overdue = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Event_ItemAcceptanceOverdue").timers().list();
    assertThat(overdue).hasSize(4);
    engine.getManagementService().executeJob(overdue.get(0).getId());
    assertThat(tasks(pi, "Task_SuperviseItemOverdue")).hasSize(1);
    assertThat(tasks(pi, "Task_AcceptItem")).hasSize(4);
  }

  @Test
  void incompleteMaterialsAreNotifiedOnceForAllFiveItems() {
    ProcessInstance pi = apply(ITEM, null, List.of("JOINT_APPLICATION", "COMPLETION_REPORT"), false,
        Map.of("projectName", "青岛蔚蓝生物股份有限公司研发中心"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(pi).isWaitingAt("Gateway_WaitResubmission");
    fireTimer(pi, "Event_ResubmissionDeadlinePassed");
    assertThat(pi).isEnded().hasPassed("Event_NotAccepted");
    assertThat(variable(pi, "decisionStatus")).as("not accepted: no decision").isNull();
    assertThat(variable(pi, "decidedAt")).isNull();
    assertThat(notices(pi).get(0)).satisfies(n -> assertThat(n.body())
        .contains("竣工图及竣工测量成果: 未提交", "消防验收技术资料及消防设施检测报告: 未提交", "规划核实测量报告: 未提交"));
  }
}
