package cn.gaoxin.approval.reforms.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.cases.ApplicantController;
import cn.gaoxin.approval.cases.CaseVariables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * 火炬积分贷 (innovation-points-loan), every path. The clock starts on Wednesday 2026-06-17, before the Dragon Boat
 * holiday (19–21 June): the bank's promised 3 working days run to Tuesday 23 June.
 */
class InnovationPointsLoanTest extends ServicesScenarioTest {

  static final String LOAN = "JR-JFD-001";
  static final List<String> MATERIALS = List.of("BUSINESS_LICENCE", "LEGAL_REP_ID", "FINANCIAL_STATEMENTS", "CREDIT_AUTHORISATION");
  static final String FIRM = "厦门火炬芯联微电子有限公司";
  static final String ICBC = "中国工商银行厦门市分行";

  @org.springframework.beans.factory.annotation.Autowired ApplicantController applicantApi;

  String creditCode;

  @BeforeEach
  void beforeDragonBoatFestival() {
    clockAt(LocalDateTime.of(2026, 6, 17, 14, 0));
    creditCode = newCreditCode();
  }

  ProcessInstance applyFor(Map<String, Object> facts) {
    return submit(LOAN, FIRM, creditCode, MATERIALS, facts);
  }

  static Map<String, Object> specialisedSme() {
    return map("monthsInZone", 30, "enterpriseScale", "SMALL", "badCreditRecord", false, "annualRevenue", 52000000,
        "specialisedSme", true, "innovationPoints", 860, "requestedAmount", 8000000, "lendingBank", ICBC);
  }

