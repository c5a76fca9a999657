package cn.gaoxin.approval.reforms.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.licences.Licence;
import cn.gaoxin.approval.licences.LicenceRegister;
import cn.gaoxin.approval.licences.LicenceVerificationController;
import cn.gaoxin.approval.support.ScenarioTest;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 一业一证 / 一码通行 (one-industry-one-licence), every path, and the catalog comparison auditors make: the combined
 * item asks for fewer materials than 企业设立登记 (SCJG-SLDJ-001) and 公共场所卫生许可 (WJ-GGWS-001) together.
 * The clock starts on Thursday 2026-04-02: both reviews are promised within 1 working day (Friday 3 April).
 */
class OneIndustryOneLicenceTest extends ScenarioTest {

  static final String COMBINED = "YYYZ-GGWS-001";
  static final String REGISTRATION = "SCJG-SLDJ-001";
  static final String HYGIENE = "WJ-GGWS-001";
  static final List<String> ALL = List.of("UNIFIED_APPLICATION", "ARTICLES", "INVESTOR_ID", "LEGAL_REP_ID",
      "PREMISES_PROOF", "HYGIENE_RULES", "LAYOUT_PLAN", "STAFF_HEALTH");
  /** Separate-item materials the combined item no longer asks for, and why (see the catalog's comment). */
  static final Set<String> MERGED = Set.of("APPLICATION", "BUSINESS_LICENCE", "ADDRESS_COMMITMENT");

  @Autowired ServiceCatalog catalog;
  @Autowired LicenceRegister licences;
  @Autowired LicenceVerificationController verification;

  @BeforeEach
  void thursdayBeforeQingming() {
    clockAt(LocalDateTime.of(2026, 4, 2, 10, 0));
  }

  ProcessInstance applyFor(List<String> materials) {
    return apply(COMBINED, null, materials, false, Map.of("venueType", "住宿",
        "businessScope", "住宿服务; 餐饮管理", "registeredAddress", "重庆市九龙坡区石桥铺科园四路 12 号"));
  }

  @Test
  void theCombinedItemAsksSharedMaterialsOnceAndFewerThanTheTwoSeparateItems() {
    ServiceItem combined = catalog.require(COMBINED);
    ServiceItem registration = catalog.require(REGISTRATION);
    ServiceItem hygiene = catalog.require(HYGIENE);
    int separately = registration.materials().size() + hygiene.materials().size();

    assertThat(combined.materials()).hasSizeLessThan(separately);
    assertThat(combined.baseline().materials()).as("pre-reform baseline: the two items asked separately").isEqualTo(separately);
    assertThat(combined.baseline().days()).as("licence first, then the permit, each within its legal limit")
        .isEqualTo(registration.limits().legal() + hygiene.limits().legal());
    assertThat(combined.baseline().source()).contains("材料数量压缩 50%", "审批时间压减 98%");
    assertThat(combined.limits().promised()).isLessThan(combined.baseline().days());

    Set<String> combinedCodes = new HashSet<>(combined.materials().stream().map(ServiceItem.Material::code).toList());
    Set<String> separateCodes = new HashSet<>();
    registration.materials().forEach(m -> separateCodes.add(m.code()));
    hygiene.materials().forEach(m -> separateCodes.add(m.code()));
    // the de-duplicated union: every separate material is asked once, except the merged application forms,
    // the business licence (issued in the same case) and the address commitment (superseded by the title papers)
    Set<String> expected = new HashSet<>(separateCodes);
    expected.removeAll(MERGED);
    expected.add("UNIFIED_APPLICATION");
    assertThat(combinedCodes).isEqualTo(expected);
  }

  @Test
  void bothApprovedIssueOneLicenceWhoseQrCodeCarriesBothPermits() throws Exception {
    ProcessInstance pi = applyFor(ALL);
    assertThat(candidateGroups(pi, "Task_VerifyMaterials")).containsExactly("window-clerks");
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());

