package cn.gaoxin.approval.reforms.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.cases.ApplicantController;
import cn.gaoxin.approval.publicity.PublicNoticeController;
import cn.gaoxin.approval.publicity.PublicNotices;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * 政策兑现 (policy-fulfilment), every path. The clock starts on Monday 2026-09-21, before the Mid-Autumn (25–27
 * September) and National Day (1–7 October) holidays with the make-up Saturday 10 October: the finance bureau's
 * 10 working days run to Monday 12 October, while the 7-day public notice (calendar days, counted from the day after
 * publication) ends on Monday 28 September.
 */
class PolicyFulfilmentTest extends ServicesScenarioTest {

  static final String NEEQ = "CZ-ZCDX-001";
  static final String IPO = "CZ-ZCDX-002";
  static final String VOUCHER = "CZ-ZCDX-003";
  static final String HIGH_TECH = "CZ-ZCDX-004";
  static final List<String> NEEQ_MATERIALS = List.of("APPLICATION", "BUSINESS_LICENCE", "LISTING_APPROVAL", "BANK_ACCOUNT");
  static final List<String> VOUCHER_MATERIALS = List.of("APPLICATION", "BUSINESS_LICENCE", "SERVICE_CONTRACT",
      "PAYMENT_INVOICE", "BANK_ACCOUNT");
  static final String FIRM = "长春高新光电科技股份有限公司";

  @Autowired ApplicantController applicantApi;
  @Autowired PublicNotices publicNotices;
  @Autowired PublicNoticeController publicNoticeApi;

  String creditCode;

  @BeforeEach
  void mondayBeforeTheAutumnHolidays() {
    clockAt(LocalDateTime.of(2026, 9, 21, 9, 30));
    creditCode = newCreditCode();
  }

  ProcessInstance claimNeeq() {
    return submit(NEEQ, FIRM, creditCode, NEEQ_MATERIALS,
        map("registeredInZone", true, "listingBoard", "NEEQ", "stockCode", "873456", "listingDate", "2026-08-18"));
  }

  ProcessInstance approvedIntoPublicNotice() {
    ProcessInstance pi = claimNeeq();
    completeAs("finance1", pi, "Task_ReviewClaim", Map.of("reviewDecision", "APPROVE", "decisionReason", "挂牌事实属实, 同意兑现"));
    return pi;
  }

  PublicNotices.Objection objection(String text) {
    return new PublicNotices.Objection("王某", "13900001111", text);
  }

