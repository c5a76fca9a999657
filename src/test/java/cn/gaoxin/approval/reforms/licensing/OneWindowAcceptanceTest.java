package cn.gaoxin.approval.reforms.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.bundles.ItemBundle;
import cn.gaoxin.approval.cases.ApplicationRejectedException;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.licences.Licence;
import cn.gaoxin.approval.licences.LicenceRegister;
import cn.gaoxin.approval.licences.LicenceStatus;
import cn.gaoxin.approval.notices.Notice;
import cn.gaoxin.approval.support.ScenarioTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 一窗受理、集成服务 (one-window-acceptance), every path. A hotel with a restaurant applies for four items at once:
 * 食品经营许可 and 企业变更登记 (市场监督管理局, one branch), 公共场所卫生许可 (卫生健康局) and 消防安全检查 (消防救援机构).
 * The clock starts on Thursday 2026-04-02, before the Qingming holiday (4–6 April), so the branches' due dates
 * exercise the working-day calendar: 3 working days → Wed 8 April, 5 → Fri 10 April, 7 → Tue 14 April,
 * the window's promise of 10 → Fri 17 April.
 */
class OneWindowAcceptanceTest extends ScenarioTest {

  static final String WINDOW = "ZHCK-YCSL-001";
  static final String KEY = "one-window-acceptance";
  static final List<String> ITEMS = List.of("SCJG-SPJY-001", "SCJG-BG-001", "WJ-GGWS-001", "XF-AQJC-001");
  static final String ADDRESS = "重庆市九龙坡区科园一路 3 号";

  @Autowired LicenceRegister licences;
  @Autowired ServiceCatalog catalog;

  @BeforeEach
  void thursdayBeforeQingming() {
    clockAt(LocalDateTime.of(2026, 4, 2, 10, 0));
  }

  ProcessInstance applyOnline(String delivery, List<String> items) {
    Map<String, Object> details = new HashMap<>();
    details.put("appliedItems", String.join(",", items));
    details.put("deliveryMethod", delivery);
    if ("POST".equals(delivery)) {
      details.put("postalAddress", ADDRESS);
    }
    return apply(WINDOW, KEY, List.of("UNIFIED_APPLICATION", "APPLICANT_ID"), false, details);
  }

  /** Every material key of the application, as the window ticks them. */
  List<String> allMaterials(List<String> items) {
    return ItemBundle.of(catalog, WINDOW, items).bundle().materials().stream().map(ItemBundle.BundleMaterial::key).toList();
  }

