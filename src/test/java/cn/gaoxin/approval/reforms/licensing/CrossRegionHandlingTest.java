package cn.gaoxin.approval.reforms.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.licences.Licence;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 跨区通办 (cross-region-handling) with its partner side (cross-region-partner), round trip in one engine. The
 * clock starts on Tuesday 2026-06-16, just before the Dragon Boat holiday (19–21 June): 劳务派遣经营许可 promises
 * 10 working days (due Wednesday 1 July), the Chengdu registration 2 (due Thursday 18 June).
 */
class CrossRegionHandlingTest extends LicensingScenarioSupport {

  static final String LABOUR_DISPATCH = "KQTB-CY-LWPQ";
  static final String CHENGDU_REGISTRATION = "KQTB-CD-QYDJ";
  static final String NAME = "青岛众合人力资源有限公司";

  @Autowired CrossRegionChannel channel;

  @BeforeEach
  void tuesdayBeforeDragonBoat() {
    clockAt(LocalDateTime.of(2026, 6, 16, 10, 0));
  }

  private ProcessInstance forwarded(String itemCode) {
    ProcessInstance pi = applyAs(NAME, freshCreditCode(), itemCode, allMaterials(itemCode), Map.of());
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    runJobs(pi);
    return pi;
  }

  private ProcessInstance partnerOf(ProcessInstance origin) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("cross-region-partner")
        .variableValueEquals("originCaseNumber", origin.getBusinessKey()).singleResult();
  }

  private String partnerCaseOf(ProcessInstance origin) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("cross-region-partner")
        .variableValueEquals("originCaseNumber", origin.getBusinessKey()).singleResult().getBusinessKey();
  }

  private void partnerDecides(ProcessInstance origin, String user, String decision, String reason) {
    ProcessInstance partner = partnerOf(origin);
    completeAs(user, partner, "Task_DecideCase", Map.of("reviewDecision", decision, "decisionReason", reason));
    runJobs(partner);
    assertThat(partner).isEnded().hasPassed("Task_ReturnResult", "Event_ResultReturned");
  }

  @Test
  void theZoneAcceptsThePartnerDecidesAndTheZoneDelivers() {
    ProcessInstance pi = applyAs(NAME, freshCreditCode(), LABOUR_DISPATCH, allMaterials(LABOUR_DISPATCH), Map.of());
    assertThat(candidateGroups(pi, "Task_VerifyMaterials")).containsExactly("window-clerks");
    assertThat(task(pi, "Task_VerifyMaterials").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 6, 17)));
    assertThat(variable(pi, "departmentName")).isEqualTo("城阳区行政审批服务局");

    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());

    Job forward = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Task_ForwardToPartner").singleResult();
    assertThat(forward).as("forwarding reaches outside: an async, retried step").isNotNull();
    assertThat(partnerOf(pi)).as("nothing forwarded before the job runs").isNull();

    runJobs(pi);

    ProcessInstance partner = partnerOf(pi);
    assertThat(partner).isWaitingAt("Task_DecideCase");
    assertThat(partner.getBusinessKey()).matches("GX-2026-\\d{6}").isNotEqualTo(pi.getBusinessKey());
    assertThat(pi).isWaitingAt("Task_AwaitPartnerResult");
    assertThat(variable(pi, "partnerCaseNumber")).isEqualTo(partner.getBusinessKey());
    assertThat(variable(pi, "caseStatus")).isEqualTo("FORWARDED_TO_PARTNER");
    assertThat(timer(pi, "Event_PartnerResultOverdue").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 7, 1)));
    assertThat(candidateGroups(partner, "Task_DecideCase")).containsExactly("partner-chengyang");
    assertThat(task(partner, "Task_DecideCase").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 7, 1)));
    assertThat(engine.getRuntimeService().getVariable(partner.getId(), "inPersonVisits")).isEqualTo(0);
    assertThat(CaseVariables.strings(engine.getRuntimeService().getVariable(partner.getId(), "submittedMaterials")))
        .containsExactlyElementsOf(allMaterials(LABOUR_DISPATCH));
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "CROSS_REGION_FORWARDED");
    assertThat(notices(pi).get(1).body()).contains("城阳区行政审批服务局", partner.getBusinessKey()).doesNotContain("{");
    assertThat(notices(partner)).as("the partner does not write to the applicant").isEmpty();

    partnerDecides(pi, "chengyang1", "APPROVE", "注册资本和经营场所符合劳务派遣经营条件");

    assertThat(pi).isWaitingAt("Task_DeliverLocally").hasPassed("Task_NotifyReady");
    assertThat(candidateGroups(pi, "Task_DeliverLocally")).containsExactly("window-clerks");
    List<Licence> issued = licences.forCase(partner.getBusinessKey());
    assertThat(issued).singleElement().satisfies(l -> {
      assertThat(l.type()).isEqualTo("LABOUR_DISPATCH");
      assertThat(l.issuedBy()).isEqualTo("城阳区行政审批服务局");
      assertThat(l.holderName()).isEqualTo(NAME);
      assertThat(l.validUntil()).isEqualTo(LocalDate.of(2029, 6, 16));
    });
    assertThat(variable(pi, "licenceNumber")).isEqualTo(issued.get(0).number());
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "decidedAt")).as("the zone's case carries when the partner decided")
        .isNotNull().isEqualTo(variable(partner, "decidedAt"));
    assertThat(variable(pi, "partnerDecidedBy")).isEqualTo("城阳区行政审批服务局");
    assertThat(notices(pi).get(2).body()).contains(issued.get(0).number(), "高新区综合窗口").doesNotContain("{");

    completeAs("window2", pi, "Task_DeliverLocally", Map.of("deliveryMethod", "COUNTER"));

    assertThat(pi).isEnded().hasPassed("Task_CountVisit", "Event_Delivered").hasNotPassed("Task_SuperviseCrossRegion");
    assertThat(variable(pi, "inPersonVisits")).as("只跑一次: collecting the licence is the one visit").isEqualTo(1);
    assertThat(variable(pi, "caseStatus")).isEqualTo("APPROVED");
  }

  @Test
  void aRefusalByThePartnerIsToldWithItsReason() {
    ProcessInstance pi = forwarded(CHENGDU_REGISTRATION);
    assertThat(candidateGroups(partnerOf(pi), "Task_DecideCase")).containsExactly("partner-chengdu-hightech");

    partnerDecides(pi, "chengdu1", "REJECT", "住所为规划用途为住宅的房屋, 不得用作经营场所");

    assertThat(pi).isEnded().hasPassed("Task_NotifyRejected", "Event_Rejected").hasNotPassed("Task_DeliverLocally");
    assertThat(variable(pi, "caseStatus")).isEqualTo("REJECTED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("REJECTED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
    assertThat(licences.forCase(partnerCaseOf(pi))).isEmpty();
    assertThat(notices(pi).get(2).body()).contains("成都高新区市场监督管理局", "不予许可", "住宅");
  }

  @Test
  void aLatePartnerIsSupervisedWhileTheZoneKeepsWaiting() {
    ProcessInstance pi = forwarded(CHENGDU_REGISTRATION);
    assertThat(timer(pi, "Event_PartnerResultOverdue").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 6, 18)));

    fireTimer(pi, "Event_PartnerResultOverdue");

    assertThat(pi).isWaitingAt("Task_AwaitPartnerResult", "Task_SuperviseCrossRegion");
    assertThat(candidateGroups(pi, "Task_SuperviseCrossRegion")).containsExactly("supervision");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);
    completeAs("supervisor1", pi, "Task_SuperviseCrossRegion", Map.of("supervisionAction", "URGE", "supervisionOpinion", "已致函成都高新区催办"));

    partnerDecides(pi, "chengdu1", "APPROVE", "符合登记条件");
    completeAs("window1", pi, "Task_DeliverLocally", Map.of("deliveryMethod", "POST", "postTrackingNumber", "EMS1234567890"));
    assertThat(pi).isEnded().hasPassed("Event_CrossRegionSupervised", "Event_Delivered");
    assertThat(variable(pi, "inPersonVisits")).as("delivered by post: no visit at all").isEqualTo(0);
  }

  @Test
  void deliveryByPostNeedsATrackingNumber() {
    ProcessInstance pi = forwarded("KQTB-CY-GTDJ");
    partnerDecides(pi, "chengyang1", "APPROVE", "符合登记条件");
    String deliverId = task(pi, "Task_DeliverLocally").getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(deliverId, Map.of("deliveryMethod", "POST")))
        .hasMessageContaining("必须填写邮件单号");
    assertThatThrownBy(() -> engine.getTaskService().complete(deliverId, Map.of()))
        .hasMessageContaining("请选择送达方式");
    assertThat(pi).isWaitingAt("Task_DeliverLocally");
  }

  @Test
  void aFailedForwardIsRetriedAndNeverOpensASecondPartnerCase() {
    ProcessInstance pi = applyAs(NAME, freshCreditCode(), "KQTB-CY-DLHY", allMaterials("KQTB-CY-DLHY"), Map.of());
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    engine.getRepositoryService().suspendProcessDefinitionByKey("cross-region-partner");
    Job forward = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    try {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(forward.getId()));
    } finally {
      engine.getRepositoryService().activateProcessDefinitionByKey("cross-region-partner");
    }

    Job failed = engine.getManagementService().createJobQuery().jobId(forward.getId()).singleResult();
    assertThat(failed.getRetries()).as("R5/PT5M: four retries left").isEqualTo(4);
    assertThat(failed.getExceptionMessage()).isNotBlank();
    assertThat(failed.getDuedate()).isAfterOrEqualTo(new Date(Date.from(LocalDateTime.of(2026, 6, 16, 10, 4)
        .atZone(SHANGHAI).toInstant()).getTime()));
    assertThat(partnerOf(pi)).isNull();
    assertThat(pi).hasNotPassed("Task_ForwardToPartner");

    engine.getManagementService().executeJob(forward.getId());

    assertThat(pi).isWaitingAt("Task_AwaitPartnerResult");
    String partnerCase = partnerCaseOf(pi);
    assertThat(channel.forward(new CrossRegionChannel.Request(pi.getBusinessKey(), "高新区", "KQTB-CY-DLHY", NAME, null,
        "王经理", PHONE, List.of(), null))).as("forwarding again reuses the partner case").isEqualTo(partnerCase);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("cross-region-partner")
        .variableValueEquals("originCaseNumber", pi.getBusinessKey()).count()).isEqualTo(1);
  }

  @Test
  void aResultReturnedTwiceIsDeliveredOnce() {
    ProcessInstance pi = forwarded("KQTB-CY-GTDJ");
    partnerDecides(pi, "chengyang1", "APPROVE", "符合登记条件");
    Object licenceNumber = variable(pi, "licenceNumber");

    channel.returnResult(new CrossRegionChannel.Result(pi.getBusinessKey(), partnerCaseOf(pi), "城阳区行政审批服务局",
        "REJECTED", "重复回传", null, null, new Date()));

    assertThat(pi).isWaitingAt("Task_DeliverLocally");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "licenceNumber")).isEqualTo(licenceNumber);
  }

  @Test
  void missingMaterialsAreNotifiedOnceBeforeAnythingIsForwarded() {
    ProcessInstance pi = applyAs(NAME, freshCreditCode(), LABOUR_DISPATCH, List.of("APPLICATION", "BUSINESS_LICENCE"), Map.of());
    completeAs("window1", pi, "Task_VerifyMaterials",
        Map.of("defectiveMaterials", CaseVariables.json(List.of("BUSINESS_LICENCE")), "defectNote", "营业执照复印件不清晰"));

    assertThat(pi).isWaitingAt("Gateway_WaitResubmission").hasNotPassed("Task_ForwardToPartner");
    assertThat(notices(pi).get(0).body()).contains("营业执照: 不符合要求: 营业执照复印件不清晰",
        "注册资本实缴证明 (不少于 200 万元): 未提交", "经营场所使用证明: 未提交", "劳务派遣管理制度: 未提交");

    correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(allMaterials(LABOUR_DISPATCH))));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of("defectiveMaterials", CaseVariables.json(List.of())));
    runJobs(pi);
    assertThat(pi).isWaitingAt("Task_AwaitPartnerResult");
  }

  @Test
  void withoutResubmissionNothingIsForwarded() {
    ProcessInstance pi = applyAs(NAME, freshCreditCode(), LABOUR_DISPATCH, List.of("APPLICATION"), Map.of());
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());

    fireTimer(pi, "Event_ResubmissionDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Event_NotAccepted").hasNotPassed("Task_ForwardToPartner");
    assertThat(partnerOf(pi)).isNull();
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(variable(pi, "decidedAt")).isNull();
  }

  @Test
  void aWithdrawalBeforeForwardingOpensNoPartnerCase() {
    ProcessInstance pi = applyAs(NAME, freshCreditCode(), LABOUR_DISPATCH, allMaterials(LABOUR_DISPATCH), Map.of());
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());

    correlate(pi, "CaseWithdrawn", Map.of("withdrawalReason", "改在城阳区现场办理"));
    runJobs(pi);

    assertThat(pi).isEnded().hasPassed("Task_RecordWithdrawal", "Task_WithdrawAtPartner", "Event_Withdrawn")
        .hasNotPassed("Task_ForwardToPartner");
    assertThat(variable(pi, "partnerWithdrawn")).isEqualTo(false);
    assertThat(partnerOf(pi)).isNull();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("cross-region-partner")
        .variableValueEquals("originCaseNumber", pi.getBusinessKey()).count()).isZero();
  }

  @Test
  void aWithdrawalAfterForwardingClosesThePartnerCase() {
    ProcessInstance pi = forwarded(LABOUR_DISPATCH);
    String partnerCase = partnerCaseOf(pi);

    correlate(pi, "CaseWithdrawn", Map.of("withdrawalReason", "公司决定暂缓开展劳务派遣业务"));
    assertThat(pi).as("closing the partner case reaches outside: an async, retried step").isNotEnded();
    runJobs(pi);

    assertThat(pi).isEnded().hasPassed("Task_WithdrawAtPartner", "Task_NotifyWithdrawal");
    assertThat(variable(pi, "partnerWithdrawn")).isEqualTo(true);
    assertThat(variable(pi, "caseStatus")).isEqualTo("WITHDRAWN");
    var partner = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(partnerCase)
        .singleResult();
    assertThat(partner.getEndTime()).isNotNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(partner.getId())
        .activityId("Event_Withdrawn").count()).isEqualTo(1);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "CROSS_REGION_FORWARDED", "WITHDRAWN");
  }

  @Test
  void aWithdrawalThatOvertakesTheReturnedResultVoidsThePartnersLicence() {
    ProcessInstance pi = forwarded("KQTB-CY-GTDJ");
    ProcessInstance partner = partnerOf(pi);
    completeAs("chengyang1", partner, "Task_DecideCase", Map.of("reviewDecision", "APPROVE", "decisionReason", "符合登记条件"));
    assertThat(licences.forCase(partner.getBusinessKey())).hasSize(1);

    correlate(pi, "CaseWithdrawn", Map.of("withdrawalReason", "经营者另有安排"));
    runJobs(pi);

    assertThat(pi).isEnded().hasPassed("Event_Withdrawn");
    assertThat(partner).isEnded().hasPassed("Task_VoidIssuedLicence").hasNotPassed("Task_ReturnResult");
    assertThat(licences.forCase(partner.getBusinessKey())).singleElement().satisfies(l -> {
      assertThat(l.status()).isEqualTo(cn.gaoxin.approval.licences.LicenceStatus.REVOKED);
      assertThat(l.statusReason()).contains("撤回");
    });
  }

  private long partnerCasesOf(ProcessInstance origin) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("cross-region-partner")
        .variableValueEquals("originCaseNumber", origin.getBusinessKey()).count();
  }

  @Test
  void thePartnersReturnReachesTheApplicantThroughTheZoneAndTheCorrectedCaseIsForwardedAgain() {
    ProcessInstance pi = forwarded(LABOUR_DISPATCH);
    ProcessInstance firstPartner = partnerOf(pi);

    partnerDecides(pi, "chengyang1", "RETURN", "注册资本实缴证明为复印件, 请提交银行出具的验资证明原件; 劳务派遣管理制度缺少派遣员工权益保障内容");

    assertThat(firstPartner).hasPassed("Task_RecordReturned").hasNotPassed("Task_IssuePartnerLicence");
    assertThat(variable(firstPartner, "caseStatus")).isEqualTo("RETURNED");
    assertThat(variable(firstPartner, "decidedAt")).as("the partner decided nothing").isNull();
    assertThat(notices(firstPartner)).as("the partner does not write to the applicant").isEmpty();
    assertThat(pi).hasPassed("Task_ReturnForCorrection").isWaitingAt("Gateway_WaitResubmission")
        .hasNotPassed("Task_NotifyReady", "Task_NotifyRejected");
    assertThat(variable(pi, "partnerResult")).isEqualTo("RETURNED");
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(variable(pi, "decidedAt")).isNull();
    assertThat(variable(pi, "caseStatus")).isEqualTo("RETURNED");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "CROSS_REGION_FORWARDED", "RETURNED_FOR_CORRECTION");
    // resubmission limit 5 working days from Tue 16 June, Dragon Boat 19 June off → 17, 18, 22, 23, 24 June
    assertThat(notices(pi).get(2).body()).contains("经城阳区行政审批服务局审查, 需要补正", "银行出具的验资证明原件",
        "派遣员工权益保障内容", "2026年6月24日").doesNotContain("{");
    assertThat(licences.forCase(firstPartner.getBusinessKey())).isEmpty();

    correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(allMaterials(LABOUR_DISPATCH))));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    runJobs(pi);

    ProcessInstance secondPartner = partnerOf(pi);
    assertThat(secondPartner).as("the corrected case is a new partner case").isWaitingAt("Task_DecideCase");
    assertThat(secondPartner.getBusinessKey()).isNotEqualTo(firstPartner.getBusinessKey());
    assertThat(variable(pi, "partnerCaseNumber")).isEqualTo(secondPartner.getBusinessKey());
    assertThat(pi).isWaitingAt("Task_AwaitPartnerResult");
    assertThat(partnerCasesOf(pi)).isEqualTo(2);

    partnerDecides(pi, "chengyang1", "APPROVE", "补正后符合劳务派遣经营条件");

    assertThat(pi).isWaitingAt("Task_DeliverLocally").hasPassed("Task_NotifyReady");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "decidedAt")).isNotNull().isEqualTo(variable(secondPartner, "decidedAt"));
    assertThat(licences.forCase(secondPartner.getBusinessKey())).hasSize(1);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "CROSS_REGION_FORWARDED", "RETURNED_FOR_CORRECTION",
        "ACCEPTED", "CROSS_REGION_FORWARDED", "CROSS_REGION_READY");
  }

  @Test
  void aReturnNotCorrectedInTimeEndsAsNotAcceptedAtTheZone() {
    ProcessInstance pi = forwarded("KQTB-CY-GTDJ");
    partnerDecides(pi, "chengyang1", "RETURN", "补充经营场所照片");

    fireTimer(pi, "Event_ResubmissionDeadlinePassed");

    assertThat(pi).isEnded().hasPassed("Task_CloseNotAccepted", "Event_NotAccepted").hasNotPassed("Task_DeliverLocally");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_ACCEPTED");
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(variable(pi, "decidedAt")).isNull();
    assertThat(partnerCasesOf(pi)).as("nothing forwarded again").isEqualTo(1);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "CROSS_REGION_FORWARDED", "RETURNED_FOR_CORRECTION", "NOT_ACCEPTED");
  }
}