  @Test
  void neeqListingIsAssessedReviewedPublicisedAndPaidOnce() {
    ProcessInstance pi = claimNeeq();

    assertThat(pi).hasPassed("Task_AssessEligibility", "Task_RegisterClaim", "Task_CheckMaterials", "Task_AcceptClaim")
        .isWaitingAt("Task_ReviewClaim");
    assertThat(variable(pi, "subsidyAmount")).isEqualTo(800000L);
    assertThat(variable(pi, "subsidyAmountText")).isEqualTo("800,000 元");
    assertThat(variable(pi, "claimPeriod")).isEqualTo("ONCE");
    assertThat(candidateGroups(pi, "Task_ReviewClaim")).containsExactly("finance-bureau");
    assertThat(task(pi, "Task_ReviewClaim").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 10, 12)));
    assertThat(claims.forCase(pi.getBusinessKey())).hasValueSatisfying(c -> {
      assertThat(c.policyCode()).isEqualTo(NEEQ);
      assertThat(c.creditCode()).isEqualTo(creditCode);
      assertThat(c.status()).isEqualTo("CLAIMED");
      assertThat(c.amount()).isEqualByComparingTo(new BigDecimal("800000"));
    });
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED");

    completeAs("finance1", pi, "Task_ReviewClaim", Map.of("reviewDecision", "APPROVE", "decisionReason", "挂牌事实属实, 同意兑现"));

    assertThat(pi).hasPassed("Task_RecordDecision", "Task_OpenPublicNotice", "Task_NotifyPublicNotice")
        .isWaitingAt("Event_NoticePeriodEnded");
    assertThat(variable(pi, "caseStatus")).isEqualTo("PUBLIC_NOTICE");
    assertThat(variable(pi, "publicNoticeEndsAt")).isEqualTo(endOfDay(LocalDate.of(2026, 9, 28)));
    assertThat(variable(pi, "publicNoticePeriod")).isEqualTo("P7D");
    assertThat(timer(pi, "Event_NoticePeriodEnded").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 9, 28)));
    assertThat(notices(pi).get(1).body()).contains("拟兑现 800,000 元", "公示期至 2026年9月28日");
    assertThat(publicNotices.current()).anySatisfy(e -> {
      assertThat(e.caseNumber()).isEqualTo(pi.getBusinessKey());
      assertThat(e.applicantName()).isEqualTo(FIRM);
      assertThat(e.summary()).isEqualTo("拟兑现\"新三板挂牌一次性资金补助\" 800,000 元");
    });

    fireTimer(pi, "Event_NoticePeriodEnded");

    assertThat(pi).hasPassed("SubProcess_PublicNotice").isWaitingAt("Task_PayFunds");
    assertThat(payments.forCase(pi.getBusinessKey())).isEmpty();
    runJobs(pi);

    assertThat(pi).isEnded().hasPassed("Task_PayFunds", "Task_MarkClaimPaid", "Task_NotifyFundsPaid", "Event_FundsPaid");
    assertThat(payments.forCase(pi.getBusinessKey())).singleElement().satisfies(p -> {
      assertThat(p.amount()).isEqualByComparingTo(new BigDecimal("800000"));
      assertThat(p.payer()).isEqualTo("高新区财政局");
      assertThat(p.payeeName()).isEqualTo(FIRM);
      assertThat(p.payeeCreditCode()).isEqualTo(creditCode);
      assertThat(p.purpose()).isEqualTo("政策兑现资金");
    });
    assertThat(claims.forCase(pi.getBusinessKey())).hasValueSatisfying(c -> {
      assertThat(c.status()).isEqualTo("PAID");
      assertThat(c.paymentVoucher()).isEqualTo(variable(pi, "paymentVoucher"));
    });
    assertThat(variable(pi, "caseStatus")).isEqualTo("FUNDS_PAID");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "POLICY_PUBLIC_NOTICE", "POLICY_FUNDS_PAID");
    assertThat(notices(pi).get(2).body()).contains("800,000 元", (String) variable(pi, "paymentVoucher"));
    assertThat(publicNotices.current()).noneMatch(e -> e.caseNumber().equals(pi.getBusinessKey()));

    // paid for good: the same firm cannot claim the same policy again
    ProcessInstance again = claimNeeq();
    assertThat(again).isEnded().hasPassed("Event_DuplicateRefused");
    assertThat((String) variable(again, "duplicateClaimReason")).contains(pi.getBusinessKey(), "资金已拨付");
  }

  @Test
  void mainBoardAndChiNextListingsAreAssessedAtOneMillion() {
    ProcessInstance pi = submit(IPO, FIRM, creditCode,
        List.of("APPLICATION", "BUSINESS_LICENCE", "IPO_APPROVAL", "LISTING_ANNOUNCEMENT", "BANK_ACCOUNT"),
        map("registeredInZone", true, "listingBoard", "CHINEXT", "stockCode", "301234"));
    assertThat(pi).isWaitingAt("Task_ReviewClaim");
    assertThat(variable(pi, "subsidyAmount")).isEqualTo(1000000L);
    assertThat(variable(pi, "eligibilityReason")).isEqualTo("主板、创业板上市一次性资金补助 100 万元");
  }

  @Test
  void aSecondClaimForTheSamePolicyIsRefusedWithAChineseReasonButAnotherPolicyIsFine() {
    ProcessInstance first = claimNeeq();
    assertThat(first).isWaitingAt("Task_ReviewClaim");

    ProcessInstance second = claimNeeq();

    assertThat(second).isEnded().hasPassed("Task_RegisterClaim", "Event_AlreadyClaimed", "Task_RecordDuplicate",
        "Task_NotifyDuplicate", "Event_DuplicateRefused").hasNotPassed("Task_CheckMaterials");
    assertThat((String) variable(second, "duplicateClaimReason")).isEqualTo("贵单位 (统一社会信用代码 " + creditCode
        + ") 已于 2026年9月21日 申请兑现 \"新三板挂牌一次性资金补助\" (案件编号 " + first.getBusinessKey()
        + ", 正在办理)。同一企业只能兑现同一政策一次, 本次申请不予受理");
    assertThat(variable(second, "caseStatus")).isEqualTo("NOT_ACCEPTED");
    assertThat(notices(second)).singleElement().satisfies(n -> {
      assertThat(n.type()).isEqualTo("POLICY_DUPLICATE_CLAIM");
      assertThat(n.body()).contains("不予受理", first.getBusinessKey());
    });
    assertThat(claims.ofFirm(creditCode)).singleElement().satisfies(c -> assertThat(c.caseNumber()).isEqualTo(first.getBusinessKey()));

    ProcessInstance other = submit(HIGH_TECH, FIRM, creditCode,
        List.of("APPLICATION", "BUSINESS_LICENCE", "HIGH_TECH_CERTIFICATE", "BANK_ACCOUNT"),
        map("registeredInZone", true, "highTechCertification", "FIRST"));
    assertThat(other).isWaitingAt("Task_ReviewClaim");
    assertThat(variable(other, "subsidyAmount")).isEqualTo(200000L);
    assertThat(claims.ofFirm(creditCode)).hasSize(2);
  }

  @Test
  void concurrentClaimsOfOneFirmForOnePolicyCannotBothPass() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 3; round++) {
        String firm = newCreditCode();
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<String>> starts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          starts.add(pool.submit(() -> {
            together.await(10, TimeUnit.SECONDS);
            try {
              return submit(NEEQ, FIRM, firm, NEEQ_MATERIALS, map("registeredInZone", true, "listingBoard", "NEEQ")).getId();
            } catch (RuntimeException startFailedAndChangedNothing) {
              return null;
            }
          }));
        }
        List<String> started = new ArrayList<>();
        for (Future<String> start : starts) {
          String id = start.get(60, TimeUnit.SECONDS);
          if (id != null) {
            started.add(id);
          }
        }
        assertThat(started).as("at least one claim starts").isNotEmpty();
        List<String> underReview = started.stream()
            .filter(id -> engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("Task_ReviewClaim").count() == 1)
            .toList();
        assertThat(underReview).as("exactly one claim of the firm is under review").hasSize(1);
        assertThat(claims.ofFirm(firm)).singleElement().satisfies(c -> assertThat(c.caseNumber())
            .isEqualTo(instance(underReview.get(0)).getBusinessKey()));
        started.stream().filter(id -> !underReview.contains(id)).forEach(id ->
            assertThat(instance(id)).isEnded().hasPassed("Event_DuplicateRefused"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anIneligibleClaimIsToldWhyAndNothingIsRegistered() {
    ProcessInstance pi = submit(NEEQ, FIRM, creditCode, NEEQ_MATERIALS, map("registeredInZone", true, "listingBoard", "CHINEXT"));

    assertThat(pi).isEnded().hasPassed("Task_RecordIneligible", "Task_NotifyIneligible", "Event_Ineligible")
        .hasNotPassed("Task_RegisterClaim");
    assertThat(variable(pi, "caseStatus")).isEqualTo("INELIGIBLE");
    assertThat(claims.ofFirm(creditCode)).isEmpty();
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.type()).isEqualTo("POLICY_INELIGIBLE");
      assertThat(n.body()).contains("新三板挂牌补助仅适用于在全国中小企业股份转让系统 (新三板) 挂牌的企业");
    });
  }

  @Test
  void missingMaterialsAreNotifiedOnceAndTheResubmissionIsAccepted() {
    ProcessInstance pi = submit(VOUCHER, FIRM, creditCode, List.of("APPLICATION", "BUSINESS_LICENCE", "SERVICE_CONTRACT"),
        map("registeredInZone", true, "voucherServiceAmount", 36000, "techSme", true));

    assertThat(pi).hasPassed("Task_RegisterClaim", "Task_SendOneTimeNotification").isWaitingAt("Gateway_WaitResubmission");
    assertThat(variable(pi, "subsidyAmount")).isEqualTo(18000L);
    assertThat(variable(pi, "claimPeriod")).isEqualTo("2026");
    assertThat(variable(pi, "resubmissionDueDate")).isEqualTo(endOfDay(LocalDate.of(2026, 9, 29)));
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.type()).isEqualTo("ONE_TIME_NOTIFICATION");
      assertThat(n.body()).contains("服务费付款凭证及发票: 未提交", "企业基本存款账户信息: 未提交", "2026年9月29日");
    });

    var response = applicantApi.submitMaterials(pi.getBusinessKey(),
        new ApplicantController.MaterialsSubmission(creditCode, VOUCHER_MATERIALS));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(pi).hasPassed("Event_ResubmissionReceived", "Task_AcceptClaim").isWaitingAt("Task_ReviewClaim");
    assertThat(variable(pi, "materialsCheckCount")).isEqualTo(2);
    assertThat(noticeTypes(pi)).containsExactly("ONE_TIME_NOTIFICATION", "ACCEPTED");

    // 创新券 is claimed once a year: a second claim this year is refused
    ProcessInstance again = submit(VOUCHER, FIRM, creditCode, VOUCHER_MATERIALS,
        map("registeredInZone", true, "voucherServiceAmount", 20000, "techSme", true));
    assertThat(again).isEnded().hasPassed("Event_DuplicateRefused");
    assertThat((String) variable(again, "duplicateClaimReason")).contains("同一企业每年度只能兑现同一政策一次");
  }

  @Test
  void materialsNeverCompletedReleaseTheClaimSoTheFirmMayClaimAgain() {
    ProcessInstance pi = submit(NEEQ, FIRM, creditCode, List.of("APPLICATION"), map("registeredInZone", true, "listingBoard", "NEEQ"));
    assertThat(claims.forCase(pi.getBusinessKey())).isPresent();

    fireTimer(pi, "Event_ResubmissionDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Task_ReleaseClaimNotAccepted", "Task_NotifyNotAccepted", "Event_NotAccepted");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_ACCEPTED");
    assertThat(variable(pi, "claimReleased")).isEqualTo(true);
    assertThat(claims.ofFirm(creditCode)).isEmpty();
    assertThat(noticeTypes(pi)).containsExactly("ONE_TIME_NOTIFICATION", "NOT_ACCEPTED");

    ProcessInstance again = claimNeeq();
    assertThat(again).isWaitingAt("Task_ReviewClaim");
  }

  @Test
  void aRefusalNeedsItsReasonAndReleasesTheClaim() {
    ProcessInstance pi = claimNeeq();
    String reviewId = task(pi, "Task_ReviewClaim").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(reviewId, Map.of("reviewDecision", "REJECT")))
        .hasMessageContaining("必须填写理由");
    assertThat(pi).isWaitingAt("Task_ReviewClaim");

    completeAs("finance1", pi, "Task_ReviewClaim",
        Map.of("reviewDecision", "REJECT", "decisionReason", "挂牌主体与申请主体不一致"));

    assertThat(pi).isEnded().hasPassed("Task_ReleaseClaimRejected", "Task_NotifyNotGranted", "Event_NotGranted")
        .hasNotPassed("Task_OpenPublicNotice", "Task_PayFunds");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_GRANTED");
    assertThat(claims.ofFirm(creditCode)).isEmpty();
    assertThat(payments.forCase(pi.getBusinessKey())).isEmpty();
    assertThat(notices(pi).get(1).body()).contains("不予兑现", "挂牌主体与申请主体不一致");
  }

  @Test
  void objectionsAreEachCheckedAndPaymentWaitsUntilTheyAreDismissed() {
    ProcessInstance pi = approvedIntoPublicNotice();

    publicNotices.object(pi.getBusinessKey(), objection("该企业挂牌时注册地尚在外省, 不应享受本区补助"));
    var accepted = publicNoticeApi.object(pi.getBusinessKey(), objection("挂牌后已迁出高新区, 请核实税收户管地"));
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    List<Task> checks = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_VerifyObjection").list();
    assertThat(checks).hasSize(2);
    assertThat(checks).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 9, 24))));
    assertThat(checks).extracting(t -> (String) engine.getTaskService().getVariable(t.getId(), "objectionText"))
        .containsExactlyInAnyOrder("该企业挂牌时注册地尚在外省, 不应享受本区补助", "挂牌后已迁出高新区, 请核实税收户管地");
    assertThat(engine.getTaskService().getIdentityLinksForTask(checks.get(0).getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("finance-bureau"));

    fireTimer(pi, "Event_NoticePeriodEnded");
    assertThat(pi).isWaitingAt("Task_VerifyObjection").hasNotPassed("Task_PayFunds");

    for (Task check : checks) {
      engine.getTaskService().claim(check.getId(), "finance1");
      engine.getTaskService().complete(check.getId(),
          Map.of("objectionResult", "DISMISSED", "objectionFinding", "经核实, 企业注册地和税收户管地均在高新区"));
    }

    assertThat(pi).hasPassed("Event_ObjectionDismissed", "SubProcess_PublicNotice").isWaitingAt("Task_PayFunds");
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Event_FundsPaid");
    assertThat(payments.forCase(pi.getBusinessKey())).hasSize(1);
  }

  @Test
  void anUpheldObjectionEndsTheCaseWithoutPayment() {
    ProcessInstance pi = approvedIntoPublicNotice();
    publicNotices.object(pi.getBusinessKey(), objection("申请材料中的挂牌公告系伪造, 全国股转系统查无此企业"));
    String checkId = task(pi, "Task_VerifyObjection").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(checkId, Map.of("objectionResult", "UPHELD")))
        .hasMessageContaining("请写明核查认定的事实和理由");

    completeAs("finance1", pi, "Task_VerifyObjection",
        Map.of("objectionResult", "UPHELD", "objectionFinding", "经向全国股转公司核实, 该企业未在新三板挂牌"));

    assertThat(pi).isEnded().hasPassed("Event_ObjectionUpheld", "Event_NoticeObjectionUpheld", "Task_ReleaseClaimObjection",
        "Task_NotifyObjectionUpheld", "Event_ObjectionUpheldEnd").hasNotPassed("Task_PayFunds");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_GRANTED");
    assertThat(claims.ofFirm(creditCode)).isEmpty();
    assertThat(payments.forCase(pi.getBusinessKey())).isEmpty();
    assertThat(notices(pi).get(2).body()).contains("异议成立", "经向全国股转公司核实, 该企业未在新三板挂牌");
  }

  @Test
  void objectionsOutsideANoticeOrWithoutFactsAreRefusedAndChangeNothing() {
    ProcessInstance pi = claimNeeq();

    var outside = publicNoticeApi.object(pi.getBusinessKey(), objection("公示尚未开始时提出的异议内容"));
    assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(outside.getBody().get("error")).contains("不在公示期内");

    var invalid = publicNoticeApi.object(pi.getBusinessKey(), new PublicNotices.Objection(" ", "12345", "太短"));
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody().get("error")).contains("请填写异议人姓名或单位名称", "联系电话应为 11 位手机号码",
        "请写明异议的事实和理由 (不少于 10 个字)");
    assertThat(pi).isWaitingAt("Task_ReviewClaim");
    assertThat(Collections.frequency(noticeTypes(pi), "ACCEPTED")).isEqualTo(1);
  }

  @Test
  void aReturnForCorrectionTellsEveryReasonOnceAndTheCorrectedClaimIsReviewedAgain() {
    ProcessInstance pi = claimNeeq();
    String reviewId = task(pi, "Task_ReviewClaim").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(reviewId, Map.of("reviewDecision", "RETURN")))
        .hasMessageContaining("退回补正必须一次性写明全部需要补正的内容");

    completeAs("finance1", pi, "Task_ReviewClaim", Map.of("reviewDecision", "RETURN",
        "decisionReason", "1. 挂牌公告未加盖公章; 2. 银行账户信息与营业执照名称不一致"));

    assertThat(pi).hasPassed("Task_ReturnForCorrection").isWaitingAt("Gateway_WaitResubmission");
    assertThat(variable(pi, "caseStatus")).isEqualTo("RETURNED");
    assertThat(claims.forCase(pi.getBusinessKey())).isPresent();
    assertThat(notices(pi).get(1).type()).isEqualTo("RETURNED_FOR_CORRECTION");
    assertThat(notices(pi).get(1).body()).contains("挂牌公告未加盖公章", "银行账户信息与营业执照名称不一致");

    applicantApi.submitMaterials(pi.getBusinessKey(), new ApplicantController.MaterialsSubmission(creditCode, NEEQ_MATERIALS));

    assertThat(pi).isWaitingAt("Task_ReviewClaim");
    completeAs("finance1", pi, "Task_ReviewClaim", Map.of("reviewDecision", "APPROVE", "decisionReason", "补正后符合条件"));
    assertThat(pi).isWaitingAt("Event_NoticePeriodEnded");
  }

  @Test
  void theFirmMayWithdrawItsClaimBeforeTheDecisionButNotAfter() {
    ProcessInstance pi = claimNeeq();
    var withdrawn = applicantApi.withdraw(pi.getBusinessKey(), new ApplicantController.Withdrawal(creditCode, "申请主体填写有误"));

    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pi).isEnded().hasPassed("Task_ReleaseClaimWithdrawn", "Task_NotifyWithdrawal", "Event_Withdrawn");
    assertThat(task(pi, "Task_ReviewClaim")).isNull();
    assertThat(variable(pi, "caseStatus")).isEqualTo("WITHDRAWN");
    assertThat(claims.ofFirm(creditCode)).isEmpty();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "WITHDRAWN");

    ProcessInstance decided = approvedIntoPublicNotice();
    var refused = applicantApi.withdraw(decided.getBusinessKey(), new ApplicantController.Withdrawal(creditCode, null));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(decided).isWaitingAt("Event_NoticePeriodEnded");
  }

  @Test
  void anOverdueReviewRaisesASupervisionTaskWithoutStoppingTheReview() {
    ProcessInstance pi = claimNeeq();
    assertThat(timer(pi, "Event_ReviewOverdue").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 10, 12)));

    fireTimer(pi, "Event_ReviewOverdue");

    assertThat(pi).isWaitingAt("Task_ReviewClaim", "Task_SuperviseOverdueReview");
    assertThat(candidateGroups(pi, "Task_SuperviseOverdueReview")).containsExactly("supervision");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);
  }
}