  @Test
  void aSpecialisedSmeIsAssessedAtTenMillionApprovedOnlineAndPaidOut() {
    ProcessInstance pi = applyFor(specialisedSme());

    assertThat(pi).hasPassed("Task_CheckEligibility", "Task_ComputeCreditLimit", "Task_ProposeAmount",
        "Task_NotifyLimitAssessed").isWaitingAt("Task_BankReview");
    assertThat(variable(pi, "eligible")).isEqualTo(true);
    assertThat(variable(pi, "creditLimit")).isEqualTo(10000000L);
    assertThat(variable(pi, "creditTier")).isEqualTo("专精特新 A 档");
    assertThat(variable(pi, "proposedAmount")).isEqualTo(8000000L);
    assertThat(candidateGroups(pi, "Task_BankReview")).containsExactly("bank-officers");
    assertThat(task(pi, "Task_BankReview").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 6, 23)));
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.type()).isEqualTo("LOAN_LIMIT_ASSESSED");
      assertThat(n.body()).contains("860 分", "10,000,000 元", "专精特新 A 档", "8,000,000 元", "3 个工作日");
    });

    completeAs("bank1", pi, "Task_BankReview", Map.of("creditDecision", "APPROVE", "lendingBank", ICBC));

    assertThat(pi).hasPassed("Task_RecordCreditDecision").isWaitingAt("Task_DisburseLoan");
    assertThat(variable(pi, "caseStatus")).isEqualTo("CREDIT_APPROVED");
    assertThat(payments.forCase(pi.getBusinessKey())).isEmpty();
    runJobs(pi);

    assertThat(pi).isEnded().hasPassed("Task_DisburseLoan", "Task_RecordDisbursed", "Task_NotifyDisbursed", "Event_Disbursed");
    assertThat(payments.forCase(pi.getBusinessKey())).singleElement().satisfies(p -> {
      assertThat(p.amount()).isEqualByComparingTo(new BigDecimal("8000000"));
      assertThat(p.payer()).isEqualTo(ICBC);
      assertThat(p.payeeName()).isEqualTo(FIRM);
      assertThat(p.payeeCreditCode()).isEqualTo(creditCode);
      assertThat(p.purpose()).isEqualTo("火炬积分贷放款");
    });
    assertThat(variable(pi, "approvedAmount")).isEqualTo(8000000L);
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "caseStatus")).isEqualTo("LOAN_DISBURSED");
    assertThat(variable(pi, "inPersonVisits")).isEqualTo(0);
    assertThat(noticeTypes(pi)).containsExactly("LOAN_LIMIT_ASSESSED", "LOAN_DISBURSED");
    assertThat(notices(pi).get(1).body()).contains(ICBC, "8,000,000 元", "按测算额度授信", (String) variable(pi, "loanVoucher"));
  }

  @Test
  void aStartupWithoutRevenueIsCappedAtOneMillionAndTheBankMayReduceIt() {
    ProcessInstance pi = applyFor(map("monthsInZone", 14, "enterpriseScale", "MICRO", "badCreditRecord", false,
        "annualRevenue", 0, "innovationPoints", 720, "requestedAmount", 2000000, "lendingBank", ICBC));
    assertThat(variable(pi, "creditLimit")).isEqualTo(1000000L);
    assertThat(variable(pi, "creditTier")).isEqualTo("初创型 A 档");
    assertThat(variable(pi, "proposedAmount")).isEqualTo(1000000L);

    completeAs("bank1", pi, "Task_BankReview", Map.of("creditDecision", "REDUCE", "approvedAmount", 600000,
        "creditDecisionReason", "企业尚无营业收入, 首次授信按 60 万元核定", "lendingBank", ICBC));
    runJobs(pi);

    assertThat(pi).isEnded().hasPassed("Event_Disbursed");
    assertThat(variable(pi, "approvedAmount")).isEqualTo(600000L);
    assertThat(payments.forCase(pi.getBusinessKey())).singleElement()
        .satisfies(p -> assertThat(p.amount()).isEqualByComparingTo(new BigDecimal("600000")));
    assertThat(notices(pi).get(1).body()).contains("600,000 元", "调减额度后授信");
  }

  @Test
  void withoutARequestedAmountTheWholeLimitIsProposed() {
    Map<String, Object> facts = specialisedSme();
    facts.remove("requestedAmount");
    facts.put("innovationPoints", 450);
    ProcessInstance pi = applyFor(facts);
    assertThat(variable(pi, "creditLimit")).isEqualTo(3000000L);
    assertThat(variable(pi, "proposedAmount")).isEqualTo(3000000L);
    assertThat(variable(pi, "requestedAmountText")).isEqualTo("未指定 (按测算额度)");
  }

  @Test
  void theBankDecisionIsCheckedBeforeItCounts() {
    ProcessInstance pi = applyFor(specialisedSme());
    String reviewId = task(pi, "Task_BankReview").getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(reviewId, Map.of()))
        .hasMessageContaining("请选择审批意见");
    assertThatThrownBy(() -> engine.getTaskService().complete(reviewId, Map.of("creditDecision", "REDUCE")))
        .hasMessageContaining("调减额度时请填写调减后的授信金额").hasMessageContaining("调减额度必须写明理由");
    assertThatThrownBy(() -> engine.getTaskService().complete(reviewId, Map.of("creditDecision", "REDUCE",
        "approvedAmount", 8000000, "creditDecisionReason", "额度过高")))
        .hasMessageContaining("调减后的授信金额必须低于测算建议金额 8,000,000 元");
    assertThatThrownBy(() -> engine.getTaskService().complete(reviewId, Map.of("creditDecision", "REFUSE")))
        .hasMessageContaining("不予授信必须写明理由");
    assertThatThrownBy(() -> engine.getTaskService().complete(reviewId, Map.of("creditDecision", "APPROVE", "lendingBank", " ")))
        .hasMessageContaining("请填写放款银行");
    assertThat(pi).isWaitingAt("Task_BankReview");
    assertThat(payments.forCase(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void aRefusalEndsTheApplicationWithItsReason() {
    ProcessInstance pi = applyFor(specialisedSme());
    completeAs("bank1", pi, "Task_BankReview", Map.of("creditDecision", "REFUSE",
        "creditDecisionReason", "企业近六个月存在多笔逾期应付账款"));

    assertThat(pi).isEnded().hasPassed("Task_NotifyRefused", "Event_Refused").hasNotPassed("Task_DisburseLoan");
    assertThat(variable(pi, "caseStatus")).isEqualTo("CREDIT_REFUSED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("REJECTED");
    assertThat(variable(pi, "approvedAmount")).isEqualTo(0L);
    assertThat(payments.forCase(pi.getBusinessKey())).isEmpty();
    assertThat(notices(pi).get(1).body()).contains("不予授信", "企业近六个月存在多笔逾期应付账款");
  }

  @Test
  void anIneligibleFirmLearnsEveryReasonAtOnce() {
    ProcessInstance pi = applyFor(map("monthsInZone", 8, "enterpriseScale", "MEDIUM", "badCreditRecord", true,
        "annualRevenue", 260000000, "specialisedSme", true, "innovationPoints", 900));

    assertThat(pi).isEnded().hasPassed("Task_RecordIneligible", "Task_NotifyIneligible", "Event_Ineligible")
        .hasNotPassed("Task_ComputeCreditLimit");
    assertThat(variable(pi, "eligible")).isEqualTo(false);
    assertThat(CaseVariables.strings(variable(pi, "ineligibilityReasons"))).containsExactly(
        "入驻高新区未满 1 年 (须 1 年含以上)", "不符合工信部小型或微型企业划型标准", "企业或法定代表人存在不良信用记录");
    assertThat(variable(pi, "caseStatus")).isEqualTo("INELIGIBLE");
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.type()).isEqualTo("LOAN_INELIGIBLE");
      assertThat(n.body()).contains("1. 入驻高新区未满 1 年 (须 1 年含以上)\n2. 不符合工信部小型或微型企业划型标准\n3. 企业或法定代表人存在不良信用记录");
    });
  }

  @Test
  void missingPlatformDataIsNamedAsWell() {
    ProcessInstance pi = applyFor(map("enterpriseScale", "SMALL"));
    assertThat(pi).isEnded().hasPassed("Event_Ineligible");
    assertThat(CaseVariables.strings(variable(pi, "ineligibilityReasons"))).containsExactly(
        "缺少入驻高新区时间", "缺少征信查询结果", "缺少上年度营业收入数据 (无营业收入填 0)", "缺少创新积分测算结果");
  }

  @Test
  void pointsBelowTheThresholdGetNoCredit() {
    ProcessInstance pi = applyFor(map("monthsInZone", 24, "enterpriseScale", "SMALL", "badCreditRecord", false,
        "annualRevenue", 3000000, "specialisedSme", false, "innovationPoints", 150));

    assertThat(pi).isEnded().hasPassed("Task_ComputeCreditLimit", "Task_RecordPointsInsufficient",
        "Task_NotifyPointsInsufficient", "Event_PointsInsufficient").hasNotPassed("Task_BankReview");
    assertThat(variable(pi, "creditLimit")).isEqualTo(0L);
    assertThat(variable(pi, "caseStatus")).isEqualTo("INELIGIBLE");
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.type()).isEqualTo("LOAN_POINTS_INSUFFICIENT");
      assertThat(n.body()).contains("150 分");
    });
  }

  @Test
  void theFirmMayWithdrawBeforeTheBankDecidesButNotAfter() {
    ProcessInstance pi = applyFor(specialisedSme());
    var withdrawn = applicantApi.withdraw(pi.getBusinessKey(), new ApplicantController.Withdrawal(creditCode, "已从其他银行获得贷款"));

    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pi).isEnded().hasPassed("Task_RecordWithdrawal", "Task_NotifyWithdrawal", "Event_Withdrawn")
        .hasNotPassed("Task_DisburseLoan");
    assertThat(variable(pi, "caseStatus")).isEqualTo("WITHDRAWN");
    assertThat(noticeTypes(pi)).containsExactly("LOAN_LIMIT_ASSESSED", "WITHDRAWN");

    ProcessInstance decided = applyFor(specialisedSme());
    completeAs("bank1", decided, "Task_BankReview", Map.of("creditDecision", "APPROVE", "lendingBank", ICBC));
    var refused = applicantApi.withdraw(decided.getBusinessKey(), new ApplicantController.Withdrawal(creditCode, null));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(decided).isWaitingAt("Task_DisburseLoan");
  }

  @Test
  void anOverdueBankReviewRaisesASupervisionTask() {
    ProcessInstance pi = applyFor(specialisedSme());
    assertThat(timer(pi, "Event_BankReviewOverdue").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 6, 23)));

    fireTimer(pi, "Event_BankReviewOverdue");

    assertThat(pi).isWaitingAt("Task_BankReview", "Task_SuperviseOverdueBankReview");
    assertThat(candidateGroups(pi, "Task_SuperviseOverdueBankReview")).containsExactly("supervision");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);
  }

  @Test
  void theApplicantCanFollowTheApplicationByCaseNumber() {
    ProcessInstance pi = applyFor(specialisedSme());
    var progress = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(progress.getBusinessKey()).matches("GX-2026-\\d{6}");
    assertThat(applicantProgress(pi.getBusinessKey()).statusText()).isEqualTo("已受理");
  }

  cn.gaoxin.approval.cases.CaseProgress applicantProgress(String caseNumber) {
    return progressService.progress(progressService.findOwnCase(caseNumber, creditCode).orElseThrow());
  }

  @org.springframework.beans.factory.annotation.Autowired cn.gaoxin.approval.cases.CaseProgressService progressService;
}
