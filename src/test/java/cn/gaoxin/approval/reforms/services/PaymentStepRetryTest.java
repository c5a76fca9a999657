package cn.gaoxin.approval.reforms.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.payments.DisbursePaymentDelegate;
import cn.gaoxin.approval.payments.PaymentRegister;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The payment steps of group 3 reach outside the engine (treasury, bank): each runs as its own job with the retry
 * cycle R5/PT5M. Here the first attempt of each fails for a technical reason; the case keeps waiting at the step with
 * one retry used and nothing paid, and the retry five minutes later pays exactly once. (The failing register is
 * swapped into the payment step for the test only, so the suite keeps one application context.)
 */
class PaymentStepRetryTest extends ServicesScenarioTest {

  @Autowired DisbursePaymentDelegate paymentStep;
  PaymentRegister realRegister;

  @BeforeEach
  void firstPaymentAttemptFails() {
    clockAt(LocalDateTime.of(2026, 6, 17, 14, 0));
    realRegister = (PaymentRegister) ReflectionTestUtils.getField(paymentStep, "register");
    PaymentRegister flaky = spy(realRegister);
    doThrow(new DataAccessResourceFailureException("国库集中支付系统连接超时")).doCallRealMethod().when(flaky).pay(any());
    ReflectionTestUtils.setField(paymentStep, "register", flaky);
  }

  @AfterEach
  void realRegister() {
    ReflectionTestUtils.setField(paymentStep, "register", realRegister);
  }

  void failsOnceThenPaysOnce(ProcessInstance pi, String stepId, BigDecimal amount) {
    assertThat(pi).isWaitingAt(stepId);
    assertThatThrownBy(() -> runJobs(pi)).hasMessageContaining("国库集中支付系统连接超时");

    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(stepId).singleResult();
    assertThat(job.getRetries()).isEqualTo(4);
    assertThat(job.getExceptionMessage()).contains("国库集中支付系统连接超时");
    assertThat(job.getDuedate()).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 5 * 60 * 1000));
    assertThat(pi).isWaitingAt(stepId);
    assertThat(payments.forCase(pi.getBusinessKey())).isEmpty();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();

    ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
    runJobs(pi);

    assertThat(pi).isEnded();
    assertThat(payments.forCase(pi.getBusinessKey())).singleElement()
        .satisfies(p -> assertThat(p.amount()).isEqualByComparingTo(amount));
  }

  @Test
  void loanDisbursementIsRetried() {
    ProcessInstance pi = submit("JR-JFD-001", "厦门火炬芯联微电子有限公司", newCreditCode(), List.of(),
        map("monthsInZone", 30, "enterpriseScale", "SMALL", "badCreditRecord", false, "annualRevenue", 52000000,
            "specialisedSme", true, "innovationPoints", 860, "requestedAmount", 5000000, "lendingBank", "中国工商银行厦门市分行"));
    completeAs("bank1", pi, "Task_BankReview", Map.of("creditDecision", "APPROVE", "lendingBank", "中国工商银行厦门市分行"));
    failsOnceThenPaysOnce(pi, "Task_DisburseLoan", new BigDecimal("5000000"));
    assertThat(noticeTypes(pi)).containsExactly("LOAN_LIMIT_ASSESSED", "LOAN_DISBURSED");
  }

  @Test
  void policyPaymentIsRetried() {
    String firm = newCreditCode();
    ProcessInstance pi = submit("CZ-ZCDX-004", "长春高新光电科技股份有限公司", firm,
        List.of("APPLICATION", "BUSINESS_LICENCE", "HIGH_TECH_CERTIFICATE", "BANK_ACCOUNT"),
        map("registeredInZone", true, "highTechCertification", "FIRST"));
    completeAs("finance1", pi, "Task_ReviewClaim", Map.of("reviewDecision", "APPROVE", "decisionReason", "证书真实有效"));
    fireTimer(pi, "Event_NoticePeriodEnded");
    failsOnceThenPaysOnce(pi, "Task_PayFunds", new BigDecimal("200000"));
    assertThat(claims.ofFirm(firm)).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo("PAID"));
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "POLICY_PUBLIC_NOTICE", "POLICY_FUNDS_PAID");
  }

  @Test
  void courierFeeSettlementIsRetried() {
    ProcessInstance pi = submit("FW-BDB-001", "济宁高新区惠民餐饮店", newCreditCode(), List.of(),
        map("orderedItemCode", "SCJG-SPJY-001", "runnerType", "POST", "deliveryAddress", "高新区崇文大道 5 号", "deliveryArea", "ZONE"));
    completeAs("courier1", pi, "Task_CollectMaterials", map("collectionResult", "COLLECTED", "authorisationSigned", true,
        "collectedMaterials", CaseVariables.json(ProxyServiceTest.FOOD_ALL)));
    ProcessInstance handling = calledCase(pi);
    completeAs("window1", handling, "Task_VerifyMaterials", Map.of());
    completeAs("market1", handling, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "同意"));
    runJobs(handling); // 容缺受理 issues the licence in an async step
    completeAs("courier1", pi, "Task_DeliverResult", Map.of("trackingNumber", "1187654321098", "receivedBy", "张三"));
    failsOnceThenPaysOnce(pi, "Task_SettleCourierFee", new BigDecimal("22"));
  }
}