  void verifyAll(ProcessInstance pi) {
    completeAs("window1", pi, "Task_VerifyMaterials",
        Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(allMaterials(ITEMS))));
  }

  @Test
  void onlineApplicationIsReviewedByEachDepartmentInParallelAndPostedOnceWithoutAnyVisit() throws Exception {
    ProcessInstance pi = applyOnline("POST", ITEMS);
    assertThat(pi).isWaitingAt("Task_VerifyMaterials").hasPassed("Task_PlanBundle", "Task_PlanDelivery");
    assertThat(candidateGroups(task(pi, "Task_VerifyMaterials"))).containsExactly("window-clerks");
    assertThat(task(pi, "Task_VerifyMaterials").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 3)));
    assertThat(variable(pi, "reviewDepartmentNames")).isEqualTo("市场监督管理局、卫生健康局、消防救援机构");
    // 营业执照 is needed by three items but asked once; the items' own application forms stay apart
    assertThat(materialLabels(pi).stream().filter(l -> l.startsWith("营业执照 ("))).singleElement().asString()
        .contains("食品经营许可 (新办)", "公共场所卫生许可", "公众聚集场所投入使用、营业前消防安全检查");
    assertThat(allMaterials(ITEMS)).contains("SCJG-SPJY-001:APPLICATION", "WJ-GGWS-001:APPLICATION",
        "SCJG-SPJY-001:BUSINESS_LICENCE", "SCJG-BG-001:BUSINESS_LICENCE").doesNotContain("WJ-GGWS-001:BUSINESS_LICENCE");

    verifyAll(pi);

    assertThat(pi).hasPassed("Task_CheckMaterials", "Task_AcceptApplication");
    assertThat(variable(pi, "materialsStatus")).isEqualTo("COMPLETE");
    Map<String, Task> reviews = reviewTasks(pi);
    assertThat(reviews).containsOnlyKeys("market-regulation", "health", "fire-protection");
    assertThat(reviews.get("market-regulation").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 10)));
    assertThat(reviews.get("health").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 14)));
    assertThat(reviews.get("fire-protection").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 8)));
    assertThat(taskVariable(reviews.get("market-regulation"), "reviewItemNames").toString())
        .contains("食品经营许可 (新办)", "企业变更登记").doesNotContain("公共场所卫生许可");
    assertThat(taskVariable(reviews.get("health"), "departmentName")).isEqualTo("卫生健康局");

    review(pi, "fire-protection", "fire1", "APPROVE", "承诺符合消防安全要求");
    review(pi, "market-regulation", "market1", "APPROVE", "符合条件");
    assertThat(pi).isWaitingAt("Task_ReviewDepartmentItems");
    review(pi, "health", "health1", "APPROVE", "卫生条件符合要求");
    runJobs(pi);

    assertThat(pi).hasPassed("SubProcess_IssueLicences", "Task_AssembleResults").isWaitingAt("Task_ConfirmResults");
    assertThat(task(pi, "Task_ConfirmResults").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 17)));
    List<Licence> issued = licences.forCase(pi.getBusinessKey());
    assertThat(issued).extracting(Licence::subject).containsExactlyInAnyOrderElementsOf(ITEMS);
    assertThat(issued).filteredOn(l -> l.subject().equals("WJ-GGWS-001")).singleElement().satisfies(l -> {
      assertThat(l.title()).isEqualTo("公共场所卫生许可证");
      assertThat(l.issuedBy()).isEqualTo("卫生健康局");
      assertThat(l.validUntil()).isEqualTo(LocalDate.of(2030, 4, 2));
    });
    assertThat(issued).filteredOn(l -> l.subject().equals("XF-AQJC-001")).singleElement()
        .satisfies(l -> assertThat(l.issuedBy()).isEqualTo("消防救援机构"));
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "decidedAt")).as("when the case was decided, for the scorecard").isNotNull();

    completeAs("window2", pi, "Task_ConfirmResults", Map.of("resultsChecked", true));
    assertThat(pi).hasPassed("Task_NotifyResults").isWaitingAt("Task_DeliverByPost");
    assertThat(candidateGroups(task(pi, "Task_DeliverByPost"))).containsExactly("post-couriers");
    completeAs("courier1", pi, "Task_DeliverByPost", Map.of("waybillNumber", "1187654321098"));

    assertThat(pi).isEnded().hasPassed("Task_RecordDelivered", "Event_Delivered").hasNotPassed("Task_HandOverAtCounter");
    assertThat(variable(pi, "caseStatus")).isEqualTo("DELIVERED");
    assertThat(variable(pi, "inPersonVisits")).as("不见面: online and by post").isEqualTo(0);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "ONE_WINDOW_RESULTS");
    Notice results = notices(pi).get(1);
    assertThat(results.body()).contains("4 个事项", "1. 市场监督管理局: 准予许可 (食品经营许可 (新办)、企业变更登记)",
        "2. 卫生健康局: 准予许可", "3. 消防救援机构: 准予许可", "公共场所卫生许可证 编号 GXZ-2026-", "/verify/GXZ-2026-",
        "免费寄送至: " + ADDRESS);
  }

  @Test
  void oneDepartmentRefusingStillEndsWithOneCombinedDeliveryStatingEachResult() {
    ProcessInstance pi = applyOnline("COUNTER", ITEMS);
    verifyAll(pi);
    review(pi, "market-regulation", "market1", "APPROVE", "符合条件");
    review(pi, "health", "health1", "REJECT", "从业人员健康合格证明已过期");
    review(pi, "fire-protection", "fire1", "APPROVE", "符合要求");
    runJobs(pi);

    assertThat(variable(pi, "decisionStatus")).isEqualTo("PARTIALLY_APPROVED");
    assertThat(variable(pi, "decidedAt")).as("when the case was decided, for the scorecard").isNotNull();
    assertThat(licences.forCase(pi.getBusinessKey())).extracting(Licence::subject)
        .containsExactlyInAnyOrder("SCJG-SPJY-001", "SCJG-BG-001", "XF-AQJC-001");
    completeAs("window1", pi, "Task_ConfirmResults", Map.of("resultsChecked", true));
    assertThat(pi).isWaitingAt("Task_HandOverAtCounter");

    String handover = task(pi, "Task_HandOverAtCounter").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(handover, Map.of("recipientName", "张三")))
        .hasMessageContaining("核验领取人身份证件");
    completeAs("window1", pi, "Task_HandOverAtCounter", Map.of("recipientName", "张三", "identityChecked", true));

    assertThat(pi).isEnded().hasPassed("Task_RecordPickupVisit", "Event_Delivered").hasNotPassed("Task_DeliverByPost");
    assertThat(variable(pi, "inPersonVisits")).as("只跑一次: online application, one visit to collect").isEqualTo(1);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "ONE_WINDOW_RESULTS");
    assertThat(notices(pi).get(1).body()).contains("市场监督管理局: 准予许可",
        "2. 卫生健康局: 不予许可 (公共场所卫生许可), 理由: 从业人员健康合格证明已过期", "3. 消防救援机构: 准予许可",
        "综合窗口一次领取");
  }

  @Test
  void everyDepartmentRefusingIssuesNoLicenceButStillDeliversOnce() {
    ProcessInstance pi = applyOnline("POST", List.of("WJ-GGWS-001", "XF-AQJC-001"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of(CaseVariables.SUBMITTED_MATERIALS,
        CaseVariables.json(allMaterials(List.of("WJ-GGWS-001", "XF-AQJC-001")))));
    review(pi, "health", "health1", "REJECT", "卫生设施不符合要求");
    review(pi, "fire-protection", "fire1", "REJECT", "未取得消防验收合格凭证");
    runJobs(pi);
    completeAs("window1", pi, "Task_ConfirmResults", Map.of("resultsChecked", true));
    completeAs("courier1", pi, "Task_DeliverByPost", Map.of("waybillNumber", "EA123456789CN"));

    assertThat(pi).isEnded().hasPassed("Task_AssembleResults", "Event_Delivered").hasNotPassed("Task_IssueItemLicence");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("REJECTED");
    assertThat(variable(pi, "decidedAt")).as("when the case was decided, for the scorecard").isNotNull();
    assertThat(licences.forCase(pi.getBusinessKey())).isEmpty();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "ONE_WINDOW_RESULTS");
    assertThat(notices(pi).get(1).body()).contains("卫生设施不符合要求", "未取得消防验收合格凭证");
  }

  @Test
  void counterSubmissionIsTheOnlyVisitBecauseResultsArePosted() {
    ProcessInstance pi = startAtCounter("POST");
    assertThat(variable(pi, "channel")).isEqualTo("COUNTER");
    assertThat(variable(pi, "inPersonVisits")).isEqualTo(1);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of(CaseVariables.SUBMITTED_MATERIALS,
        CaseVariables.json(allMaterials(List.of("SCJG-SPJY-001")))));
    review(pi, "market-regulation", "market2", "APPROVE", "符合条件");
    runJobs(pi);
    completeAs("window1", pi, "Task_ConfirmResults", Map.of("resultsChecked", true));
    String delivery = task(pi, "Task_DeliverByPost").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(delivery, Map.of("waybillNumber", "123")))
        .hasMessageContaining("邮件运单号");
    completeAs("courier1", pi, "Task_DeliverByPost", Map.of("waybillNumber", "1187654321098"));

    assertThat(pi).isEnded();
    assertThat(variable(pi, "inPersonVisits")).as("只跑一次").isEqualTo(1);
    assertThat(licences.forCase(pi.getBusinessKey())).singleElement()
        .satisfies(l -> assertThat(l.status()).isEqualTo(LicenceStatus.VALID));
  }

  @Test
  void counterSubmissionCannotAskToComeBackForTheResults() {
    long before = instances();
    assertThatThrownBy(() -> startAtCounter("COUNTER"))
        .isInstanceOf(ApplicationRejectedException.class).hasMessageContaining("只跑一次");
    assertThat(instances()).as("nothing started").isEqualTo(before);
  }

  @Test
  void unknownOrMissingItemsRejectTheApplicationBeforeAnythingStarts() {
    long before = instances();
    assertThatThrownBy(() -> applyOnline("POST", List.of("SCJG-SPJY-001", "XX-NOPE-001")))
        .isInstanceOf(ApplicationRejectedException.class).hasMessageContaining("事项目录中没有编码为 XX-NOPE-001 的事项");
    assertThatThrownBy(() -> apply(WINDOW, KEY, List.of(), false, Map.of("deliveryMethod", "POST")))
        .isInstanceOf(ApplicationRejectedException.class).hasMessageContaining("请至少选择一项申请事项");
    assertThatThrownBy(() -> applyOnline("POST", List.of(WINDOW)))
        .isInstanceOf(ApplicationRejectedException.class).hasMessageContaining("综合窗口本身");
    assertThatThrownBy(() -> apply(WINDOW, KEY, List.of(), false,
        Map.of("appliedItems", "SCJG-SPJY-001", "deliveryMethod", "POST")))
        .isInstanceOf(ApplicationRejectedException.class).hasMessageContaining("请填写收件地址");
    assertThat(instances()).isEqualTo(before);
  }

  @Test
  void missingMaterialsOfAllItemsAreNotifiedInOneNoticeThenResubmitted() {
    ProcessInstance pi = applyOnline("POST", ITEMS);
    List<String> partial = new ArrayList<>(allMaterials(ITEMS));
    partial.removeAll(List.of("FIRE_ACCEPTANCE", "STAFF_HEALTH", "RESOLUTION"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(partial)));

    assertThat(pi).hasPassed("Task_SendOneTimeNotification").isWaitingAt("Gateway_WaitResubmission");
    assertThat(variable(pi, "resubmissionDueDate")).isEqualTo(endOfDay(LocalDate.of(2026, 4, 10)));
    assertThat(noticeTypes(pi)).containsExactly("ONE_TIME_NOTIFICATION");
    assertThat(notices(pi).get(0).body()).contains("建设工程消防验收合格或备案凭证: 未提交", "从业人员健康合格证明: 未提交",
        "股东会决议或股东决定: 未提交");
    assertThat(reviewTasks(pi)).isEmpty();

    correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(allMaterials(ITEMS))));
    assertThat(pi).isWaitingAt("Task_VerifyMaterials");
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(reviewTasks(pi)).hasSize(3);
    assertThat(variable(pi, "materialsCheckCount")).isEqualTo(2);
    assertThat(noticeTypes(pi)).containsExactly("ONE_TIME_NOTIFICATION", "ACCEPTED");
  }

  @Test
  void noResubmissionByTheDeadlineClosesTheCaseAsNotAccepted() {
    ProcessInstance pi = applyOnline("POST", ITEMS);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    fireTimer(pi, "Event_ResubmissionDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Task_CloseNotAccepted", "Event_NotAccepted").hasNotPassed("Task_AcceptApplication");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_ACCEPTED");
    assertThat(noticeTypes(pi)).containsExactly("ONE_TIME_NOTIFICATION", "NOT_ACCEPTED");
    assertThat(variable(pi, "decidedAt")).isNull();
  }

  @Test
  void anOverdueDepartmentIsSupervisedWithoutHoldingUpTheOthers() {
    ProcessInstance pi = applyOnline("POST", ITEMS);
    verifyAll(pi);
    review(pi, "market-regulation", "market1", "APPROVE", "符合条件");
    Job fireTimer = overdueTimers(pi).get(0);
    assertThat(fireTimer.getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 8)));
    engine.getManagementService().setJobRetries(fireTimer.getId(), 1);
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(fireTimer.getDuedate().getTime() + 1000));
    engine.getManagementService().executeJob(fireTimer.getId());

    Task supervision = task(pi, "Task_SuperviseDepartmentOverdue");
    assertThat(candidateGroups(supervision)).containsExactly("supervision");
    assertThat(taskVariable(supervision, "departmentName")).isEqualTo("消防救援机构");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);
    assertThat(reviewTasks(pi)).containsOnlyKeys("health", "fire-protection");

    completeAs("supervisor1", pi, "Task_SuperviseDepartmentOverdue",
        Map.of("supervisionAction", "URGE", "supervisionOpinion", "消防检查已超承诺时限, 请今日办结"));
    review(pi, "fire-protection", "fire1", "APPROVE", "符合要求");
    review(pi, "health", "health1", "APPROVE", "符合要求");
    runJobs(pi);
    assertThat(pi).isWaitingAt("Task_ConfirmResults");
    assertThat(overdueTimers(pi)).isEmpty();
  }

  @Test
  void aRefusalOrAReturnNeedsItsReasons() {
    ProcessInstance pi = applyOnline("POST", List.of("XF-AQJC-001"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of(CaseVariables.SUBMITTED_MATERIALS,
        CaseVariables.json(allMaterials(List.of("XF-AQJC-001")))));
    String id = reviewTasks(pi).get("fire-protection").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("reviewDecision", "REJECT")))
        .hasMessageContaining("不予许可必须填写理由");
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("reviewDecision", "RETURN")))
        .hasMessageContaining("退回补正必须一次性写明全部需要补正的内容");
    assertThat(reviewTasks(pi)).containsKey("fire-protection");
    assertThat(variable(pi, "departmentResults")).isNull();
  }

  @Test
  void returnsWaitForEveryDepartmentThenOneNoticeListsThemAndOnlyTheReturningDepartmentsReviewAgain() {
    ProcessInstance pi = applyOnline("POST", ITEMS);
    verifyAll(pi);
    review(pi, "fire-protection", "fire1", "RETURN", "消防设施平面图未标明疏散通道和安全出口");
    review(pi, "market-regulation", "market1", "APPROVE", "符合条件");
    assertThat(noticeTypes(pi)).as("nothing goes out while a department still reviews").containsExactly("ACCEPTED");
    review(pi, "health", "health1", "RETURN", "两名从业人员缺健康合格证明");

    assertThat(pi).hasPassed("Gateway_AnyReturned", "Task_ReturnForCorrection").isWaitingAt("Gateway_WaitResubmission")
        .hasNotPassed("Task_RecordDecision", "SubProcess_IssueLicences");
    assertThat(reviewTasks(pi)).isEmpty();
    assertThat(licences.forCase(pi.getBusinessKey())).isEmpty();
    assertThat(progressOf(pi)).containsEntry("status", "RETURNED").containsEntry("statusText", "已退回补正")
        .containsEntry("finished", false);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION");
    assertThat(notices(pi).get(1).body()).contains("经卫生健康局、消防救援机构审查, 需要补正",
        "1. 卫生健康局 (公共场所卫生许可): 两名从业人员缺健康合格证明",
        "2. 消防救援机构 (公众聚集场所投入使用、营业前消防安全检查): 消防设施平面图未标明疏散通道和安全出口", "2026年4月10日")
        .doesNotContain("市场监督管理局");

    var resubmitted = rest().submitMaterials(pi.getBusinessKey(), CREDIT_CODE, allMaterials(ITEMS));
    assertThat(resubmitted.getStatusCode().value()).isEqualTo(202);
    assertThat(pi).isWaitingAt("Task_VerifyMaterials");
    completeAs("window2", pi, "Task_VerifyMaterials", Map.of());

    assertThat(reviewTasks(pi)).as("the market's approval stands").containsOnlyKeys("health", "fire-protection");
    review(pi, "health", "health1", "APPROVE", "补正后符合要求");
    review(pi, "fire-protection", "fire1", "APPROVE", "补正后符合要求");

    assertThat(pi).isWaitingAt("Task_ConfirmResults");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "decidedAt")).as("when the case was decided, for the scorecard").isNotNull();
    assertThat(licences.forCase(pi.getBusinessKey())).extracting(Licence::subject).containsExactlyInAnyOrderElementsOf(ITEMS);
    assertThat(progressOf(pi)).containsEntry("status", "RESULTS_READY");
    completeAs("window1", pi, "Task_ConfirmResults", Map.of("resultsChecked", true));
    completeAs("courier1", pi, "Task_DeliverByPost", Map.of("waybillNumber", "1187654321098"));
    assertThat(pi).isEnded();
    assertThat(variable(pi, "returnCount")).isEqualTo(1);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION", "ACCEPTED", "ONE_WINDOW_RESULTS");
    assertThat(notices(pi).get(3).body()).contains("1. 市场监督管理局: 准予许可", "2. 卫生健康局: 准予许可", "3. 消防救援机构: 准予许可");
  }

  @Test
  void aReturnedCaseNotCorrectedInTimeIsNotAcceptedAndNothingIsIssued() {
    List<String> items = List.of("WJ-GGWS-001", "XF-AQJC-001");
    ProcessInstance pi = applyOnline("POST", items);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of(CaseVariables.SUBMITTED_MATERIALS,
        CaseVariables.json(allMaterials(items))));
    review(pi, "health", "health1", "APPROVE", "符合要求");
    review(pi, "fire-protection", "fire1", "RETURN", "未提交消防安全检查承诺书");
    assertThat(timer(pi, "Event_ResubmissionDeadlinePassed").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 10)));

    fireTimer(pi, "Event_ResubmissionDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Task_CloseNotAccepted", "Event_NotAccepted").hasNotPassed("SubProcess_IssueLicences");
    assertThat(progressOf(pi)).containsEntry("status", "NOT_ACCEPTED").containsEntry("finished", true);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION", "NOT_ACCEPTED");
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(variable(pi, "decidedAt")).as("no decision, none recorded").isNull();
    assertThat(licences.forCase(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void theApplicantWithdrawsWhileTheDepartmentsReview() {
    ProcessInstance pi = applyOnline("POST", ITEMS);
    verifyAll(pi);
    review(pi, "market-regulation", "market1", "APPROVE", "符合条件");
    assertThat(queueOf(pi, "health")).hasSize(1);

    var withdrawn = rest().withdraw(pi.getBusinessKey(), CREDIT_CODE, "酒店改建, 暂不开业");

    assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
    assertThat(pi).isEnded().hasPassed("Task_RecordWithdrawal", "Task_NotifyWithdrawal", "Event_Withdrawn")
        .hasNotPassed("Task_RecordDecision", "SubProcess_IssueLicences");
    assertThat(queueOf(pi, "health")).as("every open review is gone").isEmpty();
    assertThat(queueOf(pi, "fire-protection")).isEmpty();
    assertThat(progressOf(pi)).containsEntry("status", "WITHDRAWN").containsEntry("finished", true);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "WITHDRAWN");
    assertThat(licences.forCase(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void withdrawalIsRefusedOnceEveryDepartmentHasDecidedEvenBeforeTheLicencesAreIssued() {
    List<String> items = List.of("WJ-GGWS-001", "XF-AQJC-001");
    ProcessInstance pi = applyOnline("POST", items);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of(CaseVariables.SUBMITTED_MATERIALS,
        CaseVariables.json(allMaterials(items))));
    for (String group : List.of("health", "fire-protection")) {
      Task task = reviewTasks(pi).get(group);
      engine.getTaskService().claim(task.getId(), group.equals("health") ? "health1" : "fire1");
      engine.getTaskService().complete(task.getId(), Map.of("reviewDecision", "APPROVE", "decisionReason", "符合要求"));
    }
    // the departments' results are recorded (async); the case's decision is recorded before any licence is issued
    engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Task_RecordDepartmentResult").list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    assertThat(pi).hasPassed("Task_RecordDecision");
    assertThat(licences.forCase(pi.getBusinessKey())).isEmpty();

    var refused = rest().withdraw(pi.getBusinessKey(), CREDIT_CODE, null);

    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody().get("error").toString()).contains("已作出决定 (准予许可)", "不能撤回");
    runJobs(pi);
    assertThat(pi).isWaitingAt("Task_ConfirmResults");
    assertThat(licences.forCase(pi.getBusinessKey())).hasSize(2);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED");
  }

  // ---------------------------------------------------------------------------------------------------------

  private ProcessInstance startAtCounter(String delivery) {
    Map<String, Object> form = new HashMap<>();
    form.put("itemCode", WINDOW);
    form.put("appliedItems", CaseVariables.json(List.of("SCJG-SPJY-001")));
    form.put("applicantName", "重庆渝味餐饮管理有限公司");
    form.put("creditCode", CREDIT_CODE);
    form.put("contactName", "李四");
    form.put("contactPhone", PHONE);
    form.put("deliveryMethod", delivery);
    form.put("postalAddress", ADDRESS);
    return engine.getRuntimeService().startProcessInstanceByKey(KEY, form);
  }

  private long instances() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();
  }

  private Map<String, Task> reviewTasks(ProcessInstance pi) {
    Map<String, Task> byGroup = new HashMap<>();
    for (Task t : engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_ReviewDepartmentItems").list()) {
      byGroup.put(candidateGroups(t).get(0), t);
    }
    return byGroup;
  }

  private void review(ProcessInstance pi, String group, String user, String decision, String reason) {
    Task task = reviewTasks(pi).get(group);
    engine.getTaskService().claim(task.getId(), user);
    engine.getTaskService().complete(task.getId(), Map.of("reviewDecision", decision, "decisionReason", reason));
    runJobs(pi);
  }

  private List<Job> overdueTimers(ProcessInstance pi) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Event_DepartmentReviewOverdue").timers().list().stream()
        .sorted(Comparator.comparing(Job::getDuedate)).toList();
  }

  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  private Object taskVariable(Task task, String name) {
    return engine.getTaskService().getVariable(task.getId(), name);
  }

  private List<String> materialLabels(ProcessInstance pi) throws Exception {
    JsonValue options = engine.getRuntimeService().getVariableTyped(pi.getId(), "materialOptions");
    List<String> labels = new ArrayList<>();
    new ObjectMapper().readTree(options.getValueSerialized()).forEach(o -> labels.add(o.path("label").asText()));
    return labels;
  }
}
