package cn.gaoxin.approval.reforms.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.credit.CreditCategory;
import cn.gaoxin.approval.licences.Licence;
import cn.gaoxin.approval.licences.LicenceStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 告知承诺制 (notification-commitment), every rule of the routing table and every path. The clock starts on
 * Wednesday 2026-09-16: the post-approval check (20 working days) crosses the Mid-Autumn and National Day
 * holidays and the make-up days 20 Sep and 10 Oct, so it falls due on Tuesday 20 October; the ordinary review
 * (5 working days) on Tuesday 22 September.
 */
class NotificationCommitmentTest extends LicensingScenarioSupport {

  static final String FILING = "SCJG-SPBA-YBZ";
  static final String CHANGE = "SCJG-SPJY-BG";
  static final String RENEWAL = "SCJG-SPJY-YX";
  static final LocalDate POST_CHECK_DUE = LocalDate.of(2026, 10, 20);
  static final LocalDate REVIEW_DUE = LocalDate.of(2026, 9, 22);

  @BeforeEach
  void wednesdayBeforeMidAutumn() {
    clockAt(LocalDateTime.of(2026, 9, 16, 10, 0));
  }

  private ProcessInstance applyFor(String creditCode, String itemCode, List<String> materials, boolean commitment,
      String businessFormat, boolean prepackagedOnly) {
    Map<String, Object> details = new HashMap<>();
    details.put("commitmentSigned", commitment);
    details.put("businessFormat", businessFormat);
    details.put("prepackagedOnly", prepackagedOnly);
    return applyAs("青岛崂山鲜果超市有限公司", creditCode, itemCode, materials, details);
  }

  private ProcessInstance changeOnCommitment(String creditCode) {
    return applyFor(creditCode, CHANGE, allMaterials(CHANGE), true, "CATERING", false);
  }

