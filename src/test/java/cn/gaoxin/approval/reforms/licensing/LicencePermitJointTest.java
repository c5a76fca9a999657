package cn.gaoxin.approval.reforms.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.licences.Licence;
import cn.gaoxin.approval.licences.LicenceStatus;
import cn.gaoxin.approval.notices.Notice;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 证照联办 (licence-permit-joint), every path. The clock starts on Monday 2026-04-27, just before the Labour Day
 * holiday (1–5 May off, Saturday 9 May a make-up working day): the catering scenario promises 5 working days,
 * due Thursday 7 May.
 */
class LicencePermitJointTest extends LicensingScenarioSupport {

  static final String CATERING = "ZZLB-CY-001";
  static final LocalDate DUE_5_DAYS = LocalDate.of(2026, 5, 7);

  @BeforeEach
  void mondayBeforeLabourDay() {
    clockAt(LocalDateTime.of(2026, 4, 27, 9, 30));
  }

  private ProcessInstance applyComplete(String itemCode, boolean licenceWithoutPermit) {
    return applyAs("青岛海川餐饮管理有限公司", freshCreditCode(), itemCode, allMaterials(itemCode),
        Map.of("licenceWithoutPermit", licenceWithoutPermit));
  }

  private ProcessInstance acceptedCase(String itemCode, boolean licenceWithoutPermit) {
    ProcessInstance pi = applyComplete(itemCode, licenceWithoutPermit);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    runJobs(pi);
    return pi;
  }

  private void decide(ProcessInstance pi, String taskKey, String user, String decision, String reason) {
    completeAs(user, pi, taskKey, Map.of("reviewDecision", decision, "decisionReason", reason));
    runJobs(pi);
  }

  @Test
  void everyScenarioMapsToACatalogPermitAndEveryJointItemHasAScenario() {
    List<ServiceItem> jointItems = catalog.items().stream()
        .filter(i -> i.processes().contains("licence-permit-joint")).toList();
    assertThat(jointItems).hasSize(6);
    for (ServiceItem item : jointItems) {
      List<Map<String, Object>> result = evaluate("licence-permit-joint-scenario", Map.of("itemCode", item.code()));
      assertThat(result).as(item.code()).hasSize(1);
      ServiceItem permit = catalog.require((String) result.get(0).get("permitItemCode"));
      assertThat(permit.licence()).as("permit of " + item.code()).isNotNull();
      assertThat(item.limits().promised()).as("joint promise covers the permit's").isGreaterThanOrEqualTo(permit.limits().promised());
      assertThat((String) result.get(0).get("permitScope")).isNotBlank().doesNotContain(",");
    }
    assertThat(evaluate("licence-permit-joint-scenario", Map.of("itemCode", "SCJG-SPJY-001"))).isEmpty();
  }

