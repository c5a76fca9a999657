package cn.gaoxin.approval.reforms.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.credit.CreditCategory;
import cn.gaoxin.approval.credit.CreditRegister;
import cn.gaoxin.approval.licences.Licence;
import cn.gaoxin.approval.licences.LicenceRegister;
import cn.gaoxin.approval.licences.LicenceStatus;
import cn.gaoxin.approval.publicity.PublicNotices;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 简易注销 (simplified-deregistration), every rule of the eligibility table and every path. The clock starts on
 * Monday 2026-03-02; the 45-day public notice counts calendar days (自然日, Qingming 4–6 April included) and ends
 * on Thursday 16 April; the registration falls due one working day later (promised limit 1), Friday 17 April.
 */
class SimplifiedDeregistrationTest extends LicensingScenarioSupport {

  static final String ITEM = "SCJG-JYZX-001";
  static final LocalDate NOTICE_ENDS = LocalDate.of(2026, 4, 16);
  static final LocalDate REGISTRATION_DUE = LocalDate.of(2026, 4, 17);
  static final String NAME = "青岛蓝谷信息咨询有限公司";

  @Autowired PublicNotices publicNotices;

  @BeforeEach
  void mondayInMarch() {
    clockAt(LocalDateTime.of(2026, 3, 2, 10, 0));
  }

  private Map<String, Object> eligible() {
    Map<String, Object> details = new HashMap<>();
    details.put("entityType", "LLC");
    details.put("hasOutstandingDebts", false);
    details.put("hasPendingCases", false);
    details.put("equityFrozenOrPledged", false);
    details.put("branchesNotDeregistered", false);
    details.put("commitmentSigned", true);
    return details;
  }

  private ProcessInstance inPublicNotice(String creditCode) {
    ProcessInstance pi = applyAs(NAME, creditCode, ITEM, allMaterials(ITEM), eligible());
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    return pi;
  }

  /** An objection lodged through the platform's public-notice API (公示异议), by case number. */
  private void object(ProcessInstance pi, String objector, String text) {
    publicNotices.object(pi.getBusinessKey(), new PublicNotices.Objection(objector, "13698765432", text));
  }

