package cn.gaoxin.approval.reforms.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.licences.LicenceRegister;
import cn.gaoxin.approval.licences.LicenceStatus;
import cn.gaoxin.approval.notices.Notice;
import cn.gaoxin.approval.support.ScenarioTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 容缺受理 (incomplete-materials-acceptance), every path. The clock starts on Friday 2026-02-13, the day before the
 * Spring Festival make-up Saturday, so due dates exercise the holiday calendar: 食品经营许可 promises 5 working
 * days (due 2026-02-27), acceptance 1 working day (due Sat 2026-02-14, a make-up working day).
 */
class IncompleteMaterialsAcceptanceTest extends ScenarioTest {

  @Autowired LicenceRegister licences;

  static final String FOOD = "SCJG-SPJY-001";
  static final List<String> ALL = List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID", "PREMISES_PROOF",
      "LAYOUT_PLAN", "SAFETY_RULES");
  static final List<String> CORE_ONLY = List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID");

  @BeforeEach
  void fridayBeforeSpringFestival() {
    clockAt(LocalDateTime.of(2026, 2, 13, 10, 0));
  }

  @Test
  void completeMaterialsAreReviewedAndApproved() {
    ProcessInstance pi = apply(FOOD, ALL, false);
    assertThat(pi).isWaitingAt("Task_VerifyMaterials");
    assertThat(pi.getBusinessKey()).matches("GX-2026-\\d{6}");
    assertThat(task(pi, "Task_VerifyMaterials").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 2, 14)));
    assertThat(candidateGroups(pi, "Task_VerifyMaterials")).containsExactly("window-clerks");

    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());

    assertThat(pi).hasPassed("Task_CheckMaterials", "Task_AcceptApplication").isWaitingAt("Task_ReviewApplication");
    assertThat(task(pi, "Task_ReviewApplication").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 2, 27)));
    assertThat(candidateGroups(pi, "Task_ReviewApplication")).containsExactly("market-regulation");

    completeAs("market1", pi, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "符合条件"));
    // the decision is committed with the clerk's completion; issuing the licence is an async step of its own
    assertThat(pi).isWaitingAt("Task_IssueLicence");
    assertThat(licences.forCase(pi.getBusinessKey())).isEmpty();
    runJobs(pi); // 核发证照 is an async step (retries, then an incident)

    assertThat(pi).isEnded().hasPassed("Task_RecordDecision", "Task_NotifyApproval", "Event_Approved")
        .hasNotPassed("Task_SendOneTimeNotification", "Task_AcceptOnCommitment");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "inPersonVisits")).isEqualTo(0);
    assertThat(licences.forCase(pi.getBusinessKey())).singleElement().satisfies(l -> {
      assertThat(l.title()).isEqualTo("食品经营许可证");
      assertThat(l.status()).isEqualTo(LicenceStatus.VALID);
      assertThat(l.validUntil()).isEqualTo(LocalDate.of(2031, 2, 13));
      assertThat(l.number()).isEqualTo(variable(pi, "licenceNumber"));
    });
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "DECISION_APPROVED");
    assertThat(historyOf(pi)).extracting(HistoricActivityInstance::getAssignee).contains("window1", "market1");
  }

  @Test
  void deferrableMissingIsAcceptedOnCommitmentAndSupplemented() {
    ProcessInstance pi = apply(FOOD, CORE_ONLY, true);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());

    assertThat(pi).hasPassed("Task_AcceptOnCommitment")
        .isWaitingAt("Task_ReviewApplication", "Gateway_WaitSupplement");
    // supplement limit of this item: 10 working days from Fri 13 Feb → Sat 14 (make-up), 24–27 Feb, Sat 28 (make-up), 2–5 Mar
    assertThat(variable(pi, "supplementDueDate")).isEqualTo(endOfDay(LocalDate.of(2026, 3, 5)));
    assertThat(variable(pi, "tolerantAcceptance")).isEqualTo(true);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED_ON_COMMITMENT");
    assertThat(notices(pi).get(0).body()).contains("经营场所使用证明", "经营设施设备布局及操作流程图", "食品安全管理制度文本");

    correlate(pi, "MaterialsSupplemented",
        Map.of("supplementedMaterials", CaseVariables.json(List.of("PREMISES_PROOF", "LAYOUT_PLAN", "SAFETY_RULES"))));
    completeAs("window2", pi, "Task_VerifySupplement", Map.of("supplementResult", "ACCEPT"));
    assertThat(pi).hasPassed("Task_RecordSupplement", "Event_SupplementComplete").isWaitingAt("Task_ReviewApplication");
    assertThat(timer(pi, "Event_SupplementDeadlinePassed")).isNull();

    completeAs("market1", pi, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "同意"));
    runJobs(pi); // 核发证照 is an async step (retries, then an incident)
    assertThat(pi).isEnded().hasPassed("Event_Approved");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "supplementPending")).isEqualTo(false);
  }

  @Test
  void rejectedSupplementKeepsTheCaseWaitingUntilAnAcceptableOne() {
    ProcessInstance pi = apply(FOOD, CORE_ONLY, true);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    correlate(pi, "MaterialsSupplemented", Map.of("supplementedMaterials", CaseVariables.json(List.of("PREMISES_PROOF"))));
    completeAs("window1", pi, "Task_VerifySupplement", Map.of("supplementResult", "REJECT", "supplementNote", "缺少布局图"));
    assertThat(pi).isWaitingAt("Task_ReviewApplication", "Gateway_WaitSupplement");
    assertThat(timer(pi, "Event_SupplementDeadlinePassed").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 5)));
  }

  @Test
  void supplementDeadlinePassedAfterApprovalRevokesTheDecision() {
    ProcessInstance pi = apply(FOOD, CORE_ONLY, true);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    completeAs("market1", pi, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "容缺准予"));
    runJobs(pi); // 核发证照 is an async step (retries, then an incident)
    assertThat(pi).isWaitingAt("Gateway_WaitSupplement");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");

    fireTimer(pi, "Event_SupplementDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Task_SuspendDecision", "Task_NotifySupplementOverdue", "Event_DecisionSuspended");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("REVOKED");
    assertThat(licences.forCase(pi.getBusinessKey())).singleElement()
        .satisfies(l -> assertThat(l.status()).isEqualTo(LicenceStatus.REVOKED));
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED_ON_COMMITMENT", "DECISION_APPROVED", "SUPPLEMENT_OVERDUE");
    assertThat(notices(pi).get(2).body()).contains("已撤销");
  }

  @Test
  void supplementDeadlinePassedDuringReviewSuspendsTheCase() {
    ProcessInstance pi = apply(FOOD, CORE_ONLY, true);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());

    fireTimer(pi, "Event_SupplementDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Event_DecisionSuspended").hasNotPassed("Task_RecordDecision");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("SUSPENDED");
    assertThat(task(pi, "Task_ReviewApplication")).isNull();
    assertThat(licences.forCase(pi.getBusinessKey())).isEmpty();
    assertThat(notices(pi).get(1).body()).contains("已中止");
  }

  @Test
  void deferrableMissingWithoutCommitmentGetsTheOneTimeNotification() {
    ProcessInstance pi = apply(FOOD, CORE_ONLY, false);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(pi).hasPassed("Task_SendOneTimeNotification").isWaitingAt("Gateway_WaitResubmission");
  }

  @Test
  void coreMissingIsNotifiedOnceThenResubmittedAndApproved() {
    ProcessInstance pi = apply(FOOD, List.of("APPLICATION", "PREMISES_PROOF"), false);
    completeAs("window1", pi, "Task_VerifyMaterials",
        Map.of("defectiveMaterials", CaseVariables.json(List.of("APPLICATION")), "defectNote", "申请书未盖公章"));

    assertThat(pi).hasPassed("Task_SendOneTimeNotification").isWaitingAt("Gateway_WaitResubmission");
    assertThat(variable(pi, "caseStatus")).isEqualTo("AWAITING_RESUBMISSION");
    // resubmission limit 5 working days from Fri 13 Feb → 14, 24, 25, 26, 27 Feb
    assertThat(variable(pi, "resubmissionDueDate")).isEqualTo(endOfDay(LocalDate.of(2026, 2, 27)));
    Notice notice = notices(pi).get(0);
    assertThat(notice.type()).isEqualTo("ONE_TIME_NOTIFICATION");
    assertThat(notice.body()).contains("食品经营许可申请书: 不符合要求: 申请书未盖公章", "营业执照: 未提交",
        "法定代表人 (负责人) 身份证明: 未提交", "经营设施设备布局及操作流程图: 未提交", "食品安全管理制度文本: 未提交",
        "2026年2月27日");
    assertThat(notice.body()).doesNotContain("经营场所使用证明");

    correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(ALL)));
    assertThat(pi).isWaitingAt("Task_VerifyMaterials");
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of("defectiveMaterials", CaseVariables.json(List.of())));
    assertThat(pi).isWaitingAt("Task_ReviewApplication");
    completeAs("market1", pi, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "补正后符合条件"));
    runJobs(pi); // 核发证照 is an async step (retries, then an incident)

    assertThat(pi).isEnded().hasPassed("Event_Approved");
    assertThat(variable(pi, "materialsCheckCount")).isEqualTo(2);
    assertThat(noticeTypes(pi)).containsExactly("ONE_TIME_NOTIFICATION", "ACCEPTED", "DECISION_APPROVED");
  }

  @Test
  void coreMissingWithoutResubmissionIsNotAccepted() {
    ProcessInstance pi = apply(FOOD, List.of("APPLICATION"), false);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());

    fireTimer(pi, "Event_ResubmissionDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Task_CloseNotAccepted", "Task_NotifyNotAccepted", "Event_NotAccepted")
        .hasNotPassed("Task_ReviewApplication");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_ACCEPTED");
    assertThat(noticeTypes(pi)).containsExactly("ONE_TIME_NOTIFICATION", "NOT_ACCEPTED");
  }

  @Test
  void rejectionNeedsAReasonAndEndsTheCase() {
    ProcessInstance pi = apply(FOOD, ALL, false);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    String reviewId = task(pi, "Task_ReviewApplication").getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(reviewId, Map.of("reviewDecision", "REJECT")))
        .hasMessageContaining("不予许可必须填写理由");
    assertThat(pi).isWaitingAt("Task_ReviewApplication");

    completeAs("market1", pi, "Task_ReviewApplication",
        Map.of("reviewDecision", "REJECT", "decisionReason", "经营场所不符合食品安全要求"));
    assertThat(pi).isEnded().hasPassed("Task_NotifyRejection", "Event_Rejected");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("REJECTED");
    assertThat(licences.forCase(pi.getBusinessKey())).isEmpty();
    assertThat(notices(pi).get(1).body()).contains("不予许可", "经营场所不符合食品安全要求");
  }

  @Test
  void overdueReviewRaisesASupervisionTaskWithoutStoppingTheReview() {
    ProcessInstance pi = apply(FOOD, ALL, false);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(timer(pi, "Event_ReviewOverdue").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 2, 27)));

    fireTimer(pi, "Event_ReviewOverdue");

    assertThat(pi).isWaitingAt("Task_ReviewApplication", "Task_SuperviseOverdueReview");
    assertThat(candidateGroups(pi, "Task_SuperviseOverdueReview")).containsExactly("supervision");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);
    completeAs("supervisor1", pi, "Task_SuperviseOverdueReview",
        Map.of("supervisionAction", "URGE", "supervisionOpinion", "请于今日办结"));
    completeAs("market1", pi, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "同意"));
    runJobs(pi); // 核发证照 is an async step (retries, then an incident)
    assertThat(pi).isEnded();
    assertThat(historyOf(pi)).extracting(HistoricActivityInstance::getActivityId)
        .contains("Event_ReviewOverdue", "Task_SuperviseOverdueReview");
  }

  @Test
  void reviewerReturnsTheCaseForCorrectionWithEveryReasonInOneNotice() {
    ProcessInstance pi = apply(FOOD, ALL, false);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    String reviewId = task(pi, "Task_ReviewApplication").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(reviewId, Map.of("reviewDecision", "RETURN")))
        .hasMessageContaining("退回补正必须一次性写明全部需要补正的内容");

    completeAs("market1", pi, "Task_ReviewApplication", Map.of("reviewDecision", "RETURN",
        "decisionReason", "1. 布局图未标明生熟分区; 2. 食品安全管理制度缺少进货查验制度"));

    assertThat(pi).hasPassed("Task_ReturnForCorrection").isWaitingAt("Gateway_WaitResubmission")
        .hasNotPassed("Task_IssueLicence");
    assertThat(variable(pi, "caseStatus")).isEqualTo("RETURNED");
    assertThat(variable(pi, "decisionStatus")).isNull();
    // resubmission limit counted from the return: 5 working days from Fri 13 Feb → 27 Feb
    assertThat(variable(pi, "resubmissionDueDate")).isEqualTo(endOfDay(LocalDate.of(2026, 2, 27)));
    Notice notice = notices(pi).get(1);
    assertThat(notice.type()).isEqualTo("RETURNED_FOR_CORRECTION");
    assertThat(notice.body()).contains("布局图未标明生熟分区", "缺少进货查验制度", "2026年2月27日");

    correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(ALL)));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    completeAs("market1", pi, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "补正后符合"));
    runJobs(pi); // 核发证照 is an async step (retries, then an incident)
    assertThat(pi).isEnded().hasPassed("Event_Approved");
    assertThat(variable(pi, "returnCount")).isEqualTo(1);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION", "ACCEPTED", "DECISION_APPROVED");
  }

  @Test
  void returnedCaseNotCorrectedInTimeIsNotAccepted() {
    ProcessInstance pi = apply(FOOD, ALL, false);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    completeAs("market1", pi, "Task_ReviewApplication", Map.of("reviewDecision", "RETURN", "decisionReason", "申请书签字不全"));
    fireTimer(pi, "Event_ResubmissionDeadlinePassed");
    assertThat(pi).isEnded().hasPassed("Event_NotAccepted");
    assertThat(licences.forCase(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void withdrawalBeforeTheDecisionEndsTheCaseAndIssuesNothing() {
    ProcessInstance pi = apply(FOOD, CORE_ONLY, true);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(pi).isWaitingAt("Task_ReviewApplication", "Gateway_WaitSupplement");

    correlate(pi, "CaseWithdrawn", Map.of("withdrawalReason", "经营场所变更, 另行申请"));

    assertThat(pi).isEnded().hasPassed("Task_RecordWithdrawal", "Task_NotifyWithdrawal", "Event_Withdrawn")
        .hasNotPassed("Task_RecordDecision", "Task_IssueLicence");
    assertThat(variable(pi, "caseStatus")).isEqualTo("WITHDRAWN");
    assertThat(licences.forCase(pi.getBusinessKey())).isEmpty();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED_ON_COMMITMENT", "WITHDRAWN");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  private List<String> candidateGroups(ProcessInstance pi, String taskKey) {
    return engine.getTaskService().getIdentityLinksForTask(task(pi, taskKey).getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  private List<HistoricActivityInstance> historyOf(ProcessInstance pi) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list();
  }
}