    assertThat(pi).hasPassed("Task_AcceptApplication").isWaitingAt("Task_ReviewRegistration", "Task_ReviewHygiene");
    assertThat(variable(pi, "materialsAsked")).isEqualTo(8);
    assertThat(candidateGroups(pi, "Task_ReviewRegistration")).containsExactly("market-regulation");
    assertThat(candidateGroups(pi, "Task_ReviewHygiene")).containsExactly("health");
    assertThat(task(pi, "Task_ReviewRegistration").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 3)));
    assertThat(task(pi, "Task_ReviewHygiene").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 3)));

    completeAs("health1", pi, "Task_ReviewHygiene", Map.of("reviewDecision", "APPROVE", "decisionReason", "卫生条件符合要求"));
    assertThat(variable(pi, "reviewDecision")).as("each department's decision stays its own").isNull();
    completeAs("market1", pi, "Task_ReviewRegistration", Map.of("reviewDecision", "APPROVE", "decisionReason", "准予登记"));
    runJobs(pi);

    assertThat(pi).isEnded().hasPassed("Task_IssueOneCodeLicence", "Task_NotifyOneCodeLicence", "Event_OneCodeLicenceIssued")
        .hasNotPassed("Task_IssueBusinessLicenceOnly");
    assertThat(variable(pi, "marketDecision")).isEqualTo("APPROVE");
    assertThat(variable(pi, "hygieneDecision")).isEqualTo("APPROVE");
    assertThat(variable(pi, "caseStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "decidedAt")).as("when the case was decided, for the scorecard").isNotNull();
    Licence licence = licences.forCase(pi.getBusinessKey()).stream().collect(singleLicence());
    assertThat(licence.title()).isEqualTo("营业执照 (一码通行)");
    assertThat(licence.permits()).containsExactly("营业执照 (市场主体登记)", "公共场所卫生许可");
    assertThat(licence.validUntil()).isEqualTo(LocalDate.of(2030, 4, 2));

    // anyone scanning the QR code printed on the licence sees both permits
    byte[] png = verification.qr(licence.number(), signatureOf(variable(pi, "licenceNumberUrl").toString())).getBody();
    String scanned = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
        new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png)))))).getText();
    UriComponents link = UriComponentsBuilder.fromUriString(scanned).build();
    assertThat(link.getPathSegments()).containsExactly("verify", licence.number());
    Map<String, Object> shown = verification.verify(licence.number(), link.getQueryParams().getFirst("sig")).getBody();
    assertThat(shown).containsEntry("result", "VALID").containsEntry("title", "营业执照 (一码通行)")
        .containsEntry("holderCreditCode", CREDIT_CODE);
    assertThat(shown.get("permits")).isEqualTo(List.of("营业执照 (市场主体登记)", "公共场所卫生许可"));
    assertThat(verification.verify(licence.number(), "forged").getBody()).containsEntry("result", "FORGED");

    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "ONE_CODE_LICENCE_ISSUED");
    assertThat(notices(pi).get(1).body()).contains(licence.number(), "同时载有营业执照和公共场所卫生许可信息");
  }

  @Test
  void aRefusedHygienePermitStillGetsTheBusinessLicenceAndTheReason() {
    ProcessInstance pi = applyFor(ALL);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    completeAs("market1", pi, "Task_ReviewRegistration", Map.of("reviewDecision", "APPROVE", "decisionReason", "准予登记"));
    completeAs("health1", pi, "Task_ReviewHygiene",
        Map.of("reviewDecision", "REJECT", "decisionReason", "客房通风和消毒设施不符合卫生规范"));
    runJobs(pi);

    assertThat(pi).isEnded().hasPassed("Task_IssueBusinessLicenceOnly", "Event_LicenceWithoutHygienePermit")
        .hasNotPassed("Task_IssueOneCodeLicence");
    assertThat(variable(pi, "caseStatus")).isEqualTo("PARTIALLY_APPROVED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("PARTIALLY_APPROVED");
    assertThat(variable(pi, "decidedAt")).as("when the case was decided, for the scorecard").isNotNull();
    assertThat(licences.forCase(pi.getBusinessKey())).singleElement().satisfies(l -> {
      assertThat(l.title()).isEqualTo("营业执照");
      assertThat(l.permits()).containsExactly("营业执照 (市场主体登记)");
    });
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "ONE_INDUSTRY_HYGIENE_REFUSED");
    assertThat(notices(pi).get(1).body()).contains("准予设立登记", "公共场所卫生许可不予许可", "客房通风和消毒设施不符合卫生规范");
  }

  @Test
  void aRefusedRegistrationEndsBothWithoutAnyLicence() {
    ProcessInstance pi = applyFor(ALL);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    completeAs("health1", pi, "Task_ReviewHygiene", Map.of("reviewDecision", "APPROVE", "decisionReason", "符合要求"));
    completeAs("market1", pi, "Task_ReviewRegistration",
        Map.of("reviewDecision", "REJECT", "decisionReason", "拟用名称与在先登记的企业名称相同"));
    runJobs(pi);

    assertThat(pi).isEnded().hasPassed("Task_RecordRejected", "Task_NotifyRejected", "Event_Rejected");
    assertThat(variable(pi, "caseStatus")).isEqualTo("REJECTED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("REJECTED");
    assertThat(variable(pi, "decidedAt")).as("when the case was decided, for the scorecard").isNotNull();
    assertThat(licences.forCase(pi.getBusinessKey())).isEmpty();
    assertThat(notices(pi).get(1).body()).contains("设立登记不予核准", "拟用名称与在先登记的企业名称相同", "一并终止");
  }

  @Test
  void missingSharedMaterialsAreNotifiedOnceThenResubmitted() {
    ProcessInstance pi = applyFor(List.of("UNIFIED_APPLICATION", "ARTICLES", "INVESTOR_ID", "LEGAL_REP_ID"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());

    assertThat(pi).hasPassed("Task_SendOneTimeNotification").isWaitingAt("Gateway_WaitResubmission");
    assertThat(notices(pi).get(0).body()).contains("经营场所使用证明 (房屋产权证明或租赁协议): 未提交", "卫生管理制度: 未提交",
        "经营场所平面布局图: 未提交", "从业人员健康合格证明: 未提交").doesNotContain("营业执照: ");

    correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(ALL)));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(pi).isWaitingAt("Task_ReviewRegistration", "Task_ReviewHygiene");
    assertThat(noticeTypes(pi)).containsExactly("ONE_TIME_NOTIFICATION", "ACCEPTED");
  }

  @Test
  void noResubmissionByTheDeadlineClosesTheCase() {
    ProcessInstance pi = applyFor(List.of("UNIFIED_APPLICATION"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    fireTimer(pi, "Event_ResubmissionDeadlinePassed");
    assertThat(pi).isEnded().hasPassed("Task_CloseNotAccepted", "Task_NotifyNotAccepted", "Event_NotAccepted");
    assertThat(noticeTypes(pi)).containsExactly("ONE_TIME_NOTIFICATION", "NOT_ACCEPTED");
  }

  @Test
  void eachOverdueReviewIsSupervisedWithItsOwnDepartment() {
    ProcessInstance pi = applyFor(ALL);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    fireTimer(pi, "Event_HygieneOverdue");
    assertThat(pi).isWaitingAt("Task_ReviewRegistration", "Task_ReviewHygiene", "Task_SuperviseHygieneOverdue");
    assertThat(engine.getTaskService().getVariable(task(pi, "Task_SuperviseHygieneOverdue").getId(), "departmentName"))
        .isEqualTo("卫生健康局");
    fireTimer(pi, "Event_RegistrationOverdue");
    assertThat(engine.getTaskService().getVariable(task(pi, "Task_SuperviseRegistrationOverdue").getId(), "departmentName"))
        .isEqualTo("市场监督管理局");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(2);
    assertThat(candidateGroups(pi, "Task_SuperviseHygieneOverdue")).containsExactly("supervision");

    completeAs("supervisor1", pi, "Task_SuperviseHygieneOverdue", Map.of("supervisionAction", "URGE", "supervisionOpinion", "请今日办结"));
    completeAs("supervisor1", pi, "Task_SuperviseRegistrationOverdue", Map.of("supervisionAction", "RECORD", "supervisionOpinion", "已记录"));
    completeAs("market1", pi, "Task_ReviewRegistration", Map.of("reviewDecision", "APPROVE", "decisionReason", "准予登记"));
    completeAs("health1", pi, "Task_ReviewHygiene", Map.of("reviewDecision", "APPROVE", "decisionReason", "符合要求"));
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Event_OneCodeLicenceIssued");
  }

  @Test
  void aRefusalOrAReturnNeedsItsReasons() {
    ProcessInstance pi = applyFor(ALL);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    String id = task(pi, "Task_ReviewHygiene").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("reviewDecision", "REJECT")))
        .hasMessageContaining("不予许可必须填写理由");
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("reviewDecision", "RETURN", "decisionReason", " ")))
        .hasMessageContaining("退回补正必须一次性写明全部需要补正的内容");
    assertThat(pi).isWaitingAt("Task_ReviewRegistration", "Task_ReviewHygiene");
    assertThat(variable(pi, "hygieneDecision")).isNull();
  }

  @Test
  void aReturnedHygieneReviewWaitsForTheOtherThenOnlyTheReturningDepartmentReviewsTheCorrection() {
    ProcessInstance pi = applyFor(ALL);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    completeAs("health1", pi, "Task_ReviewHygiene", Map.of("reviewDecision", "RETURN",
        "decisionReason", "客房消毒间未在平面布局图中标明; 两名从业人员健康合格证明已过期"));
    runJobs(pi);
    assertThat(pi).as("the registration review goes on").isWaitingAt("Task_ReviewRegistration");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED");

    completeAs("market1", pi, "Task_ReviewRegistration", Map.of("reviewDecision", "APPROVE", "decisionReason", "准予登记"));
    runJobs(pi);

    assertThat(pi).hasPassed("Gateway_JoinReview", "Task_ReturnForCorrection").isWaitingAt("Gateway_WaitResubmission")
        .hasNotPassed("Task_RecordApproved", "Task_IssueOneCodeLicence");
    assertThat(progressOf(pi)).containsEntry("status", "RETURNED").containsEntry("statusText", "已退回补正");
    assertThat(variable(pi, "decidedAt")).as("a return is no decision").isNull();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION");
    assertThat(notices(pi).get(1).body()).contains("经卫生健康局审查, 需要补正", "1. 卫生健康局: 客房消毒间未在平面布局图中标明",
        "两名从业人员健康合格证明已过期", "2026年4月10日").doesNotContain("市场监督管理局");

    var resubmitted = rest().submitMaterials(pi.getBusinessKey(), CREDIT_CODE, ALL);
    assertThat(resubmitted.getStatusCode().value()).isEqualTo(202);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());

    assertThat(pi).as("the registration stays approved; only health reviews again").isWaitingAt("Task_ReviewHygiene");
    assertThat(task(pi, "Task_ReviewRegistration")).isNull();
    completeAs("health1", pi, "Task_ReviewHygiene", Map.of("reviewDecision", "APPROVE", "decisionReason", "补正后符合卫生规范"));
    runJobs(pi);

    assertThat(pi).isEnded().hasPassed("Task_RecordApproved", "Task_IssueOneCodeLicence", "Event_OneCodeLicenceIssued");
    assertThat(progressOf(pi)).containsEntry("status", "APPROVED").containsEntry("finished", true);
    assertThat(licences.forCase(pi.getBusinessKey())).singleElement()
        .satisfies(l -> assertThat(l.permits()).containsExactly("营业执照 (市场主体登记)", "公共场所卫生许可"));
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION", "ACCEPTED", "ONE_CODE_LICENCE_ISSUED");
  }

  @Test
  void bothDepartmentsReturningSendOneNoticeAndNoCorrectionByTheDeadlineClosesTheCase() {
    ProcessInstance pi = applyFor(ALL);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    completeAs("market1", pi, "Task_ReviewRegistration",
        Map.of("reviewDecision", "RETURN", "decisionReason", "章程未载明经营期限"));
    completeAs("health1", pi, "Task_ReviewHygiene",
        Map.of("reviewDecision", "RETURN", "decisionReason", "卫生管理制度缺少公共用品消毒制度"));
    runJobs(pi);

    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION");
    assertThat(notices(pi).get(1).body()).contains("经市场监督管理局、卫生健康局审查", "1. 市场监督管理局: 章程未载明经营期限",
        "2. 卫生健康局: 卫生管理制度缺少公共用品消毒制度");

    fireTimer(pi, "Event_ResubmissionDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Task_CloseNotAccepted", "Event_NotAccepted").hasNotPassed("Task_RecordApproved");
    assertThat(progressOf(pi)).containsEntry("status", "NOT_ACCEPTED").containsEntry("finished", true);
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(variable(pi, "decidedAt")).as("no decision, none recorded").isNull();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION", "NOT_ACCEPTED");
    assertThat(licences.forCase(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void theApplicantWithdrawsWhileOneReviewIsStillOpen() {
    ProcessInstance pi = applyFor(ALL);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    completeAs("market1", pi, "Task_ReviewRegistration", Map.of("reviewDecision", "APPROVE", "decisionReason", "准予登记"));
    runJobs(pi);

    var withdrawn = rest().withdraw(pi.getBusinessKey(), CREDIT_CODE, "选址变更, 另行申请");

    assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
    assertThat(pi).isEnded().hasPassed("Task_RecordWithdrawal", "Task_NotifyWithdrawal", "Event_Withdrawn")
        .hasNotPassed("Task_RecordApproved", "Task_IssueOneCodeLicence");
    assertThat(queueOf(pi, "health")).as("the hygiene review is gone").isEmpty();
    assertThat(progressOf(pi)).containsEntry("status", "WITHDRAWN").containsEntry("finished", true);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "WITHDRAWN");
    assertThat(licences.forCase(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void withdrawalIsRefusedOnceBothReviewsAreDecidedEvenBeforeTheLicenceIsIssued() {
    ProcessInstance pi = applyFor(ALL);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    completeAs("market1", pi, "Task_ReviewRegistration", Map.of("reviewDecision", "APPROVE", "decisionReason", "准予登记"));
    completeAs("health1", pi, "Task_ReviewHygiene", Map.of("reviewDecision", "APPROVE", "decisionReason", "符合要求"));
    // the join runs (async); the decision is recorded before the licence is issued by its own async step
    engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId("Gateway_JoinReview").list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    assertThat(pi).hasPassed("Task_RecordApproved").isWaitingAt("Task_IssueOneCodeLicence");

    var refused = rest().withdraw(pi.getBusinessKey(), CREDIT_CODE, null);

    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody().get("error").toString()).contains("已作出决定 (准予许可)", "不能撤回");
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Event_OneCodeLicenceIssued");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "ONE_CODE_LICENCE_ISSUED");
  }

  // ---------------------------------------------------------------------------------------------------------

  private static java.util.stream.Collector<Licence, ?, Licence> singleLicence() {
    return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
      assertThat(list).as("one licence for the whole case").hasSize(1);
      return list.get(0);
    });
  }

  private static String signatureOf(String verificationUrl) {
    return UriComponentsBuilder.fromUriString(verificationUrl).build().getQueryParams().getFirst("sig");
  }

  private List<String> candidateGroups(ProcessInstance pi, String taskKey) {
    return engine.getTaskService().getIdentityLinksForTask(task(pi, taskKey).getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }
}
