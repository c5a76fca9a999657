package cn.gaoxin.approval.reforms.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.cases.ApplicationRejectedException;
import cn.gaoxin.approval.cases.ApplicationRequest;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.licences.Licence;
import cn.gaoxin.approval.licences.LicenceRegister;
import cn.gaoxin.approval.support.ScenarioTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 企业开办 (enterprise-establishment), every path. The clock starts on Thursday 2026-04-02, before the Qingming
 * holiday: registration promised in 1 working day is due Friday 3 April; the resubmission limit of 5 working
 * days ends Friday 10 April.
 */
class EnterpriseEstablishmentTest extends ScenarioTest {

  static final String ITEM = "SCJG-SLDJ-001";
  static final String KEY = "enterprise-establishment";
  static final List<String> WITH_COMMITMENT = List.of("APPLICATION", "ARTICLES", "INVESTOR_ID", "LEGAL_REP_ID",
      "ADDRESS_COMMITMENT");
  static final List<String> WITH_TITLE_PROOF = List.of("APPLICATION", "ARTICLES", "INVESTOR_ID", "LEGAL_REP_ID",
      "PREMISES_PROOF");
  static final String SOCIAL_INSURANCE_CLERK = "hrss1";

  @Autowired LicenceRegister licences;
  @Autowired FreeSealProgramme seals;
  @Autowired DataSource dataSource;

  @BeforeEach
  void thursdayBeforeQingming() {
    clockAt(LocalDateTime.of(2026, 4, 2, 10, 0));
  }

  static Map<String, Object> details(String scope, String addressType, String industry, boolean commitment) {
    Map<String, Object> d = new HashMap<>();
    d.put("businessScope", scope);
    d.put("registeredAddress", "重庆市九龙坡区科城路 60 号 2 幢 5-1");
    d.put("addressType", addressType);
    d.put("industry", industry);
    d.put("withinZone", true);
    d.put("addressCommitment", commitment);
    return d;
  }

  ProcessInstance applyDomestic(List<String> materials, Map<String, Object> details) {
    return apply(ITEM, KEY, materials, false, details);
  }

  Map<String, Object> software(String delivery) {
    Map<String, Object> d = details("软件开发; 信息技术咨询服务", "COMMERCIAL", "GENERAL", true);
    d.put("deliveryMethod", delivery);
    return d;
  }

  @Test
  void domesticFirmIsRegisteredWithinOneWorkingDayThenGetsLicenceSealsTaxAndInsuranceAndCollectsOnce() {
    int freeBefore = seals.grantedIn(2026);
    ProcessInstance pi = applyDomestic(WITH_COMMITMENT, software("COUNTER"));

    assertThat(pi).hasPassed("Task_CheckApplication", "Task_PlanDelivery", "Task_ScreenBusinessScope")
        .isWaitingAt("Task_VerifyMaterials");
    assertThat(variable(pi, "scopeDecision")).isEqualTo("APPROVE");
    assertThat(variable(pi, "scopeScreening")).as("the decision result stays inside its task").isNull();
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of("addressListed", false));

    assertThat(pi).hasPassed("Task_DeclareAddress", "Task_CheckMaterials", "Task_AcceptApplication")
        .isWaitingAt("Task_RegisterEnterprise");
    assertThat(variable(pi, "addressProofRequired")).isEqualTo(false);
    assertThat(variable(pi, "multiSiteAllowed")).isEqualTo(true);
    assertThat(variable(pi, "sharedAddressAllowed")).isEqualTo(true);
    assertThat(CaseVariables.strings(variable(pi, "exemptedMaterials"))).containsExactly("PREMISES_PROOF");
    assertThat(variable(pi, "materialsStatus")).isEqualTo("COMPLETE");
    assertThat(task(pi, "Task_RegisterEnterprise").getDueDate()).as("1 working day").isEqualTo(endOfDay(LocalDate.of(2026, 4, 3)));
    assertThat(candidateGroups(pi, "Task_RegisterEnterprise")).containsExactly("market-regulation");

    completeAs("market1", pi, "Task_RegisterEnterprise", Map.of("reviewDecision", "APPROVE", "decisionReason", "材料齐全, 准予登记"));