  private Licence holderLicence(String creditCode, String type, String title) {
    return licences.issue(new LicenceRegister.IssueRequest("GX-2020-" + creditCode.substring(10), null, type, title,
        NAME, creditCode, null, List.of(title), "市场监督管理局", null));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "ENTITY_TYPE           | LISTED_JSC         | false | false | false | false | false | false | true",
      "ENTITY_TYPE           | FOREIGN_RESTRICTED | false | false | false | false | false | false | true",
      "OUTSTANDING_DEBTS     | LLC                | true  | false | false | false | false | false | true",
      "PENDING_CASES         | PARTNERSHIP        | false | true  | false | false | false | false | true",
      "EQUITY_ENCUMBERED     | LLC                | false | false | true  | false | false | false | true",
      "BRANCHES_OPEN         | NON_LISTED_JSC     | false | false | false | true  | false | false | true",
      "CREDIT_LISTED         | SOLE_PROPRIETORSHIP| false | false | false | false | true  | false | true",
      "PREVIOUSLY_TERMINATED | LLC                | false | false | false | false | false | true  | true",
      "NO_COMMITMENT         | COOPERATIVE        | false | false | false | false | false | false | false"})
  void eachIneligibilityRuleFindsExactlyItsCase(String finding, String entityType, boolean debts, boolean pending,
      boolean equity, boolean branches, boolean dishonest, boolean terminated, boolean commitment) {
    List<Map<String, Object>> result = evaluate("simplified-deregistration-eligibility", Map.of("entityType", entityType,
        "hasOutstandingDebts", debts, "hasPendingCases", pending, "equityFrozenOrPledged", equity,
        "branchesNotDeregistered", branches, "creditDishonest", dishonest, "previouslyTerminated", terminated,
        "commitmentSigned", commitment));
    assertThat(result).singleElement().satisfies(r -> {
      assertThat(r).containsEntry("findingCode", finding);
      assertThat((String) r.get("finding")).isNotBlank();
    });
  }

  @Test
  void anEligibleCompanyHasNoFindingsAndEveryProblemIsCollectedAtOnce() {
    Map<String, Object> clean = new HashMap<>(eligible());
    clean.put("creditDishonest", false);
    clean.put("previouslyTerminated", false);
    assertThat(evaluate("simplified-deregistration-eligibility", clean)).isEmpty();
    assertThat(evaluate("simplified-deregistration-eligibility", Map.of("entityType", "LISTED_JSC",
        "hasOutstandingDebts", true, "hasPendingCases", true, "equityFrozenOrPledged", true, "branchesNotDeregistered", true,
        "creditDishonest", true, "previouslyTerminated", true, "commitmentSigned", false))).hasSize(8);
  }

  @Test
  void noObjectionDuringTheFortyFiveDayNoticeLeadsToDeregistrationAndEveryLicenceLapses() {
    String creditCode = freshCreditCode();
    Licence businessLicence = holderLicence(creditCode, "BUSINESS_LICENCE", "营业执照");
    Licence foodPermit = holderLicence(creditCode, "FOOD_BUSINESS", "食品经营许可证");
    ProcessInstance pi = applyAs(NAME, creditCode, ITEM, allMaterials(ITEM), eligible());

    assertThat(pi).hasPassed("Task_LookUpCredit", "Task_CheckEligibility", "Task_SummariseFindings")
        .isWaitingAt("Task_VerifyMaterials");
    assertThat(variable(pi, "eligibilityFindingsCount")).isEqualTo(0);
    assertThat(task(pi, "Task_VerifyMaterials").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 3)));

    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());

    assertThat(pi).hasPassed("Task_AcceptApplication", "Task_StartPublicNotice", "Task_NotifyNoticeStarted")
        .isWaitingAt("Event_PublicNoticeEnded");
    assertThat(variable(pi, "caseStatus")).isEqualTo("PUBLIC_NOTICE");
    assertThat(variable(pi, "publicNoticeText")).isEqualTo("2026年3月2日 至 2026年4月16日 (45 个自然日)");
    assertThat(publicNotices.current()).as("on the public list while the notice runs")
        .anySatisfy(e -> {
          assertThat(e.caseNumber()).isEqualTo(pi.getBusinessKey());
          assertThat(e.summary()).contains("企业简易注销公告");
        });
    assertThat(variable(pi, "publicNoticePeriod")).isEqualTo("P45D");
    assertThat(variable(pi, "publicNoticeDays")).isEqualTo(45);
    assertThat(variable(pi, "publicNoticeEndsAt")).isEqualTo(endOfDay(NOTICE_ENDS));
    assertThat(timer(pi, "Event_PublicNoticeEnded").getDuedate()).isEqualTo(endOfDay(NOTICE_ENDS));
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "DEREGISTRATION_NOTICE_STARTED");
    assertThat(notices(pi).get(1).body()).contains("2026年3月2日", "公示 45 日", "2026年4月16日", "1 个工作日内办结")
        .doesNotContain("{");
    assertThat(variable(pi, "promiseClockStartedAt")).as("the promise does not run during the notice").isNull();

    fireTimer(pi, "Event_PublicNoticeEnded"); // the engine clock moves to the timer: Friday 17 April, 00:00:00

    assertThat(pi).isWaitingAt("Task_RegisterDeregistration").hasPassed("Task_StartPromiseClock", "Event_NoticeCompleted");
    assertThat(variable(pi, "promiseClockStartedAt")).as("the promised 1 working day runs from the notice's end")
        .isEqualTo(Date.from(LocalDateTime.of(2026, 4, 17, 0, 0).atZone(SHANGHAI).toInstant()));
    assertThat(variable(pi, "decidedAt")).isNull();
    assertThat(publicNotices.current()).extracting(PublicNotices.Entry::caseNumber).doesNotContain(pi.getBusinessKey());
    assertThat(candidateGroups(pi, "Task_RegisterDeregistration")).containsExactly("market-regulation");
    assertThat(task(pi, "Task_RegisterDeregistration").getDueDate()).isEqualTo(endOfDay(REGISTRATION_DUE));

    completeAs("market1", pi, "Task_RegisterDeregistration", Map.of("reviewDecision", "APPROVE", "decisionReason", "公示期满无异议"));

    assertThat(pi).isEnded().hasPassed("Task_RevokeHolderLicences", "Task_RecordDeregistered", "Event_Deregistered");
    assertThat(variable(pi, "caseStatus")).isEqualTo("DEREGISTERED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "decidedAt")).as("recorded before the licences are revoked").isNotNull();
    assertThat(variable(pi, "revokedLicenceCount")).isEqualTo(2);
    assertThat(licences.forHolder(creditCode)).allSatisfy(l -> {
      assertThat(l.status()).isEqualTo(LicenceStatus.CANCELLED);
      assertThat(l.statusReason()).isEqualTo("企业已简易注销, 证照同步缴销");
    }).extracting(Licence::number).containsExactlyInAnyOrder(businessLicence.number(), foodPermit.number());
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "DEREGISTRATION_NOTICE_STARTED", "DEREGISTRATION_COMPLETED");
    assertThat(notices(pi).get(2).body()).contains("共 2 份");
  }

  @Test
  void anIneligibleCompanyIsToldEveryReasonInOneNoticeAndNoClerkIsInvolved() {
    String creditCode = freshCreditCode();
    credit.record(new CreditRegister.Entry(creditCode, NAME, CreditCategory.ABNORMAL_OPERATION, "未按期公示年度报告",
        "GX-2025-000777", "市场监督管理局", null));
    Map<String, Object> details = eligible();
    details.put("hasOutstandingDebts", true);
    details.put("equityFrozenOrPledged", true);
    details.put("commitmentSigned", false);

    ProcessInstance pi = applyAs(NAME, creditCode, ITEM, allMaterials(ITEM), details);

    assertThat(pi).isEnded().hasPassed("Task_RecordNotEligible", "Task_NotifyNotEligible", "Event_NotEligible")
        .hasNotPassed("Task_VerifyMaterials", "Task_AcceptApplication");
    assertThat(variable(pi, "caseStatus")).isEqualTo("INELIGIBLE");
    assertThat(variable(pi, "eligibilityFindingsCount")).isEqualTo(4);
    assertThat(CaseVariables.strings(variable(pi, "eligibilityFindings"))).hasSize(4);
    assertThat(noticeTypes(pi)).containsExactly("DEREGISTRATION_NOT_ELIGIBLE");
    assertThat(notices(pi).get(0).body()).contains("1. 存在未结清的债权债务", "股权 (财产份额) 被冻结",
        "被列入经营异常名录", "4. 未提交全体投资人签署的承诺书", "一般注销程序").doesNotContain("{");
  }

  @Test
  void anUpheldObjectionTerminatesTheProcedureAndBlocksTheNextSimplifiedAttempt() {
    String creditCode = freshCreditCode();
    Licence businessLicence = holderLicence(creditCode, "BUSINESS_LICENCE", "营业执照");
    ProcessInstance pi = inPublicNotice(creditCode);
    clockAt(LocalDateTime.of(2026, 3, 20, 14, 0));

    object(pi, "青岛恒信融资租赁有限公司", "该公司尚欠我司设备租金 12 万元未付, 不符合简易注销条件");

    assertThat(pi).hasPassed("Event_ObjectionReceived", "Task_NotifyObjectionReceived")
        .isWaitingAt("Task_HandleObjection", "Event_PublicNoticeEnded");
    assertThat(candidateGroups(pi, "Task_HandleObjection")).containsExactly("market-regulation");
    assertThat(task(pi, "Task_HandleObjection").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 23)));
    assertThat(timer(pi, "Event_PublicNoticeEnded").getDuedate()).as("the notice runs on").isEqualTo(endOfDay(NOTICE_ENDS));
    assertThat(notices(pi).get(2).body()).contains("青岛恒信融资租赁有限公司", "设备租金");

    completeAs("market1", pi, "Task_HandleObjection",
        Map.of("objectionResult", "UPHELD", "objectionFinding", "经核实, 租赁合同尚在履行, 债务未清偿"));

    assertThat(pi).isEnded().hasPassed("Event_NoticeObjectionUpheld", "Task_RecordTermination", "Task_RecordTerminated",
        "Event_Terminated")
        .hasNotPassed("Task_RegisterDeregistration");
    assertThat(variable(pi, "caseStatus")).isEqualTo("DEREGISTRATION_TERMINATED");
    assertThat(credit.forEntity(creditCode)).singleElement().satisfies(r -> {
      assertThat(r.category()).isEqualTo(CreditCategory.SIMPLIFIED_DEREGISTRATION_TERMINATED);
      assertThat(r.reason()).contains("债务未清偿");
    });
    assertThat(licences.byNumber(businessLicence.number()).orElseThrow().status()).isEqualTo(LicenceStatus.VALID);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "DEREGISTRATION_NOTICE_STARTED",
        "DEREGISTRATION_OBJECTION_RECEIVED", "DEREGISTRATION_TERMINATED");

    ProcessInstance again = applyAs(NAME, creditCode, ITEM, allMaterials(ITEM), eligible());
    assertThat(again).isEnded().hasPassed("Event_NotEligible");
    assertThat(variable(again, "previouslyTerminated")).isEqualTo(true);
    assertThat(variable(again, "creditDishonest")).as("a terminated procedure is recorded, not a dishonesty").isEqualTo(false);
    assertThat(notices(again).get(0).body()).contains("1. 曾被终止简易注销程序");
  }

  @Test
  void aDismissedObjectionLetsTheNoticeRunToItsOriginalEnd() {
    ProcessInstance pi = inPublicNotice(freshCreditCode());
    clockAt(LocalDateTime.of(2026, 4, 1, 9, 0));
    object(pi, "张某", "公司拖欠本人三个月工资, 尚未结清");
    object(pi, "李某", "公司尚有一笔货款未支付给本人");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_HandleObjection")
        .count()).as("each objection is checked on its own").isEqualTo(2);
    List<org.camunda.bpm.engine.task.Task> checks = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_HandleObjection").list();
    for (var check : checks) {
      engine.getTaskService().complete(check.getId(),
          Map.of("objectionResult", "DISMISSED", "objectionFinding", "异议人所称债务属于其他公司, 与本公司无关"));
    }

    assertThat(pi).hasPassed("Task_NotifyObjectionDismissed").isWaitingAt("Event_PublicNoticeEnded");
    assertThat(timer(pi, "Event_PublicNoticeEnded").getDuedate()).isEqualTo(endOfDay(NOTICE_ENDS));
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "DEREGISTRATION_NOTICE_STARTED", "DEREGISTRATION_OBJECTION_RECEIVED",
        "DEREGISTRATION_OBJECTION_RECEIVED", "DEREGISTRATION_OBJECTION_DISMISSED", "DEREGISTRATION_OBJECTION_DISMISSED");
    assertThat(notices(pi).get(4).body()).contains("异议不成立", "2026年4月16日").doesNotContain("{");

    fireTimer(pi, "Event_PublicNoticeEnded");
    completeAs("market1", pi, "Task_RegisterDeregistration", Map.of("reviewDecision", "APPROVE", "decisionReason", "无异议"));
    assertThat(pi).isEnded().hasPassed("Event_Deregistered");
    assertThat(variable(pi, "revokedLicenceCount")).isEqualTo(0);
  }

  @Test
  void anObjectionNeedsAConclusionWithFindingsAndAProperObjection() {
    ProcessInstance pi = inPublicNotice(freshCreditCode());
    assertThatThrownBy(() -> object(pi, "", "太短"))
        .hasMessageContaining("请填写异议人姓名").hasMessageContaining("不少于 10 个字");
    object(pi, "李某", "公司尚有货款 3 万元未结清, 请核查");
    String taskId = task(pi, "Task_HandleObjection").getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("objectionResult", "DISMISSED")))
        .hasMessageContaining("请写明核查认定的事实和理由");
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("objectionFinding", "已核查")))
        .hasMessageContaining("请选择核查结论");
    assertThat(pi).isWaitingAt("Task_HandleObjection");
  }

  @Test
  void noObjectionCanArriveOnceTheNoticeHasEnded() {
    ProcessInstance pi = inPublicNotice(freshCreditCode());
    fireTimer(pi, "Event_PublicNoticeEnded");

    assertThatThrownBy(() -> object(pi, "迟到的异议人", "公示期满后才提出的异议, 应不予受理"))
        .isInstanceOf(PublicNotices.ObjectionRefusedException.class).hasMessageContaining("不在公示期内");
    assertThat(pi).isWaitingAt("Task_RegisterDeregistration");
  }

  @Test
  void theRegistrarCanStillRefuseWithAReason() {
    String creditCode = freshCreditCode();
    Licence businessLicence = holderLicence(creditCode, "BUSINESS_LICENCE", "营业执照");
    ProcessInstance pi = inPublicNotice(creditCode);
    fireTimer(pi, "Event_PublicNoticeEnded");

    completeAs("market1", pi, "Task_RegisterDeregistration",
        Map.of("reviewDecision", "REJECT", "decisionReason", "公示期间企业被立案调查"));

    assertThat(pi).isEnded().hasPassed("Task_NotifyRefused", "Event_Refused").hasNotPassed("Task_RevokeHolderLicences");
    assertThat(variable(pi, "caseStatus")).isEqualTo("REJECTED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("REJECTED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
    assertThat(licences.byNumber(businessLicence.number()).orElseThrow().status()).isEqualTo(LicenceStatus.VALID);
    assertThat(notices(pi).get(2).body()).contains("不予注销登记", "公示期间企业被立案调查");
  }

  @Test
  void anOverdueRegistrationIsSupervised() {
    ProcessInstance pi = inPublicNotice(freshCreditCode());
    fireTimer(pi, "Event_PublicNoticeEnded");
    assertThat(timer(pi, "Event_RegistrationOverdue").getDuedate()).isEqualTo(endOfDay(REGISTRATION_DUE));

    fireTimer(pi, "Event_RegistrationOverdue");

    assertThat(pi).isWaitingAt("Task_RegisterDeregistration", "Task_SuperviseRegistration");
    assertThat(candidateGroups(pi, "Task_SuperviseRegistration")).containsExactly("supervision");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);
  }

  @Test
  void anUnresolvedObjectionHoldsTheCaseAndIsSupervisedWhenThePromiseIsMissed() {
    ProcessInstance pi = inPublicNotice(freshCreditCode());
    clockAt(LocalDateTime.of(2026, 4, 15, 16, 0));
    object(pi, "王某", "公司尚有租赁押金 5000 元未退还本人");

    fireTimer(pi, "Event_PublicNoticeEnded");
    assertThat(pi).as("registration waits for the open objection").isWaitingAt("Task_HandleObjection")
        .hasNotPassed("Task_RegisterDeregistration");
    assertThat(timer(pi, "Event_NoticeOverrun").getDuedate()).isEqualTo(endOfDay(REGISTRATION_DUE));

    fireTimer(pi, "Event_NoticeOverrun");

    assertThat(pi).isWaitingAt("Task_HandleObjection", "Task_SuperviseNotice");
    assertThat(candidateGroups(pi, "Task_SuperviseNotice")).containsExactly("supervision");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);
    completeAs("market1", pi, "Task_HandleObjection",
        Map.of("objectionResult", "DISMISSED", "objectionFinding", "押金已于 4 月 10 日退还, 有转账凭证"));
    assertThat(pi).isWaitingAt("Task_RegisterDeregistration", "Task_SuperviseNotice");
  }

  @Test
  void missingMaterialsAreNotifiedOnceAndResubmitted() {
    ProcessInstance pi = applyAs(NAME, freshCreditCode(), ITEM, List.of("DEREG_APPLICATION", "INVESTOR_COMMITMENT"), eligible());
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());

    assertThat(pi).isWaitingAt("Gateway_WaitResubmission");
    assertThat(notices(pi).get(0).body()).contains("指定代表或者共同委托代理人授权委托书: 未提交", "营业执照正、副本 (遗失的已公告作废): 未提交");

    correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(allMaterials(ITEM))));
    completeAs("window2", pi, "Task_VerifyMaterials", Map.of());
    assertThat(pi).isWaitingAt("Event_PublicNoticeEnded");
  }

  @Test
  void withoutResubmissionTheApplicationIsNotAccepted() {
    ProcessInstance pi = applyAs(NAME, freshCreditCode(), ITEM, List.of("DEREG_APPLICATION"), eligible());
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());

    fireTimer(pi, "Event_ResubmissionDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Event_NotAccepted").hasNotPassed("Task_StartPublicNotice");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_ACCEPTED");
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(variable(pi, "decidedAt")).isNull();
  }

  @Test
  void theApplicantCanWithdrawDuringTheNoticeAndTheNoticeEnds() {
    String creditCode = freshCreditCode();
    Licence businessLicence = holderLicence(creditCode, "BUSINESS_LICENCE", "营业执照");
    ProcessInstance pi = inPublicNotice(creditCode);

    correlate(pi, "CaseWithdrawn", Map.of("withdrawalReason", "公司决定继续经营"));

    assertThat(pi).isEnded().hasPassed("Event_Withdrawn").hasNotPassed("Task_RegisterDeregistration");
    assertThat(variable(pi, "caseStatus")).isEqualTo("WITHDRAWN");
    assertThat(timer(pi, "Event_PublicNoticeEnded")).isNull();
    assertThat(licences.byNumber(businessLicence.number()).orElseThrow().status()).isEqualTo(LicenceStatus.VALID);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "DEREGISTRATION_NOTICE_STARTED", "WITHDRAWN");
  }

  @Test
  void theRegistrarReturnsForCorrectionTheWindowChecksTheCorrectionAndTheRegistrarDecidesWithoutANewNotice() {
    String creditCode = freshCreditCode();
    Licence businessLicence = holderLicence(creditCode, "BUSINESS_LICENCE", "营业执照");
    ProcessInstance pi = inPublicNotice(creditCode);
    fireTimer(pi, "Event_PublicNoticeEnded");
    Object clockStarted = variable(pi, "promiseClockStartedAt");

    completeAs("market1", pi, "Task_RegisterDeregistration", Map.of("reviewDecision", "RETURN",
        "decisionReason", "全体投资人承诺书缺少股东李某签字; 清税证明未加盖税务机关印章"));

    assertThat(pi).hasPassed("Task_ReturnForCorrection").isWaitingAt("Gateway_WaitResubmission")
        .hasNotPassed("Task_RevokeHolderLicences");
    assertThat(variable(pi, "caseStatus")).isEqualTo("RETURNED");
    assertThat(variable(pi, "decidedAt")).as("a return is no decision").isNull();
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "DEREGISTRATION_NOTICE_STARTED", "RETURNED_FOR_CORRECTION");
    // resubmission limit 5 working days from Fri 17 April → 20–24 April
    assertThat(notices(pi).get(2).body()).contains("经市场监督管理局审查, 需要补正",
        "全体投资人承诺书缺少股东李某签字; 清税证明未加盖税务机关印章", "2026年4月24日").doesNotContain("{");
    assertThat(timer(pi, "Event_ResubmissionDeadlinePassed").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 24)));

    clockAt(LocalDateTime.of(2026, 4, 22, 10, 0));
    correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(allMaterials(ITEM))));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());

    assertThat(pi).as("back to the registrar: no new acceptance, no second public notice").isWaitingAt("Task_RegisterDeregistration")
        .hasPassed("Task_RestartPromiseClock");
    assertThat(activitiesPassed(pi).stream().filter("Task_AcceptApplication"::equals)).hasSize(1);
    assertThat(activitiesPassed(pi).stream().filter("Task_StartPublicNotice"::equals)).hasSize(1);
    assertThat(variable(pi, "promiseClockStartedAt")).as("as after a re-acceptance, the promise runs from the checked correction")
        .isNotEqualTo(clockStarted).isEqualTo(Date.from(LocalDateTime.of(2026, 4, 22, 10, 0).atZone(SHANGHAI).toInstant()));
    assertThat(task(pi, "Task_RegisterDeregistration").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 23)));
    assertThat(timer(pi, "Event_RegistrationOverdue").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 23)));
    completeAs("market1", pi, "Task_RegisterDeregistration", Map.of("reviewDecision", "APPROVE", "decisionReason", "补正后符合规定"));

    assertThat(pi).isEnded().hasPassed("Task_RevokeHolderLicences", "Event_Deregistered");
    assertThat(variable(pi, "caseStatus")).isEqualTo("DEREGISTERED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
    assertThat(licences.byNumber(businessLicence.number()).orElseThrow().status()).isEqualTo(LicenceStatus.CANCELLED);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "DEREGISTRATION_NOTICE_STARTED", "RETURNED_FOR_CORRECTION",
        "DEREGISTRATION_COMPLETED");
  }

  @Test
  void aReturnNotCorrectedInTimeEndsAsNotAcceptedAndTheCompanyStaysRegistered() {
    String creditCode = freshCreditCode();
    Licence businessLicence = holderLicence(creditCode, "BUSINESS_LICENCE", "营业执照");
    ProcessInstance pi = inPublicNotice(creditCode);
    fireTimer(pi, "Event_PublicNoticeEnded");
    completeAs("market1", pi, "Task_RegisterDeregistration",
        Map.of("reviewDecision", "RETURN", "decisionReason", "清税证明未提交原件"));

    fireTimer(pi, "Event_ResubmissionDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Task_CloseNotAccepted", "Event_NotAccepted").hasNotPassed("Task_RevokeHolderLicences");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_ACCEPTED");
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(variable(pi, "decidedAt")).isNull();
    assertThat(licences.byNumber(businessLicence.number()).orElseThrow().status()).isEqualTo(LicenceStatus.VALID);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "DEREGISTRATION_NOTICE_STARTED", "RETURNED_FOR_CORRECTION",
        "NOT_ACCEPTED");
  }

  @Test
  void aReturnNeedsEverythingToCorrectInItsReason() {
    ProcessInstance pi = inPublicNotice(freshCreditCode());
    fireTimer(pi, "Event_PublicNoticeEnded");
    String taskId = task(pi, "Task_RegisterDeregistration").getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("reviewDecision", "RETURN", "decisionReason", " ")))
        .hasMessageContaining("一次性写明全部需要补正的内容");
    assertThat(pi).isWaitingAt("Task_RegisterDeregistration");
  }
}