  @Test
  void cateringIssuesTheBusinessLicenceAndTheFoodPermitTogether() {
    ProcessInstance pi = applyComplete(CATERING, false);
    assertThat(pi).hasPassed("Task_DetermineScenario", "Task_LoadPermitItem").isWaitingAt("Task_VerifyMaterials");
    assertThat(variable(pi, "scenarioName")).isEqualTo("开办餐饮店");
    assertThat(variable(pi, "permitItemCode")).isEqualTo("SCJG-SPJY-001");
    assertThat(variable(pi, "permitDepartment")).isEqualTo("market-regulation");
    assertThat(task(pi, "Task_VerifyMaterials").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 28)));
    assertThat(candidateGroups(pi, "Task_VerifyMaterials")).containsExactly("window-clerks");

    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).messages().count())
        .as("each department's review starts in its own transaction").isEqualTo(2);
    runJobs(pi);

    assertThat(pi).hasPassed("Task_AcceptApplication").isWaitingAt("Task_ReviewLicence", "Task_ReviewPermit");
    assertThat(task(pi, "Task_ReviewLicence").getDueDate()).isEqualTo(endOfDay(DUE_5_DAYS));
    assertThat(task(pi, "Task_ReviewPermit").getDueDate()).isEqualTo(endOfDay(DUE_5_DAYS));
    assertThat(candidateGroups(pi, "Task_ReviewLicence")).containsExactly("market-regulation");
    assertThat(candidateGroups(pi, "Task_ReviewPermit")).containsExactly("market-regulation");

    decide(pi, "Task_ReviewLicence", "market1", "APPROVE", "登记事项符合规定");
    assertThat(pi).isWaitingAt("Task_ReviewPermit");
    assertThat(variable(pi, "licenceDecisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "reviewDecision")).as("each review keeps its decision in its own scope").isNull();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("reviewDecision").list()).hasSize(2).allMatch(v -> !v.getExecutionId().equals(pi.getId()));
    assertThat(variable(pi, "caseStatus")).as("no premature 准予 while the permit is pending").isEqualTo("ACCEPTED");
    assertThat(variable(pi, "decidedAt")).as("one review is not the case's decision").isNull();
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(licencesOf(pi)).as("nothing issued before both reviews are done").isEmpty();

    decide(pi, "Task_ReviewPermit", "market2", "APPROVE", "经营场所和设施符合食品安全要求");

    assertThat(pi).isEnded().hasPassed("Gateway_JoinReviews", "Task_IssueBusinessLicence", "Task_IssuePermit",
        "Task_DeliverTogether", "Event_BothIssued").hasNotPassed("Task_RecordLicenceOnly", "Task_RecordJointRefused");
    List<Licence> issued = licencesOf(pi);
    assertThat(issued).extracting(Licence::type).containsExactlyInAnyOrder("BUSINESS_LICENCE", "FOOD_BUSINESS");
    Licence permit = issued.stream().filter(l -> l.type().equals("FOOD_BUSINESS")).findFirst().orElseThrow();
    assertThat(permit.title()).isEqualTo("食品经营许可证");
    assertThat(permit.permits()).containsExactly("餐饮服务: 热食类食品制售");
    assertThat(permit.validUntil()).isEqualTo(LocalDate.of(2031, 4, 27));
    assertThat(permit.issuedBy()).isEqualTo("市场监督管理局");
    assertThat(issued).allMatch(l -> l.status() == LicenceStatus.VALID && l.holderName().equals("青岛海川餐饮管理有限公司"));
    assertThat(variable(pi, "caseStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .orderPartiallyByOccurrence().asc().list()).extracting(a -> a.getActivityId())
        .as("decision recorded before any licence is issued")
        .containsSubsequence("Task_RecordCaseDecision", "Task_IssueBusinessLicence", "Task_IssuePermit");
    assertThat(variable(pi, "inPersonVisits")).isEqualTo(0);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "JOINT_LICENCE_AND_PERMIT_ISSUED");
    Notice delivered = notices(pi).get(1);
    assertThat(delivered.body()).contains((String) variable(pi, "businessLicenceNumber"), (String) variable(pi, "permitNumber"),
        "食品经营许可证", "餐饮服务: 热食类食品制售").doesNotContain("{");
    assertThat(assignees(pi)).contains("window1", "market1", "market2");
  }

  @ParameterizedTest(name = "{0} → {2} by {1}")
  @CsvSource({
      "ZZLB-CY-001,   market-regulation, FOOD_BUSINESS,           食品经营许可证,          2026-05-07, 市场监督管理局",
      "ZZLB-SPXS-001, market-regulation, FOOD_BUSINESS,           食品经营许可证,          2026-05-07, 市场监督管理局",
      "ZZLB-YPLS-001, market-regulation, DRUG_RETAIL,             药品经营许可证 (零售),    2026-05-13, 市场监督管理局",
      "ZZLB-YLQX-001, market-regulation, MEDICAL_DEVICE_TRADE,    医疗器械经营许可证,       2026-05-13, 市场监督管理局",
      "ZZLB-ZSCS-001, health,            PUBLIC_VENUE_HYGIENE,    公共场所卫生许可证,       2026-05-09, 卫生健康局",
      "ZZLB-YYCS-001, health,            PUBLIC_VENUE_HYGIENE,    公共场所卫生许可证,       2026-05-09, 卫生健康局"})
  void eachScenarioRoutesThePermitToItsDepartmentWithItsOwnLimit(String itemCode, String group, String permitType,
      String permitTitle, LocalDate permitDue, String issuer) {
    ProcessInstance pi = acceptedCase(itemCode, false);

    assertThat(candidateGroups(pi, "Task_ReviewPermit")).containsExactly(group);
    assertThat(candidateGroups(pi, "Task_ReviewLicence")).containsExactly("market-regulation");
    assertThat(task(pi, "Task_ReviewPermit").getDueDate()).isEqualTo(endOfDay(permitDue));
    assertThat(timer(pi, "Event_PermitReviewOverdue").getDuedate()).isEqualTo(endOfDay(permitDue));

    decide(pi, "Task_ReviewPermit", group.equals("health") ? "health1" : "market2", "APPROVE", "符合许可条件");
    decide(pi, "Task_ReviewLicence", "market1", "APPROVE", "符合登记条件");

    assertThat(pi).isEnded().hasPassed("Event_BothIssued");
    assertThat(licencesOf(pi)).extracting(Licence::type).containsExactlyInAnyOrder("BUSINESS_LICENCE", permitType);
    Licence permit = licencesOf(pi).stream().filter(l -> l.type().equals(permitType)).findFirst().orElseThrow();
    assertThat(permit.title()).isEqualTo(permitTitle);
    assertThat(permit.issuedBy()).isEqualTo(issuer);
  }

  @Test
  void aRefusedPermitStillLetsTheBusinessLicenceIssueWhenTheApplicantChoseSo() {
    ProcessInstance pi = acceptedCase("ZZLB-ZSCS-001", true);

    decide(pi, "Task_ReviewLicence", "market1", "APPROVE", "符合登记条件");
    decide(pi, "Task_ReviewPermit", "health1", "REJECT", "客房通风和消毒间设置不符合卫生规范");

    assertThat(pi).isEnded().hasPassed("Task_IssueBusinessLicence", "Task_RecordLicenceOnly", "Event_LicenceOnlyIssued")
        .hasNotPassed("Task_IssuePermit", "Task_DeliverTogether");
    assertThat(licencesOf(pi)).singleElement().satisfies(l -> {
      assertThat(l.type()).isEqualTo("BUSINESS_LICENCE");
      assertThat(l.number()).isEqualTo(variable(pi, "businessLicenceNumber"));
    });
    assertThat(variable(pi, "caseStatus")).isEqualTo("PARTIALLY_APPROVED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("PARTIALLY_APPROVED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "JOINT_LICENCE_ONLY_ISSUED");
    assertThat(notices(pi).get(1).body()).contains("客房通风和消毒间设置不符合卫生规范", "卫生健康局", "住宿场所 (宾馆)")
        .doesNotContain("{");
  }

  @Test
  void aRefusedPermitStopsBothWhenTheApplicantWantsThemTogether() {
    ProcessInstance pi = acceptedCase("ZZLB-YPLS-001", false);

    decide(pi, "Task_ReviewLicence", "market1", "APPROVE", "符合登记条件");
    decide(pi, "Task_ReviewPermit", "market2", "REJECT", "未配备执业药师");

    assertThat(pi).isEnded().hasPassed("Task_RecordJointRefused", "Task_NotifyJointRefused", "Event_JointRefused")
        .hasNotPassed("Task_IssueBusinessLicence");
    assertThat(licencesOf(pi)).isEmpty();
    assertThat(variable(pi, "caseStatus")).isEqualTo("REJECTED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("REJECTED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
    assertThat(notices(pi).get(1).body()).contains("营业执照 (准予): 符合登记条件", "药品经营许可 (零售) (不予): 未配备执业药师")
        .doesNotContain("{");
  }

  @Test
  void aRefusedBusinessLicenceMeansNoPermitEither() {
    ProcessInstance pi = acceptedCase(CATERING, true);

    decide(pi, "Task_ReviewPermit", "market2", "APPROVE", "符合许可条件");
    decide(pi, "Task_ReviewLicence", "market1", "REJECT", "企业名称与已登记企业名称近似");

    assertThat(pi).isEnded().hasPassed("Event_JointRefused").hasNotPassed("Task_IssueBusinessLicence", "Task_IssuePermit");
    assertThat(licencesOf(pi)).isEmpty();
    assertThat(notices(pi).get(1).body()).contains("营业执照 (不予): 企业名称与已登记企业名称近似", "(准予): 符合许可条件");
  }

  @Test
  void missingMaterialsAreNotifiedOnceForBothLicencesThenResubmitted() {
    ProcessInstance pi = applyAs("青岛海川餐饮管理有限公司", freshCreditCode(), CATERING,
        List.of("REG_APPLICATION", "ARTICLES", "ID_PROOF", "PERMIT_APPLICATION"), Map.of());
    completeAs("window1", pi, "Task_VerifyMaterials",
        Map.of("defectiveMaterials", CaseVariables.json(List.of("ARTICLES")), "defectNote", "章程未经全体股东签字"));

    assertThat(pi).hasPassed("Task_SendOneTimeNotification").isWaitingAt("Gateway_WaitResubmission");
    assertThat(noticeTypes(pi)).containsExactly("ONE_TIME_NOTIFICATION");
    assertThat(notices(pi).get(0).body()).contains("公司章程: 不符合要求: 章程未经全体股东签字",
        "住所 (经营场所) 使用证明 (登记与许可共用): 未提交", "经营设施设备布局及操作流程图: 未提交", "食品安全管理制度文本: 未提交",
        "食品安全管理人员培训考核合格证明: 未提交");
    assertThat(notices(pi).get(0).body()).doesNotContain("食品经营许可申请书: ");

    correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(allMaterials(CATERING))));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of("defectiveMaterials", CaseVariables.json(List.of())));
    runJobs(pi);

    assertThat(pi).isWaitingAt("Task_ReviewLicence", "Task_ReviewPermit");
    assertThat(variable(pi, "materialsCheckCount")).isEqualTo(2);
    assertThat(noticeTypes(pi)).containsExactly("ONE_TIME_NOTIFICATION", "ACCEPTED");
  }

  @Test
  void withoutResubmissionTheJointApplicationIsNotAccepted() {
    ProcessInstance pi = applyAs("青岛海川餐饮管理有限公司", freshCreditCode(), CATERING, List.of("REG_APPLICATION"), Map.of());
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    // resubmission limit 5 working days from Mon 27 Apr → 28, 29, 30 Apr, 6, 7 May
    assertThat(timer(pi, "Event_ResubmissionDeadlinePassed").getDuedate()).isEqualTo(endOfDay(DUE_5_DAYS));

    fireTimer(pi, "Event_ResubmissionDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Task_CloseNotAccepted", "Event_NotAccepted").hasNotPassed("Gateway_ForkReviews");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_ACCEPTED");
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(variable(pi, "decidedAt")).isNull();
    assertThat(noticeTypes(pi)).containsExactly("ONE_TIME_NOTIFICATION", "NOT_ACCEPTED");
  }

  @Test
  void anOverdueLicenceReviewIsSupervisedWhileTheReviewGoesOn() {
    ProcessInstance pi = acceptedCase(CATERING, false);
    assertThat(timer(pi, "Event_LicenceReviewOverdue").getDuedate()).isEqualTo(endOfDay(DUE_5_DAYS));

    fireTimer(pi, "Event_LicenceReviewOverdue");

    assertThat(pi).isWaitingAt("Task_ReviewLicence", "Task_ReviewPermit", "Task_SuperviseLicenceReview");
    assertThat(candidateGroups(pi, "Task_SuperviseLicenceReview")).containsExactly("supervision");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);
    completeAs("supervisor1", pi, "Task_SuperviseLicenceReview", Map.of("supervisionAction", "URGE", "supervisionOpinion", "请今日办结"));
    decide(pi, "Task_ReviewLicence", "market1", "APPROVE", "同意");
    decide(pi, "Task_ReviewPermit", "market2", "APPROVE", "同意");
    assertThat(pi).isEnded().hasPassed("Event_LicenceSupervisionRecorded", "Event_BothIssued");
  }

  @Test
  void anOverduePermitReviewIsSupervisedToo() {
    ProcessInstance pi = acceptedCase("ZZLB-YYCS-001", false);
    decide(pi, "Task_ReviewLicence", "market1", "APPROVE", "同意");
    assertThat(timer(pi, "Event_LicenceReviewOverdue")).as("finished review has no overdue timer").isNull();

    fireTimer(pi, "Event_PermitReviewOverdue");

    assertThat(pi).isWaitingAt("Task_ReviewPermit", "Task_SupervisePermitReview");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);
  }

  @Test
  void aRefusalWithoutReasonIsRefusedAndChangesNothing() {
    ProcessInstance pi = acceptedCase(CATERING, false);
    String reviewId = task(pi, "Task_ReviewPermit").getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(reviewId, Map.of("reviewDecision", "REJECT")))
        .hasMessageContaining("必须填写理由");
    assertThat(pi).isWaitingAt("Task_ReviewLicence", "Task_ReviewPermit");
    assertThat(variable(pi, "permitDecisionStatus")).isNull();
  }

  @Test
  void theApplicantCanWithdrawBeforeTheDecisionsAndNothingIsIssued() {
    ProcessInstance pi = acceptedCase(CATERING, false);
    decide(pi, "Task_ReviewLicence", "market1", "APPROVE", "符合登记条件");

    correlate(pi, "CaseWithdrawn", Map.of("withdrawalReason", "选址变更, 另行申请"));

    assertThat(pi).isEnded().hasPassed("Task_RecordWithdrawal", "Task_NotifyWithdrawal", "Event_Withdrawn")
        .hasNotPassed("Task_RecordPermitDecision", "Task_IssueBusinessLicence");
    assertThat(variable(pi, "caseStatus")).isEqualTo("WITHDRAWN");
    assertThat(variable(pi, "decidedAt")).isNull();
    assertThat(licencesOf(pi)).isEmpty();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "WITHDRAWN");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void aReturnedPermitWaitsForTheLicenceReviewThenOnlyThePermitIsReviewedAgain() {
    ProcessInstance pi = acceptedCase(CATERING, false);

    decide(pi, "Task_ReviewPermit", "market2", "RETURN", "经营设施设备布局图未标明粗加工、切配区域; 从业人员健康证明缺 1 人");
    assertThat(pi).as("the licence review goes on").isWaitingAt("Task_ReviewLicence");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED");

    decide(pi, "Task_ReviewLicence", "market1", "APPROVE", "符合登记条件");

    assertThat(pi).hasPassed("Gateway_JoinReviews", "Task_ReturnForCorrection").isWaitingAt("Gateway_WaitResubmission")
        .hasNotPassed("Task_RecordCaseDecision", "Task_IssueBusinessLicence");
    assertThat(variable(pi, "caseStatus")).isEqualTo("RETURNED");
    assertThat(variable(pi, "decidedAt")).as("a return is no decision").isNull();
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(licencesOf(pi)).isEmpty();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION");
    // resubmission limit 5 working days from Mon 27 Apr → 28, 29, 30 Apr, 6, 7 May
    assertThat(notices(pi).get(1).body()).contains("经市场监督管理局审查, 需要补正", "1. 市场监督管理局 (" + variable(pi, "permitItemName") + "): ",
        "未标明粗加工、切配区域", "从业人员健康证明缺 1 人", "2026年5月7日").doesNotContain("营业执照): ", "{");

    correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(allMaterials(CATERING))));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    runJobs(pi);

    assertThat(pi).as("the business licence stays approved; only the permit is reviewed again").isWaitingAt("Task_ReviewPermit");
    assertThat(task(pi, "Task_ReviewLicence")).isNull();
    decide(pi, "Task_ReviewPermit", "market2", "APPROVE", "补正后符合食品安全要求");

    assertThat(pi).isEnded().hasPassed("Task_RecordCaseDecision", "Event_BothIssued");
    assertThat(licencesOf(pi)).extracting(Licence::type).containsExactlyInAnyOrder("BUSINESS_LICENCE", "FOOD_BUSINESS");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_ReviewLicence").count()).isEqualTo(1);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION", "ACCEPTED", "JOINT_LICENCE_AND_PERMIT_ISSUED");
  }

  @Test
  void bothReviewsReturningSendOneNoticeAndNoCorrectionByTheDeadlineMeansNotAccepted() {
    ProcessInstance pi = acceptedCase("ZZLB-ZSCS-001", false);

    decide(pi, "Task_ReviewLicence", "market1", "RETURN", "章程未载明经营期限");
    decide(pi, "Task_ReviewPermit", "health1", "RETURN", "客房通风设施说明缺失");

    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION");
    assertThat(notices(pi).get(1).body()).contains("经市场监督管理局、卫生健康局审查", "1. 市场监督管理局 (营业执照): 章程未载明经营期限",
        "2. 卫生健康局 (", "客房通风设施说明缺失");

    fireTimer(pi, "Event_ResubmissionDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Task_CloseNotAccepted", "Event_NotAccepted").hasNotPassed("Task_RecordCaseDecision");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_ACCEPTED");
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(variable(pi, "decidedAt")).isNull();
    assertThat(licencesOf(pi)).isEmpty();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION", "NOT_ACCEPTED");
  }

  @Test
  void aReturnIsPointlessOnceTheOtherReviewRefusedEverything() {
    ProcessInstance pi = acceptedCase("ZZLB-YPLS-001", false);

    decide(pi, "Task_ReviewLicence", "market1", "RETURN", "章程需修改");
    decide(pi, "Task_ReviewPermit", "market2", "REJECT", "未配备执业药师");

    assertThat(pi).as("the permit is refused and the applicant wants both or nothing: decided, not returned").isEnded()
        .hasPassed("Task_RecordCaseDecision", "Event_JointRefused").hasNotPassed("Task_ReturnForCorrection");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("REJECTED");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "JOINT_REFUSED");
    assertThat(notices(pi).get(1).body()).contains("营业执照 (退回补正): 章程需修改", "(不予): 未配备执业药师");
  }
}