  @ParameterizedTest(name = "rule {0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "1 | 备案事项             | SCJG-SPBA-YBZ | false | false | FOOD_SALES      | false | FILING",
      "2 | 只卖预包装食品改备案    | SCJG-SPJY-BG  | true  | true  | CATERING        | true  | FILING",
      "3 | 有失信记录            | SCJG-SPJY-BG  | false | true  | CATERING        | true  | REVIEW",
      "4 | 高风险业态            | SCJG-SPJY-YX  | false | false | COLLECTIVE_MEAL | true  | REVIEW",
      "4 | 特殊食品销售          | SCJG-SPJY-BG  | false | false | SPECIAL_FOOD    | true  | REVIEW",
      "5 | 变更且承诺            | SCJG-SPJY-BG  | false | false | CATERING        | true  | COMMITMENT",
      "5 | 延续且承诺            | SCJG-SPJY-YX  | false | false | FOOD_SALES      | true  | COMMITMENT",
      "6 | 未签署承诺书          | SCJG-SPJY-YX  | false | false | FOOD_SALES      | false | REVIEW",
      "7 | 其他事项 (新办许可)    | SCJG-SPJY-001 | false | false | CATERING        | true  | REVIEW"})
  void routingTableRuleByRule(int rule, String description, String itemCode, boolean prepackagedOnly,
      boolean creditDishonest, String businessFormat, boolean commitmentSigned, String route) {
    List<Map<String, Object>> result = evaluate("notification-commitment-routing", Map.of("itemCode", itemCode,
        "prepackagedOnly", prepackagedOnly, "creditDishonest", creditDishonest, "businessFormat", businessFormat,
        "commitmentSigned", commitmentSigned));
    assertThat(result).as("FIRST: exactly one rule").hasSize(1);
    assertThat(result.get(0)).containsEntry("route", route);
    assertThat((String) result.get(0).get("routeReason")).isNotBlank();
  }

  @Test
  void aPrepackagedFoodSellerIsFiledOnTheSpotWithoutApproval() {
    ProcessInstance pi = applyFor(freshCreditCode(), FILING, allMaterials(FILING), false, "FOOD_SALES", true);

    assertThat(pi).isEnded().hasPassed("Task_DecideRoute", "Task_RecordFiling", "Task_NotifyFiled", "Event_Filed")
        .hasNotPassed("Task_ApproveOnCommitment", "Task_AcceptForReview");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).count())
        .as("no clerk in the loop").isZero();
    assertThat(variable(pi, "route")).isEqualTo("FILING");
    assertThat(variable(pi, "caseStatus")).isEqualTo("FILED");
    assertThat(licencesOf(pi)).singleElement().satisfies(l -> {
      assertThat(l.type()).isEqualTo("PREPACKAGED_FOOD_FILING");
      assertThat(l.title()).isEqualTo("仅销售预包装食品经营者备案凭证");
    });
    assertThat(noticeTypes(pi)).containsExactly("COMMITMENT_FILING_RECORDED");
    assertThat(notices(pi).get(0).body()).contains("多证合一", (String) variable(pi, "licenceNumber")).doesNotContain("{");
  }

  @Test
  void aLicenceHolderWhoNowSellsOnlyPrepackagedFoodIsFiledInstead() {
    ProcessInstance pi = applyFor(freshCreditCode(), CHANGE, allMaterials(CHANGE), true, "FOOD_SALES", true);

    assertThat(pi).isEnded().hasPassed("Event_Filed");
    assertThat(variable(pi, "routeReason")).isEqualTo("经营项目仅为预包装食品销售, 无需许可, 改为备案");
    assertThat(licencesOf(pi)).extracting(Licence::type).containsExactly("PREPACKAGED_FOOD_FILING");
  }

  @Test
  void aChangeOnCommitmentIsDecidedOnTheSpotWithNoClerkInTheLoop() {
    ProcessInstance pi = changeOnCommitment(freshCreditCode());

    assertThat(pi).hasPassed("Task_ApproveOnCommitment", "Task_IssueLicenceOnCommitment", "Task_NotifyApprovedOnSpot")
        .isWaitingAt("Task_PostApprovalCheck");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).list())
        .as("the only human step is the check afterwards").singleElement()
        .satisfies(t -> assertThat(t.getTaskDefinitionKey()).isEqualTo("Task_PostApprovalCheck"));
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "caseStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "decidedAt")).isEqualTo(variable(pi, "submittedAt"));
    assertThat(variable(pi, "acceptedAt")).isEqualTo(variable(pi, "decidedAt"));
    assertThat(licencesOf(pi)).singleElement().satisfies(l -> {
      assertThat(l.type()).isEqualTo("FOOD_BUSINESS");
      assertThat(l.status()).isEqualTo(LicenceStatus.VALID);
      assertThat(l.validUntil()).isEqualTo(LocalDate.of(2031, 9, 16));
    });
    assertThat(candidateGroups(pi, "Task_PostApprovalCheck")).containsExactly("inspectors");
    assertThat(task(pi, "Task_PostApprovalCheck").getDueDate()).isEqualTo(endOfDay(POST_CHECK_DUE));
    assertThat(noticeTypes(pi)).containsExactly("COMMITMENT_APPROVED_ON_SPOT");
    assertThat(notices(pi).get(0).body()).contains("当场作出准予决定", "2026年10月20日").doesNotContain("{");
  }

  @Test
  void aCommitmentReplacesTheDeferrableProofOfARenewal() {
    ProcessInstance pi = applyFor(freshCreditCode(), RENEWAL, List.of("RENEWAL_APPLICATION", "LICENCE_ORIGINAL"), true,
        "FOOD_SALES", false);

    assertThat(variable(pi, "materialsStatus")).isEqualTo("DEFERRABLE_MISSING");
    assertThat(pi).hasNotPassed("Task_SendOneTimeNotification").isWaitingAt("Task_PostApprovalCheck");
  }

  @Test
  void aCheckThatConfirmsTheCommitmentKeepsTheLicence() {
    ProcessInstance pi = changeOnCommitment(freshCreditCode());
    clockAt(LocalDateTime.of(2026, 10, 9, 15, 0));

    completeAs("inspector1", pi, "Task_PostApprovalCheck", Map.of("postCheckResult", "CONFORMS"));

    assertThat(pi).isEnded().hasPassed("Task_NotifyPostCheckPassed", "Event_CommitmentConfirmed")
        .hasNotPassed("Task_RevokeLicence");
    assertThat(licencesOf(pi)).singleElement().satisfies(l -> assertThat(l.status()).isEqualTo(LicenceStatus.VALID));
    assertThat(noticeTypes(pi)).containsExactly("COMMITMENT_APPROVED_ON_SPOT", "COMMITMENT_POST_CHECK_PASSED");
  }

  @Test
  void aFalseCommitmentRevokesTheLicenceRecordsItAndExcludesTheApplicantNextTime() {
    String creditCode = freshCreditCode();
    ProcessInstance pi = changeOnCommitment(creditCode);
    clockAt(LocalDateTime.of(2026, 10, 12, 10, 0));

    completeAs("inspector1", pi, "Task_PostApprovalCheck",
        Map.of("postCheckResult", "FALSE_COMMITMENT", "postCheckFindings", "后厨未设置承诺的专间, 冷藏设施不足"));

    assertThat(pi).isEnded().hasPassed("Task_RevokeLicence", "Task_RecordFalseCommitment", "Task_RecordRevoked",
        "Task_NotifyRevoked", "Event_LicenceRevoked");
    assertThat(licencesOf(pi)).singleElement().satisfies(l -> {
      assertThat(l.status()).isEqualTo(LicenceStatus.REVOKED);
      assertThat(l.statusReason()).contains("承诺不实");
    });
    assertThat(variable(pi, "caseStatus")).isEqualTo("REVOKED");
    assertThat(credit.forEntity(creditCode)).singleElement().satisfies(r -> {
      assertThat(r.category()).isEqualTo(CreditCategory.FALSE_COMMITMENT);
      assertThat(r.reason()).isEqualTo("后厨未设置承诺的专间, 冷藏设施不足");
      assertThat(r.caseNumber()).isEqualTo(pi.getBusinessKey());
      assertThat(r.validUntil()).isEqualTo(LocalDate.of(2029, 10, 12));
    });
    assertThat(noticeTypes(pi)).containsExactly("COMMITMENT_APPROVED_ON_SPOT", "COMMITMENT_LICENCE_REVOKED");
    assertThat(notices(pi).get(1).body()).contains("后厨未设置承诺的专间", "撤销", "信用记录").doesNotContain("{");

    ProcessInstance again = changeOnCommitment(creditCode);
    assertThat(again).isWaitingAt("Task_ReviewApplication").hasNotPassed("Task_ApproveOnCommitment");
    assertThat(variable(again, "creditDishonest")).isEqualTo(true);
    assertThat(variable(again, "routeReason")).isEqualTo("申请人有失信或虚假承诺记录, 信用修复前不适用告知承诺");
  }

  @Test
  void aCheckResultNeedsAConclusionAndFindingsForAFalseCommitment() {
    ProcessInstance pi = changeOnCommitment(freshCreditCode());
    String checkId = task(pi, "Task_PostApprovalCheck").getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(checkId, Map.of()))
        .hasMessageContaining("请选择核查结论");
    assertThatThrownBy(() -> engine.getTaskService().complete(checkId, Map.of("postCheckResult", "MAYBE")))
        .hasMessageContaining("请选择核查结论");
    assertThatThrownBy(() -> engine.getTaskService().complete(checkId, Map.of("postCheckResult", "FALSE_COMMITMENT")))
        .hasMessageContaining("必须填写核查发现的不实情况");
    assertThat(pi).isWaitingAt("Task_PostApprovalCheck");
    assertThat(licencesOf(pi)).singleElement().satisfies(l -> assertThat(l.status()).isEqualTo(LicenceStatus.VALID));
  }

  @Test
  void anOverduePostCheckRaisesASupervisionTaskAndTheCheckGoesOn() {
    ProcessInstance pi = changeOnCommitment(freshCreditCode());
    assertThat(timer(pi, "Event_PostCheckOverdue").getDuedate()).isEqualTo(endOfDay(POST_CHECK_DUE));

    fireTimer(pi, "Event_PostCheckOverdue");

    assertThat(pi).isWaitingAt("Task_PostApprovalCheck", "Task_SupervisePostCheck");
    assertThat(candidateGroups(pi, "Task_SupervisePostCheck")).containsExactly("supervision");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);
    completeAs("supervisor1", pi, "Task_SupervisePostCheck", Map.of("supervisionAction", "URGE", "supervisionOpinion", "请三日内完成核查"));
    completeAs("inspector1", pi, "Task_PostApprovalCheck", Map.of("postCheckResult", "CONFORMS"));
    assertThat(pi).isEnded().hasPassed("Event_PostCheckSupervised", "Event_CommitmentConfirmed");
  }

  @Test
  void withoutACommitmentTheChangeIsReviewedAndApproved() {
    ProcessInstance pi = applyFor(freshCreditCode(), CHANGE, allMaterials(CHANGE), false, "CATERING", false);

    assertThat(pi).hasPassed("Task_AcceptForReview").isWaitingAt("Task_ReviewApplication");
    assertThat(variable(pi, "route")).isEqualTo("REVIEW");
    assertThat(candidateGroups(pi, "Task_ReviewApplication")).containsExactly("market-regulation");
    assertThat(task(pi, "Task_ReviewApplication").getDueDate()).isEqualTo(endOfDay(REVIEW_DUE));

    completeAs("market1", pi, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "变更事项符合要求"));

    assertThat(pi).isEnded().hasPassed("Task_IssueReviewedLicence", "Event_ReviewApproved").hasNotPassed("Task_PostApprovalCheck");
    assertThat(licencesOf(pi)).extracting(Licence::type).containsExactly("FOOD_BUSINESS");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "DECISION_APPROVED");
  }

  @Test
  void aHighRiskFormatIsReviewedEvenWithACommitmentAndCanBeRefused() {
    ProcessInstance pi = applyFor(freshCreditCode(), RENEWAL, allMaterials(RENEWAL), true, "COLLECTIVE_MEAL", false);

    assertThat(pi).isWaitingAt("Task_ReviewApplication");
    assertThat(variable(pi, "routeReason")).asString().contains("集体用餐配送");
    completeAs("market2", pi, "Task_ReviewApplication", Map.of("reviewDecision", "REJECT", "decisionReason", "配送车辆无冷藏设施"));

    assertThat(pi).isEnded().hasPassed("Task_NotifyReviewRejected", "Event_ReviewRejected");
    assertThat(licencesOf(pi)).isEmpty();
    assertThat(notices(pi).get(1).body()).contains("不予许可", "配送车辆无冷藏设施");
  }

  @Test
  void anOverdueReviewRaisesASupervisionTask() {
    ProcessInstance pi = applyFor(freshCreditCode(), CHANGE, allMaterials(CHANGE), false, "CATERING", false);
    assertThat(timer(pi, "Event_ReviewOverdue").getDuedate()).isEqualTo(endOfDay(REVIEW_DUE));

    fireTimer(pi, "Event_ReviewOverdue");

    assertThat(pi).isWaitingAt("Task_ReviewApplication", "Task_SuperviseReview");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);
  }

  @Test
  void aMissingCoreMaterialIsNotifiedOnceAndTheResubmissionIsDecidedOnTheSpot() {
    ProcessInstance pi = applyFor(freshCreditCode(), CHANGE, List.of("CHANGE_APPLICATION"), true, "CATERING", false);

    assertThat(pi).hasPassed("Task_SendOneTimeNotification").isWaitingAt("Gateway_WaitResubmission");
    assertThat(variable(pi, "resubmissionDueDate")).isEqualTo(endOfDay(REVIEW_DUE));
    assertThat(notices(pi).get(0).body()).contains("食品经营许可证正、副本: 未提交", "与变更事项有关的证明材料 (可以承诺代替): 未提交");

    correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS,
        CaseVariables.json(List.of("CHANGE_APPLICATION", "LICENCE_ORIGINAL"))));

    assertThat(pi).isWaitingAt("Task_PostApprovalCheck");
    assertThat(noticeTypes(pi)).containsExactly("ONE_TIME_NOTIFICATION", "COMMITMENT_APPROVED_ON_SPOT");
  }

  @Test
  void aDeferrableProofIsNeededWhenThereIsNoCommitment() {
    ProcessInstance pi = applyFor(freshCreditCode(), CHANGE, List.of("CHANGE_APPLICATION", "LICENCE_ORIGINAL"), false,
        "CATERING", false);

    assertThat(pi).hasPassed("Task_SendOneTimeNotification").isWaitingAt("Gateway_WaitResubmission")
        .hasNotPassed("Task_AcceptForReview");
  }

  @Test
  void withoutResubmissionTheApplicationIsNotAccepted() {
    ProcessInstance pi = applyFor(freshCreditCode(), FILING, List.of("FILING_FORM"), false, "FOOD_SALES", true);

    fireTimer(pi, "Event_ResubmissionDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Task_CloseNotAccepted", "Event_NotAccepted").hasNotPassed("Task_RecordFiling");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_ACCEPTED");
    assertThat(noticeTypes(pi)).containsExactly("ONE_TIME_NOTIFICATION", "NOT_ACCEPTED");
  }

  @Test
  void theReviewerCanReturnTheCaseOnceWithEveryReasonAndReviewsItAgain() {
    ProcessInstance pi = applyFor(freshCreditCode(), CHANGE, allMaterials(CHANGE), false, "CATERING", false);
    String reviewId = task(pi, "Task_ReviewApplication").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(reviewId, Map.of("reviewDecision", "RETURN")))
        .hasMessageContaining("退回补正必须一次性写明全部需要补正的内容");

    completeAs("market1", pi, "Task_ReviewApplication", Map.of("reviewDecision", "RETURN",
        "decisionReason", "1. 变更后的布局图未标注更衣室; 2. 缺少新增经营项目的操作流程"));

    assertThat(pi).hasPassed("Task_ReturnForCorrection").isWaitingAt("Gateway_WaitResubmission")
        .hasNotPassed("Task_IssueReviewedLicence");
    assertThat(variable(pi, "caseStatus")).isEqualTo("RETURNED");
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(variable(pi, "resubmissionDueDate")).isEqualTo(endOfDay(REVIEW_DUE));
    assertThat(notices(pi).get(1).type()).isEqualTo("RETURNED_FOR_CORRECTION");
    assertThat(notices(pi).get(1).body()).contains("未标注更衣室", "缺少新增经营项目的操作流程", "2026年9月22日");

    correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(allMaterials(CHANGE))));
    assertThat(pi).isWaitingAt("Task_ReviewApplication");
    completeAs("market1", pi, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "补正后符合要求"));

    assertThat(pi).isEnded().hasPassed("Event_ReviewApproved");
    assertThat(variable(pi, "returnCount")).isEqualTo(1);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION", "ACCEPTED", "DECISION_APPROVED");
  }

  @Test
  void aReturnedCaseNotCorrectedInTimeIsNotAccepted() {
    ProcessInstance pi = applyFor(freshCreditCode(), RENEWAL, allMaterials(RENEWAL), false, "FOOD_SALES", false);
    completeAs("market2", pi, "Task_ReviewApplication", Map.of("reviewDecision", "RETURN", "decisionReason", "延续申请书未签字"));

    fireTimer(pi, "Event_ResubmissionDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Event_NotAccepted");
    assertThat(licencesOf(pi)).isEmpty();
  }

  @Test
  void theApplicantCanWithdrawDuringTheOrdinaryReview() {
    ProcessInstance pi = applyFor(freshCreditCode(), CHANGE, allMaterials(CHANGE), false, "CATERING", false);

    correlate(pi, "CaseWithdrawn", Map.of("withdrawalReason", "暂不变更"));

    assertThat(pi).isEnded().hasPassed("Event_Withdrawn").hasNotPassed("Task_RecordReviewDecision");
    assertThat(variable(pi, "caseStatus")).isEqualTo("WITHDRAWN");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "WITHDRAWN");
    assertThat(licencesOf(pi)).isEmpty();
  }
}
