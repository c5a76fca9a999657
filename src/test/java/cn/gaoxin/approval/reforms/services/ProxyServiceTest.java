package cn.gaoxin.approval.reforms.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.cases.ApplicantController;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.licences.LicenceRegister;
import cn.gaoxin.approval.licences.LicenceStatus;
import cn.gaoxin.approval.notices.Notice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * 帮代办 / 邮帮办 (proxy-service), every path, with the real 容缺受理 model (incomplete-materials-acceptance) as the
 * ordered item's own process. The clock starts on Thursday 2026-04-30, the day before the Labour Day holiday
 * (1–5 May), so "1 working day" for the door-to-door collection falls due on Wednesday 6 May and the 2-day
 * delivery promise on Thursday 7 May.
 */
class ProxyServiceTest extends ServicesScenarioTest {

  static final String PROXY = "FW-BDB-001";
  static final String FOOD = "SCJG-SPJY-001";
  static final List<String> FOOD_ALL = List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID", "PREMISES_PROOF",
      "LAYOUT_PLAN", "SAFETY_RULES");
  static final String FIRM = "济宁高新区惠民餐饮店";
  static final String ADDRESS = "高新区崇文大道 5 号 3 号楼 201 室";

  @Autowired LicenceRegister licences;
  @Autowired ApplicantController applicantApi;

  @BeforeEach
  void dayBeforeLabourDay() {
    clockAt(LocalDateTime.of(2026, 4, 30, 10, 0));
  }

  ProcessInstance order(String runnerType, String orderedItem, String area) {
    return submit(PROXY, FIRM, CREDIT_CODE, List.of(), map("orderedItemCode", orderedItem, "runnerType", runnerType,
        "deliveryAddress", ADDRESS, "deliveryArea", area, "appointmentNote", "工作日下午均可"));
  }

  void collect(String user, ProcessInstance pi, List<String> materials) {
    completeAs(user, pi, "Task_CollectMaterials", map("collectionResult", "COLLECTED",
        "collectedMaterials", CaseVariables.json(materials), "authorisationSigned", true));
  }

  @Test
  void postCourierCollectsTheCentreHandlesTheItemsOwnProcessAndTheGovernmentPaysTheCourier() {
    ProcessInstance pi = order("POST", FOOD, "ZONE");

    assertThat(pi).hasPassed("Task_PrepareOrder", "Task_NotifyOrderTaken").isWaitingAt("Task_CollectMaterials");
    assertThat(candidateGroups(pi, "Task_CollectMaterials")).containsExactly("post-couriers");
    assertThat(task(pi, "Task_CollectMaterials").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 5, 6)));
    String handlingCase = (String) variable(pi, "handlingCaseNumber");
    assertThat(handlingCase).matches("GX-2026-\\d{6}").isNotEqualTo(pi.getBusinessKey());
    assertThat(variable(pi, "handlingProcess")).isEqualTo("incomplete-materials-acceptance");
    assertThat(variable(pi, "caseStatus")).isEqualTo("ORDER_TAKEN");
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.type()).isEqualTo("PROXY_ORDER_ACCEPTED");
      assertThat(n.body()).contains("食品经营许可 (新办)", "邮政帮办员", "2026年5月6日", ADDRESS);
    });

    collect("courier1", pi, FOOD_ALL);

    // 中心接单: the ordered item's own process runs as a called case with its own case number
    assertThat(pi).isWaitingAt("Activity_HandleOrderedItem");
    ProcessInstance handling = calledCase(pi);
    assertThat(handling.getBusinessKey()).isEqualTo(handlingCase);
    assertThat(engine.getRepositoryService().getProcessDefinition(handling.getProcessDefinitionId()).getKey())
        .isEqualTo("incomplete-materials-acceptance");
    assertThat(engine.getRuntimeService().getVariables(handling.getId())).containsEntry("parentCaseNumber", pi.getBusinessKey())
        .containsEntry("caseNumber", handlingCase).containsEntry("itemCode", FOOD).containsEntry("channel", "PROXY")
        .containsEntry("inPersonVisits", 0).containsEntry("applicantName", FIRM);
    assertThat(CaseVariables.strings(engine.getRuntimeService().getVariable(handling.getId(), "submittedMaterials")))
        .containsExactlyElementsOf(FOOD_ALL);
    assertThat(variable(pi, "caseStatus")).isEqualTo("MATERIALS_COLLECTED");

    completeAs("window1", handling, "Task_VerifyMaterials", Map.of());
    completeAs("market1", handling, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "符合条件"));
    runJobs(handling); // 容缺受理 issues the licence in an async step

    assertThat(handling).isEnded().hasPassed("Task_IssueLicence", "Event_Approved");
    assertThat(pi).hasPassed("Activity_HandleOrderedItem").isWaitingAt("Task_DeliverResult");
    assertThat(candidateGroups(pi, "Task_DeliverResult")).containsExactly("post-couriers");
    assertThat(task(pi, "Task_DeliverResult").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 5, 7)));
    assertThat(variable(pi, "handlingDecisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "decisionStatus")).as("the order carries the handled case's decision").isEqualTo("APPROVED");
    assertThat(variable(pi, "decidedAt")).as("and when it was taken, for the scorecard")
        .isEqualTo(variable(handling, "decidedAt")).isNotNull();
    assertThat(licences.forCase(handlingCase)).singleElement().satisfies(l -> {
      assertThat(l.title()).isEqualTo("食品经营许可证");
      assertThat(l.holderCreditCode()).isEqualTo(CREDIT_CODE);
      assertThat(l.status()).isEqualTo(LicenceStatus.VALID);
      assertThat(l.number()).isEqualTo(variable(pi, "licenceNumber"));
    });
    assertThat(outbox.forCase(handlingCase)).extracting(Notice::type).containsExactly("ACCEPTED", "DECISION_APPROVED");

    completeAs("courier1", pi, "Task_DeliverResult", Map.of("trackingNumber", "1187654321098", "receivedBy", "张三"));

    assertThat(pi).hasPassed("Task_RecordDelivered", "Task_NotifyDelivered", "Task_ComputeCourierFee")
        .isWaitingAt("Task_SettleCourierFee");
    assertThat(variable(pi, "courierFee")).isEqualTo(22.0);
    assertThat(payments.forCase(pi.getBusinessKey())).isEmpty();

    runJobs(pi);

    assertThat(pi).isEnded().hasPassed("Task_SettleCourierFee", "Event_FeeSettled");
    assertThat(payments.forCase(pi.getBusinessKey())).singleElement().satisfies(p -> {
      assertThat(p.amount()).isEqualByComparingTo(new BigDecimal("22"));
      assertThat(p.payer()).isEqualTo("高新区财政局");
      assertThat(p.payeeName()).isEqualTo("中国邮政 (邮帮办服务驿站)");
      assertThat(p.payeeCreditCode()).isNull();
      assertThat(p.purpose()).isEqualTo("邮帮办跑单费用");
      assertThat(p.voucherNumber()).isEqualTo(variable(pi, "courierFeeVoucher"));
    });
    assertThat(variable(pi, "caseStatus")).isEqualTo("DELIVERED");
    assertThat(variable(pi, "inPersonVisits")).isEqualTo(0);
    assertThat(noticeTypes(pi)).containsExactly("PROXY_ORDER_ACCEPTED", "PROXY_MATERIALS_COLLECTED", "PROXY_RESULT_DELIVERED");
    assertThat(notices(pi).get(1).body()).contains(handlingCase);
    assertThat(notices(pi).get(2).body()).contains("1187654321098", "张三", handlingCase);
    assertThat(historyOf(pi)).extracting(HistoricActivityInstance::getAssignee).contains("courier1");
  }

  @Test
  void agentCollectsAndARejectionIsDeliveredAsWell() {
    ProcessInstance pi = order("AGENT", FOOD, "CITY");
    assertThat(candidateGroups(pi, "Task_CollectMaterials")).containsExactly("service-agents");
    assertThat(notices(pi).get(0).body()).contains("帮代办专员");

    collect("agent1", pi, FOOD_ALL);
    ProcessInstance handling = calledCase(pi);
    completeAs("window1", handling, "Task_VerifyMaterials", Map.of());
    completeAs("market1", handling, "Task_ReviewApplication",
        Map.of("reviewDecision", "REJECT", "decisionReason", "经营场所与居住场所未有效隔离"));

    assertThat(handling).isEnded().hasPassed("Event_Rejected");
    assertThat(pi).isWaitingAt("Task_DeliverResult");
    assertThat(variable(pi, "handlingDecisionStatus")).isEqualTo("REJECTED");
    assertThat(variable(pi, "handlingDecisionReason")).isEqualTo("经营场所与居住场所未有效隔离");
    assertThat(value(pi, "licenceNumber")).isNull();

    completeAs("courier1", pi, "Task_DeliverResult", Map.of("trackingNumber", "EA123456789CN", "receivedBy", "李四"));
    runJobs(pi);

    assertThat(pi).isEnded().hasPassed("Event_FeeSettled");
    assertThat(variable(pi, "courierFee")).isEqualTo(12.0);
    assertThat(payments.forCase(pi.getBusinessKey())).singleElement()
        .satisfies(p -> assertThat(p.amount()).isEqualByComparingTo(new BigDecimal("12")));
  }

  @Test
  void handlingCaseNotAcceptedEndsWithoutDeliveryAndAnAgentOrderCostsNothing() {
    ProcessInstance pi = order("AGENT", FOOD, "ZONE");
    collect("agent1", pi, List.of("APPLICATION"));
    ProcessInstance handling = calledCase(pi);
    completeAs("window1", handling, "Task_VerifyMaterials", Map.of());
    assertThat(handling).isWaitingAt("Gateway_WaitResubmission");
    assertThat(outbox.forCase(handling.getBusinessKey())).extracting(Notice::type).containsExactly("ONE_TIME_NOTIFICATION");

    fireTimer(handling, "Event_ResubmissionDeadlinePassed");

    assertThat(handling).isEnded().hasPassed("Event_NotAccepted");
    assertThat(pi).isEnded().hasPassed("Task_NotifyClosedWithoutResult", "Task_ComputeCourierFee", "Event_NoFeeDue")
        .hasNotPassed("Task_DeliverResult", "Task_SettleCourierFee");
    assertThat(variable(pi, "handlingCaseStatus")).isEqualTo("NOT_ACCEPTED");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameIn("decidedAt", "decisionStatus").list()).as("no decision, none recorded").allMatch(v -> v.getValue() == null);
    assertThat(variable(pi, "courierFee")).isEqualTo(0.0);
    assertThat(payments.forCase(pi.getBusinessKey())).isEmpty();
    assertThat(noticeTypes(pi)).containsExactly("PROXY_ORDER_ACCEPTED", "PROXY_MATERIALS_COLLECTED",
        "PROXY_CLOSED_WITHOUT_RESULT");
  }

  @Test
  void postCollectionWithoutAResultIsStillPaidForTheCollection() {
    ProcessInstance pi = order("POST", FOOD, "OUTSIDE");
    collect("courier1", pi, List.of("APPLICATION", "BUSINESS_LICENCE"));
    ProcessInstance handling = calledCase(pi);
    completeAs("window1", handling, "Task_VerifyMaterials", Map.of());
    fireTimer(handling, "Event_ResubmissionDeadlinePassed");

    assertThat(pi).isWaitingAt("Task_SettleCourierFee");
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Task_NotifyClosedWithoutResult", "Event_FeeSettled");
    assertThat(payments.forCase(pi.getBusinessKey())).singleElement()
        .satisfies(p -> assertThat(p.amount()).isEqualByComparingTo(new BigDecimal("12")));
  }

  @Test
  void aCommitmentSignedAtTheDoorIsAcceptedAsTolerantAndTheOrderWaitsForTheWholeHandlingCase() {
    ProcessInstance pi = order("POST", FOOD, "ZONE");
    completeAs("courier1", pi, "Task_CollectMaterials", map("collectionResult", "COLLECTED", "authorisationSigned", true,
        "supplementCommitment", true, "collectedMaterials", CaseVariables.json(List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID"))));
    ProcessInstance handling = calledCase(pi);
    assertThat(engine.getRuntimeService().getVariable(handling.getId(), "supplementCommitment")).isEqualTo(true);
    completeAs("window1", handling, "Task_VerifyMaterials", Map.of());
    assertThat(handling).hasPassed("Task_AcceptOnCommitment");
    completeAs("market1", handling, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "容缺准予"));
    runJobs(handling); // 容缺受理 issues the licence in an async step

    // the licence is issued, but the handling case still waits for the deferred materials: so does the order
    assertThat(licences.forCase(handling.getBusinessKey())).hasSize(1);
    assertThat(handling).isWaitingAt("Gateway_WaitSupplement");
    assertThat(pi).isWaitingAt("Activity_HandleOrderedItem");

    // the courier brings the deferred materials; the window records them on the handling case (by its case number)
    engine.getRuntimeService().createMessageCorrelation("MaterialsSupplemented").processInstanceBusinessKey(handling.getBusinessKey())
        .setVariable("supplementedMaterials", CaseVariables.json(List.of("PREMISES_PROOF", "LAYOUT_PLAN", "SAFETY_RULES")))
        .correlate();
    completeAs("window1", handling, "Task_VerifySupplement", Map.of("supplementResult", "ACCEPT"));

    assertThat(handling).isEnded();
    assertThat(pi).isWaitingAt("Task_DeliverResult");
    assertThat(variable(pi, "handlingDecisionStatus")).isEqualTo("APPROVED");
  }

  @Test
  void anOrderThatCannotBeTakenIsRefusedWithEveryProblemAtOnce() {
    ProcessInstance pi = submit(PROXY, FIRM, CREDIT_CODE, List.of(), map("orderedItemCode", "XX-NONE-001", "runnerType", "BIKE"));

    assertThat(pi).isEnded().hasPassed("Event_OrderNotAccepted", "Task_RecordOrderRefused", "Event_OrderRefused")
        .hasNotPassed("Task_CollectMaterials");
    assertThat((String) variable(pi, "orderRefusalReason")).contains("事项目录中没有编码为 XX-NONE-001 的事项",
        "跑单方式只能是 POST (邮政上门) 或 AGENT (帮代办专员上门)", "请填写上门收件和寄递送达的地址", "请选择送达地址所在区域");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_ACCEPTED");
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.type()).isEqualTo("PROXY_ORDER_REFUSED");
      assertThat(n.body()).contains("XX-NONE-001", "请填写上门收件和寄递送达的地址");
    });
  }

  @Test
  void theProxyServiceItselfCannotBeOrdered() {
    ProcessInstance pi = order("POST", PROXY, "ZONE");
    assertThat(pi).isEnded().hasPassed("Event_OrderRefused");
    assertThat((String) variable(pi, "orderRefusalReason")).isEqualTo("\"帮代办 / 邮帮办上门代办服务\" 本身是帮代办服务, 不能再委托代办");
  }

  @Test
  void theApplicantMayWithdrawTheOrderOnlineUntilTheMaterialsAreCollected() {
    ProcessInstance pi = order("POST", FOOD, "ZONE");
    var withdrawn = applicantApi.withdraw(pi.getBusinessKey(), new ApplicantController.Withdrawal(CREDIT_CODE, "已自行到大厅办理"));

    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pi).isEnded().hasPassed("Event_OrderWithdrawn", "Task_RecordWithdrawn", "Task_NotifyWithdrawn", "Event_Withdrawn")
        .hasNotPassed("Activity_HandleOrderedItem");
    assertThat(task(pi, "Task_CollectMaterials")).isNull();
    assertThat(variable(pi, "caseStatus")).isEqualTo("WITHDRAWN");
    assertThat(noticeTypes(pi)).containsExactly("PROXY_ORDER_ACCEPTED", "WITHDRAWN");

    ProcessInstance collected = order("POST", FOOD, "ZONE");
    collect("courier1", collected, FOOD_ALL);
    var refused = applicantApi.withdraw(collected.getBusinessKey(), new ApplicantController.Withdrawal(CREDIT_CODE, null));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(collected).isWaitingAt("Activity_HandleOrderedItem");
  }

  @Test
  void aCancelledCollectionNeedsItsReasonAndEndsTheOrder() {
    ProcessInstance pi = order("POST", FOOD, "ZONE");
    String taskId = task(pi, "Task_CollectMaterials").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("collectionResult", "CANCELLED")))
        .hasMessageContaining("未能收件或申请人撤单的, 请写明原因");
    assertThat(pi).isWaitingAt("Task_CollectMaterials");

    completeAs("courier1", pi, "Task_CollectMaterials",
        Map.of("collectionResult", "CANCELLED", "collectionNote", "申请人已自行到大厅办理, 申请撤单"));

    assertThat(pi).isEnded().hasPassed("Task_RecordCancelled", "Task_NotifyCancelled", "Event_OrderCancelled")
        .hasNotPassed("Activity_HandleOrderedItem");
    assertThat(calledCase(pi)).isNull();
    assertThat(variable(pi, "caseStatus")).isEqualTo("WITHDRAWN");
    assertThat(notices(pi).get(1).body()).contains("申请人已自行到大厅办理, 申请撤单");
    assertThat(payments.forCase(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void aCollectionIsRecordedOnlyWithTheAuthorisationAndTheItemsOwnMaterials() {
    ProcessInstance pi = order("POST", FOOD, "ZONE");
    String taskId = task(pi, "Task_CollectMaterials").getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("collectionResult", "COLLECTED",
        "collectedMaterials", CaseVariables.json(List.of("APPLICATION", "HOUSE_DEED")))))
        .hasMessageContaining("请确认申请人已签署帮代办授权委托书").hasMessageContaining("以下材料不属于所点事项: HOUSE_DEED");
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("collectionResult", "COLLECTED",
        "authorisationSigned", true)))
        .hasMessageContaining("请勾选已收取的材料");
    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of()))
        .hasMessageContaining("请选择收件结果");
    assertThat(pi).isWaitingAt("Task_CollectMaterials");
    assertThat(calledCase(pi)).isNull();
  }

  @Test
  void aDeliveryIsRecordedOnlyWithTheMailNumberAndWhoSignedForIt() {
    ProcessInstance pi = order("POST", FOOD, "ZONE");
    collect("courier1", pi, FOOD_ALL);
    ProcessInstance handling = calledCase(pi);
    completeAs("window1", handling, "Task_VerifyMaterials", Map.of());
    completeAs("market1", handling, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "同意"));
    runJobs(handling); // 容缺受理 issues the licence in an async step
    String taskId = task(pi, "Task_DeliverResult").getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("trackingNumber", "12-34")))
        .hasMessageContaining("请填写正确的邮件号").hasMessageContaining("请填写签收人");
    assertThat(pi).isWaitingAt("Task_DeliverResult");
  }

  @Test
  void anOverdueCollectionRaisesASupervisionTaskWithoutStoppingTheOrder() {
    ProcessInstance pi = order("POST", FOOD, "ZONE");
    assertThat(timer(pi, "Event_CollectionOverdue").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 5, 6)));

    fireTimer(pi, "Event_CollectionOverdue");

    assertThat(pi).isWaitingAt("Task_CollectMaterials", "Task_SuperviseOverdueCollection");
    assertThat(candidateGroups(pi, "Task_SuperviseOverdueCollection")).containsExactly("supervision");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);
    completeAs("supervisor1", pi, "Task_SuperviseOverdueCollection",
        Map.of("supervisionAction", "URGE", "supervisionOpinion", "请今日上门"));
    collect("courier1", pi, FOOD_ALL);
    assertThat(pi).isWaitingAt("Activity_HandleOrderedItem");
  }

  @Test
  void anOverdueDeliveryRaisesASupervisionTask() {
    ProcessInstance pi = order("POST", FOOD, "CITY");
    collect("courier1", pi, FOOD_ALL);
    ProcessInstance handling = calledCase(pi);
    completeAs("window1", handling, "Task_VerifyMaterials", Map.of());
    completeAs("market1", handling, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "同意"));
    runJobs(handling); // 容缺受理 issues the licence in an async step
    assertThat(timer(pi, "Event_DeliveryOverdue").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 5, 7)));

    fireTimer(pi, "Event_DeliveryOverdue");

    assertThat(pi).isWaitingAt("Task_DeliverResult", "Task_SuperviseOverdueDelivery");
    assertThat(candidateGroups(pi, "Task_SuperviseOverdueDelivery")).containsExactly("supervision");
    completeAs("courier1", pi, "Task_DeliverResult", Map.of("trackingNumber", "1187654321098", "receivedBy", "王五"));
    completeAs("supervisor1", pi, "Task_SuperviseOverdueDelivery",
        Map.of("supervisionAction", "RECORD", "supervisionOpinion", "已送达, 记录在案"));
    runJobs(pi);
    assertThat(pi).isEnded();
    assertThat(payments.forCase(pi.getBusinessKey())).singleElement()
        .satisfies(p -> assertThat(p.amount()).isEqualByComparingTo(new BigDecimal("24")));
  }
}