    assertThat(pi).isWaitingAt("Task_IssueBusinessLicence", "Task_EngraveSeals", "Task_RegisterTax",
        "Task_RegisterSocialInsurance");
    assertThat(candidateGroups(pi, "Task_EngraveSeals")).containsExactly("window-clerks");
    assertThat(candidateGroups(pi, "Task_RegisterTax")).containsExactly("tax");
    assertThat(candidateGroups(pi, "Task_RegisterSocialInsurance")).containsExactly("social-insurance");
    assertThat(task(pi, "Task_RegisterTax").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 3)));
    assertThat(variable(pi, "sealFree")).isEqualTo(true);
    assertThat(variable(pi, "sealFee")).isEqualTo("300");
    assertThat(seals.grantedIn(2026)).isEqualTo(freeBefore + 1);

    completeOpening(pi);

    assertThat(pi).hasPassed("Gateway_JoinOpening", "Task_NotifyEstablished").isWaitingAt("Task_HandOverAtCounter");
    assertThat(licences.forCase(pi.getBusinessKey())).singleElement().satisfies(l -> {
      assertThat(l.title()).isEqualTo("营业执照");
      assertThat(l.type()).isEqualTo("BUSINESS_LICENCE");
      assertThat(l.validUntil()).as("营业执照长期有效").isNull();
      assertThat(l.issuedBy()).isEqualTo("市场监督管理局");
      assertThat(l.holderCreditCode()).isEqualTo(CREDIT_CODE);
    });
    completeAs("window1", pi, "Task_HandOverAtCounter", Map.of("recipientName", "张三", "identityChecked", true));

    assertThat(pi).isEnded().hasPassed("Task_RecordPickupVisit", "Event_Established");
    assertThat(variable(pi, "inPersonVisits")).as("只跑一次: applied online, came once to collect").isEqualTo(1);
    assertThat(variable(pi, "caseStatus")).isEqualTo("DELIVERED");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "ENTERPRISE_ESTABLISHED");
    assertThat(notices(pi).get(0).body()).contains("承诺办结时限为 1 个工作日");
    assertThat(notices(pi).get(1).body()).contains(licenceNumber(pi), "免费刻制一套印章", "5001070012345",
        "小规模纳税人", "50010712345678", "经营范围不涉及环境风险", "综合窗口一次领取");
  }

  @Test
  void foreignInvestedFirmIsHandledEntirelyByPhone() {
    Map<String, Object> d = details("技术进出口; 软件开发", "INCUBATOR", "GENERAL", true);
    d.put("foreignInvested", true);
    ProcessInstance pi = applyDomestic(WITH_COMMITMENT, d);
    assertThat(variable(pi, "deliveryMethod")).isEqualTo("ELECTRONIC");
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    completeAs("market1", pi, "Task_RegisterEnterprise", Map.of("reviewDecision", "APPROVE", "decisionReason", "准予登记"));
    completeOpening(pi);

    assertThat(pi).isEnded().hasPassed("Task_NotifyEstablished", "Event_Established")
        .hasNotPassed("Task_HandOverAtCounter", "Task_DeliverByPost", "Task_RecordPickupVisit");
    assertThat(variable(pi, "inPersonVisits")).as("掌上办: no visit at all").isEqualTo(0);
    assertThat(notices(pi).get(1).body()).contains("电子证照已推送至您的手机端");
  }

  @Test
  void foreignInvestedFirmIsNotAskedToComeToTheCounter() {
    Map<String, Object> d = software("COUNTER");
    d.put("foreignInvested", true);
    assertThatThrownBy(() -> applyDomestic(WITH_COMMITMENT, d)).isInstanceOf(ApplicationRejectedException.class)
        .hasMessageContaining("掌上办");
  }

  @Test
  void counterSubmissionGetsLicenceAndSealsByPost() {
    Map<String, Object> form = new HashMap<>(software("POST"));
    form.put("postalAddress", "重庆市九龙坡区科城路 60 号");
    form.put("itemCode", ITEM);
    form.put("applicantName", "重庆云栈科技有限公司");
    form.put("creditCode", CREDIT_CODE);
    form.put("contactName", "王五");
    form.put("contactPhone", PHONE);
    form.put(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(WITH_COMMITMENT));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(KEY, form);
    assertThat(variable(pi, "inPersonVisits")).isEqualTo(1);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    completeAs("market1", pi, "Task_RegisterEnterprise", Map.of("reviewDecision", "APPROVE", "decisionReason", "准予登记"));
    completeOpening(pi);
    completeAs("courier1", pi, "Task_DeliverByPost", Map.of("waybillNumber", "1187654321098"));

    assertThat(pi).isEnded().hasPassed("Task_DeliverByPost").hasNotPassed("Task_HandOverAtCounter");
    assertThat(variable(pi, "inPersonVisits")).as("只跑一次").isEqualTo(1);
  }

  @Test
  void refusedBusinessScopeEndsTheCaseWithAClearRefusal() {
    ProcessInstance pi = applyEndingAtOnce(WITH_COMMITMENT, details("钢铁冶炼; 钢材销售", "INDUSTRIAL", "MANUFACTURING", true));

    assertThat(pi).isEnded().hasPassed("Task_RecordScopeRefused", "Task_NotifyScopeRefused", "Event_ScopeRefused")
        .hasNotPassed("Task_VerifyMaterials", "Task_RegisterEnterprise");
    assertThat(variable(pi, "caseStatus")).isEqualTo("SCOPE_REFUSED");
    assertThat(noticeTypes(pi)).containsExactly("SCOPE_REFUSED");
    assertThat(notices(pi).get(0).body()).contains("不予核准", "钢铁冶炼属于易造成环境污染的经营范围");
    assertThat(licences.forCase(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void licensedActivitiesAreRegisteredWithThePermitToObtainLater() {
    ProcessInstance pi = applyDomestic(WITH_COMMITMENT, details("餐饮服务; 食品销售", "COMMERCIAL", "CATERING", true));
    assertThat(pi).isWaitingAt("Task_VerifyMaterials");
    assertThat(variable(pi, "scopeDecision")).isEqualTo("LATER_PERMIT");
    assertThat(variable(pi, "laterPermit")).isEqualTo("食品经营许可证 (市场监督管理部门)");
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(pi).isWaitingAt("Task_RegisterEnterprise");
    assertThat(variable(pi, "multiSiteAllowed")).as("每个餐饮经营场所须分别取得许可").isEqualTo(false);
  }

  @Test
  void anAddressOnTheNegativeListNeedsTitleOrLeaseProofThenProceeds() {
    ProcessInstance pi = applyDomestic(WITH_COMMITMENT, software("COUNTER"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of("addressListed", true));

    assertThat(variable(pi, "addressProofRequired")).isEqualTo(true);
    assertThat(variable(pi, "addressReason").toString()).contains("负面清单地址库");
    assertThat(pi).hasPassed("Task_SendOneTimeNotification").isWaitingAt("Gateway_WaitResubmission");
    assertThat(notices(pi).get(0).body()).contains("住所使用证明 (房屋产权证明或租赁协议): 未提交")
        .doesNotContain("申报承诺书");

    correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(WITH_TITLE_PROOF)));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(pi).isWaitingAt("Task_RegisterEnterprise");
    assertThat(CaseVariables.strings(variable(pi, "exemptedMaterials"))).containsExactly("ADDRESS_COMMITMENT");
    assertThat(noticeTypes(pi)).containsExactly("ONE_TIME_NOTIFICATION", "ACCEPTED");
  }

  @Test
  void withoutTheCommitmentTheUsualTitlePapersAreAsked() {
    ProcessInstance pi = applyDomestic(WITH_TITLE_PROOF, details("软件开发", "RESIDENTIAL", "GENERAL", false));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(pi).isWaitingAt("Task_RegisterEnterprise");
    assertThat(variable(pi, "addressProofRequired")).isEqualTo(false);
    assertThat(variable(pi, "sharedAddressAllowed")).as("住宅不得一址多照").isEqualTo(false);
  }

  @Test
  void noResubmissionByTheDeadlineClosesTheCase() {
    ProcessInstance pi = applyDomestic(List.of("APPLICATION"), software("COUNTER"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(variable(pi, "resubmissionDueDate")).isEqualTo(endOfDay(LocalDate.of(2026, 4, 10)));
    fireTimer(pi, "Event_ResubmissionDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Task_CloseNotAccepted", "Event_NotAccepted");
    assertThat(noticeTypes(pi)).containsExactly("ONE_TIME_NOTIFICATION", "NOT_ACCEPTED");
  }

  @Test
  void refusedRegistrationIsNotifiedWithItsReason() {
    ProcessInstance pi = applyDomestic(WITH_COMMITMENT, software("COUNTER"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    String id = task(pi, "Task_RegisterEnterprise").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("reviewDecision", "REJECT")))
        .hasMessageContaining("不予许可必须填写理由");
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("reviewDecision", "RETURN")))
        .hasMessageContaining("退回补正必须一次性写明全部需要补正的内容");
    completeAs("market1", pi, "Task_RegisterEnterprise",
        Map.of("reviewDecision", "REJECT", "decisionReason", "企业名称与已登记企业名称近似"));

    assertThat(pi).isEnded().hasPassed("Task_NotifyRejection", "Event_Rejected").hasNotPassed("SubProcess_OpeningServices");
    assertThat(notices(pi).get(1).body()).contains("不予许可", "企业名称与已登记企业名称近似");
    assertThat(licences.forCase(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void registrationReturnedForCorrectionIsCorrectedOnlineRecheckedAndApproved() {
    ProcessInstance pi = applyDomestic(WITH_COMMITMENT, software("COUNTER"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    completeAs("market1", pi, "Task_RegisterEnterprise", Map.of("reviewDecision", "RETURN", "decisionReason",
        "1. 公司章程第十二条出资期限与股东决定不一致; 2. 法定代表人身份证明已过有效期"));

    assertThat(pi).hasPassed("Task_RecordDecision", "Task_ReturnForCorrection").isWaitingAt("Gateway_WaitResubmission")
        .hasNotPassed("SubProcess_OpeningServices");
    assertThat(task(pi, "Task_RegisterEnterprise")).isNull();
    assertThat(progressOf(pi)).containsEntry("status", "RETURNED").containsEntry("statusText", "已退回补正")
        .containsEntry("finished", false);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION");
    // one notice: the department, every reason, and the new deadline (5 working days: Fri 10 April after Qingming)
    assertThat(notices(pi).get(1).body()).contains("经市场监督管理局审查, 需要补正", "出资期限与股东决定不一致",
        "法定代表人身份证明已过有效期", "2026年4月10日");

    var resubmitted = rest().submitMaterials(pi.getBusinessKey(), CREDIT_CODE, WITH_COMMITMENT);
    assertThat(resubmitted.getStatusCode().value()).isEqualTo(202);
    assertThat(pi).isWaitingAt("Task_VerifyMaterials");
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(pi).isWaitingAt("Task_RegisterEnterprise");
    completeAs("market1", pi, "Task_RegisterEnterprise", Map.of("reviewDecision", "APPROVE", "decisionReason", "补正后准予登记"));

    assertThat(pi).isWaitingAt("Task_IssueBusinessLicence", "Task_EngraveSeals", "Task_RegisterTax",
        "Task_RegisterSocialInsurance");
    assertThat(progressOf(pi)).containsEntry("status", "APPROVED");
    assertThat(variable(pi, "returnCount")).isEqualTo(1);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION", "ACCEPTED");
  }

  @Test
  void returnedRegistrationNotCorrectedInTimeIsNotAccepted() {
    ProcessInstance pi = applyDomestic(WITH_COMMITMENT, software("COUNTER"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    completeAs("market1", pi, "Task_RegisterEnterprise",
        Map.of("reviewDecision", "RETURN", "decisionReason", "全体股东未在章程上签字"));
    assertThat(timer(pi, "Event_ResubmissionDeadlinePassed").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 10)));

    fireTimer(pi, "Event_ResubmissionDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Task_CloseNotAccepted", "Task_NotifyNotAccepted", "Event_NotAccepted")
        .hasNotPassed("SubProcess_OpeningServices");
    assertThat(progressOf(pi)).containsEntry("status", "NOT_ACCEPTED").containsEntry("finished", true);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION", "NOT_ACCEPTED");
    assertThat(licences.forCase(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void theApplicantWithdrawsBeforeTheRegistrationDecision() {
    ProcessInstance pi = applyDomestic(WITH_COMMITMENT, software("COUNTER"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(queueOf(pi, "market-regulation")).hasSize(1);

    var withdrawn = rest().withdraw(pi.getBusinessKey(), CREDIT_CODE, "股东决定暂缓设立公司");

    assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
    assertThat(withdrawn.getBody()).containsEntry("status", "WITHDRAWN");
    assertThat(pi).isEnded().hasPassed("Task_RecordWithdrawal", "Task_NotifyWithdrawal", "Event_Withdrawn")
        .hasNotPassed("Task_RecordDecision");
    assertThat(progressOf(pi)).containsEntry("status", "WITHDRAWN").containsEntry("statusText", "已撤回")
        .containsEntry("finished", true);
    assertThat(queueOf(pi, "market-regulation")).as("the review is gone from the queue").isEmpty();
    assertThat(variable(pi, "withdrawalReason")).isEqualTo("股东决定暂缓设立公司");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "WITHDRAWN");
    assertThat(notices(pi).get(1).body()).contains("您已撤回", "未作出任何决定");
    assertThat(licences.forCase(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void withdrawalIsRefusedOnceTheRegistrationIsDecided() {
    ProcessInstance pi = applyDomestic(WITH_COMMITMENT, software("COUNTER"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    completeAs("market1", pi, "Task_RegisterEnterprise", Map.of("reviewDecision", "APPROVE", "decisionReason", "准予登记"));

    var refused = rest().withdraw(pi.getBusinessKey(), CREDIT_CODE, "不想开了");

    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody().get("error").toString()).contains("已作出决定", "准予许可", "不能撤回");
    assertThat(pi).isWaitingAt("Task_IssueBusinessLicence", "Task_EngraveSeals", "Task_RegisterTax",
        "Task_RegisterSocialInsurance");
    assertThat(progressOf(pi)).containsEntry("status", "APPROVED");
    assertThat(noticeTypes(pi)).doesNotContain("WITHDRAWN");
  }

  @Test
  void overdueRegistrationAndOverdueOpeningServicesAreSupervised() {
    ProcessInstance pi = applyDomestic(WITH_COMMITMENT, software("COUNTER"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(timer(pi, "Event_RegistrationOverdue").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 3)));
    fireTimer(pi, "Event_RegistrationOverdue");
    assertThat(pi).isWaitingAt("Task_RegisterEnterprise", "Task_SuperviseRegistrationOverdue");
    completeAs("supervisor1", pi, "Task_SuperviseRegistrationOverdue",
        Map.of("supervisionAction", "URGE", "supervisionOpinion", "登记已超一个工作日, 请立即办结"));
    completeAs("market1", pi, "Task_RegisterEnterprise", Map.of("reviewDecision", "APPROVE", "decisionReason", "准予登记"));

    // registered just after midnight on Saturday 4 April (the supervision timer moved the clock): the opening
    // services' one working day ends on Tuesday 7 April, after the Qingming holiday
    assertThat(timer(pi, "Event_OpeningOverdue").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 7)));
    fireTimer(pi, "Event_OpeningOverdue");
    assertThat(pi).isWaitingAt("Task_SuperviseOpeningOverdue", "Task_RegisterTax");
    assertThat(candidateGroups(pi, "Task_SuperviseOpeningOverdue")).containsExactly("supervision");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(2);
    completeOpening(pi);
    assertThat(pi).isWaitingAt("Task_SuperviseOpeningOverdue", "Task_HandOverAtCounter");
  }

  @Test
  void theFreeSealQuotaIsNeverOverdrawn() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    seals.grant("GX-2026-QUOTA-PROBE", CREDIT_CODE, 2026, 3000, java.math.BigDecimal.valueOf(300),
        java.time.Instant.now());
    int granted = jdbc.queryForObject("select granted from app_free_seal_quota where quota_year = 2026", Integer.class);
    jdbc.update("update app_free_seal_quota set granted = quota where quota_year = 2026");
    try {
      ProcessInstance pi = applyDomestic(WITH_COMMITMENT, software("COUNTER"));
      completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
      completeAs("market1", pi, "Task_RegisterEnterprise", Map.of("reviewDecision", "APPROVE", "decisionReason", "准予登记"));

      assertThat(variable(pi, "sealFree")).isEqualTo(false);
      assertThat(variable(pi, "sealNote").toString()).contains("3000 套", "已发放完毕", "300 元由企业自理");
      assertThat(seals.grantedIn(2026)).isEqualTo(3000);
    } finally {
      jdbc.update("update app_free_seal_quota set granted = ? where quota_year = 2026", granted);
    }
  }

  @Test
  void incompleteApplicationsAndStepsAreRefusedWithAClearMessage() {
    Map<String, Object> d = software("COUNTER");
    d.remove("businessScope");
    d.remove("withinZone");
    assertThatThrownBy(() -> applyDomestic(WITH_COMMITMENT, d)).isInstanceOf(ApplicationRejectedException.class)
        .hasMessageContaining("请填写经营范围").hasMessageContaining("直管区");

    ProcessInstance pi = applyDomestic(WITH_COMMITMENT, software("COUNTER"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    completeAs("market1", pi, "Task_RegisterEnterprise", Map.of("reviewDecision", "APPROVE", "decisionReason", "准予登记"));
    assertThatThrownBy(() -> engine.getTaskService().complete(task(pi, "Task_RegisterTax").getId(), Map.of()))
        .hasMessageContaining("纳税人类型");
    assertThatThrownBy(() -> engine.getTaskService().complete(task(pi, "Task_RegisterSocialInsurance").getId(),
        Map.of("socialInsuranceNumber", "12"))).hasMessageContaining("单位社保登记编号");
    assertThatThrownBy(() -> engine.getTaskService().complete(task(pi, "Task_EngraveSeals").getId(),
        Map.of("sealRecordNumber", "5001070012345"))).hasMessageContaining("电子印章");
    assertThat(pi).isWaitingAt("Task_RegisterTax", "Task_RegisterSocialInsurance", "Task_EngraveSeals");
  }

  // ---------------------------------------------------------------------------------------------------------

  private void completeOpening(ProcessInstance pi) {
    runJobs(pi);
    completeAs("window1", pi, "Task_EngraveSeals", Map.of("sealRecordNumber", "5001070012345", "electronicSealIssued", true));
    completeAs("tax1", pi, "Task_RegisterTax", Map.of("taxpayerType", "小规模纳税人"));
    completeAs(SOCIAL_INSURANCE_CLERK, pi, "Task_RegisterSocialInsurance", Map.of("socialInsuranceNumber", "50010712345678"));
    runJobs(pi);
  }

  /** Applies for a case that ends while it starts (nothing left to wait for), seen through its history. */
  private ProcessInstance applyEndingAtOnce(List<String> materials, Map<String, Object> details) {
    var started = applications.submit(new ApplicationRequest(ITEM, KEY,
        new ApplicationRequest.Applicant("重庆渝钢实业有限公司", CREDIT_CODE, "赵六", PHONE), materials, false, details));
    HistoricProcessInstance history = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(started.processInstanceId()).singleResult();
    return new EndedCase(history);
  }

  private record EndedCase(HistoricProcessInstance history) implements ProcessInstance {
    public String getId() { return history.getId(); }
    public String getProcessInstanceId() { return history.getId(); }
    public String getRootProcessInstanceId() { return history.getRootProcessInstanceId(); }
    public String getProcessDefinitionId() { return history.getProcessDefinitionId(); }
    public String getProcessDefinitionKey() { return history.getProcessDefinitionKey(); }
    public String getBusinessKey() { return history.getBusinessKey(); }
    public String getCaseInstanceId() { return history.getCaseInstanceId(); }
    public String getTenantId() { return history.getTenantId(); }
    public boolean isSuspended() { return false; }
    public boolean isEnded() { return history.getEndTime() != null; }
  }

  private String licenceNumber(ProcessInstance pi) {
    return licences.forCase(pi.getBusinessKey()).stream().map(Licence::number).findFirst().orElseThrow();
  }

  private List<String> candidateGroups(ProcessInstance pi, String taskKey) {
    return engine.getTaskService().getIdentityLinksForTask(task(pi, taskKey).getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }
}
