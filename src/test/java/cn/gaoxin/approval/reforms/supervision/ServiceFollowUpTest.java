package cn.gaoxin.approval.reforms.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.followup.FollowUpRegistry;
import cn.gaoxin.approval.followup.FollowUpStarter;
import cn.gaoxin.approval.followup.FollowUpSweep;
import cn.gaoxin.approval.reforms.supervision.ledger.RectificationLedger;
import cn.gaoxin.approval.support.ScenarioTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 好差评 / 企业回访 (service-follow-up): started by any finished case of any reform after its transaction commits,
 * and every path of the follow-up itself. The clock starts on Monday 2026-06-15, the week of the Dragon Boat
 * holiday (19–21 June): first contact within 3 working days (Thu 18 June), bad-review rectification 15 working days
 * (Tue 7 July), second contact 3 working days, reform-office review 2 working days.
 */
class ServiceFollowUpTest extends ScenarioTest {

  static final String FOOD = "SCJG-SPJY-001";
  static final List<String> ALL = List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID", "PREMISES_PROOF",
      "LAYOUT_PLAN", "SAFETY_RULES");

  @Autowired FollowUpRegistry registry;
  @Autowired FollowUpSweep sweep;
  @Autowired FollowUpStarter starter;
  @Autowired RectificationLedger ledger;
  @Autowired SupervisionReportsController reports;

  @BeforeEach
  void mondayBeforeDragonBoat() {
    clockAt(LocalDateTime.of(2026, 6, 15, 10, 0));
  }

  /** A 容缺受理 case decided by market regulation (approved or rejected): it ends, and its follow-up starts. */
  ProcessInstance finishedFoodCase(String decision) {
    ProcessInstance pi = apply(FOOD, ALL, false);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    completeAs("market1", pi, "Task_ReviewApplication", Map.of("reviewDecision", decision, "decisionReason",
        "APPROVE".equals(decision) ? "符合条件" : "经营场所不符合要求"));
    runJobs(pi); // 容缺受理 issues the licence in an async step
    assertThat(pi).isEnded();
    return pi;
  }

  ProcessInstance followUpOf(ProcessInstance original) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("service-follow-up")
        .variableValueEquals("originalCaseNumber", original.getBusinessKey()).singleResult();
  }

  Map<String, Object> evaluation(String evaluation, String comment) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("contactMethod", "PHONE");
    vars.put("evaluation", evaluation);
    if (comment != null) {
      vars.put("evaluationComment", comment);
    }
    return vars;
  }

  @Test
  void aFinishedIncompleteMaterialsCaseStartsItsFollowUp() {
    ProcessInstance original = finishedFoodCase("APPROVE");

    ProcessInstance followUp = followUpOf(original);
    assertThat(followUp).isNotNull();
    assertThat(followUp).isWaitingAt("Task_ContactEnterprise");
    assertThat(followUp.getBusinessKey()).matches("GX-2026-\\d{6}").isNotEqualTo(original.getBusinessKey());
    assertThat(variable(followUp, "originalCaseNumber")).isEqualTo(original.getBusinessKey());
    assertThat(variable(followUp, "originalProcessKey")).isEqualTo("incomplete-materials-acceptance");
    assertThat(variable(followUp, "originalReformName")).isEqualTo("容缺受理");
    assertThat(variable(followUp, "originalItemName")).isEqualTo("食品经营许可 (新办)");
    assertThat(variable(followUp, "originalDepartment")).isEqualTo("market-regulation");
    assertThat(variable(followUp, "originalCaseStatusText")).isEqualTo("准予许可");
    assertThat(variable(followUp, "applicantName")).isEqualTo("湘潭三益智宅家居有限公司");
    assertThat(variable(followUp, "contactPhone")).isEqualTo(PHONE);
    assertThat(variable(followUp, "itemCode")).isEqualTo("YSHJ-HCP-001");
    assertThat(variable(followUp, "inPersonVisits")).isEqualTo(0);
    assertThat(candidateGroups(followUp, "Task_ContactEnterprise")).containsExactly("service-agents");
    assertThat(task(followUp, "Task_ContactEnterprise").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 6, 18)));
    assertThat(registry.forOriginal(original.getId())).get().satisfies(f -> {
      assertThat(f.followUpCaseNumber()).isEqualTo(followUp.getBusinessKey());
      assertThat(f.followUpProcessInstanceId()).isEqualTo(followUp.getId());
      assertThat(f.status()).isEqualTo(FollowUpRegistry.Status.STARTED);
    });

    assertThatThrownBy(() -> completeAs("agent1", followUp, "Task_ContactEnterprise", Map.of("contactMethod", "PHONE")))
        .hasMessageContaining("请选择企业的评价");
    assertThat(variable(followUp, "decidedAt")).as("not decided yet").isNull();
    assertThat(variable(followUp, "decisionStatus")).isNull();
    completeAs("agent1", followUp, "Task_ContactEnterprise", evaluation("GOOD", "一次办结, 很满意"));

    assertThat(followUp).isEnded().hasPassed("Task_RecordEvaluation", "Task_CloseFollowUp", "Event_FollowUpDone")
        .hasNotPassed("Task_OpenBadReviewLedger");
    assertThat(variable(followUp, "caseStatus")).isEqualTo("FOLLOW_UP_CLOSED");
    assertThat(variable(followUp, "decidedAt")).as("decided").isNotNull();
    assertThat(variable(followUp, "decisionStatus")).isEqualTo("FOLLOW_UP_CLOSED");
    assertThat(registry.forOriginal(original.getId()).get().evaluation()).isEqualTo("GOOD");
    // the follow-up itself finished, but nobody follows up a follow-up
    assertThat(registry.forOriginal(followUp.getId())).isEmpty();
  }

  @Test
  void aRejectedCaseIsFollowedUpAsWell() {
    ProcessInstance original = finishedFoodCase("REJECT");
    ProcessInstance followUp = followUpOf(original);
    assertThat(followUp).isNotNull();
    assertThat(variable(followUp, "originalCaseStatusText")).isEqualTo("不予许可");
    completeAs("agent1", followUp, "Task_ContactEnterprise", evaluation("MEDIUM", "理由讲得清楚, 但希望提前告知"));
    assertThat(followUp).isEnded().hasPassed("Event_FollowUpDone");
  }

  @Test
  void aCaseHoldingASerializedObjectIsFollowedUpToo() {
    // e.g. a decision result kept as a serialized object: the follow-up reads only the variables it carries over
    BpmnModelInstance model = Bpmn.createExecutableProcess("follow-up-probe-object").name("回访探针对象变量")
        .camundaHistoryTimeToLive(10950).startEvent().userTask("Task_Probe").name("探针任务").endEvent().done();
    engine.getRepositoryService().createDeployment().name("follow-up-probe-object")
        .addModelInstance("follow-up-probe-object.bpmn", model).deploy();
    java.util.ArrayList<java.util.Map<String, Object>> scenario = new java.util.ArrayList<>();
    scenario.add(new java.util.HashMap<>(Map.of("permitItem", "WSJ-GGCS-001")));
    ProcessInstance original = engine.getRuntimeService().startProcessInstanceByKey("follow-up-probe-object",
        "GX-2026-OBJ", Map.of("scenario", org.camunda.bpm.engine.variable.Variables.objectValue(scenario).create(),
            "applicantName", "湘潭三益智宅家居有限公司", "caseStatus", "APPROVED"));
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(original.getId())
        .singleResult().getId());

    ProcessInstance followUp = followUpOf(original);
    assertThat(followUp).isNotNull().isWaitingAt("Task_ContactEnterprise");
    assertThat(variable(followUp, "applicantName")).isEqualTo("湘潭三益智宅家居有限公司");
    assertThat(variable(followUp, "originalCaseStatusText")).isEqualTo("准予许可");
  }

  @Test
  void aCaseFinishedByAClerkLoggedInIsFollowedUpToo() {
    ProcessInstance pi = apply(FOOD, ALL, false);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    // the refusal ends the case in the clerk's own request, as in Tasklist: the follow-up must not need her rights
    engine.getIdentityService().setAuthentication("market1", List.of("market-regulation"));
    try {
      completeAs("market1", pi, "Task_ReviewApplication", Map.of("reviewDecision", "REJECT",
          "decisionReason", "经营场所不符合要求"));
      assertThat(engine.getIdentityService().getCurrentAuthentication().getUserId()).isEqualTo("market1");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(pi).isEnded();
    assertThat(followUpOf(pi)).isNotNull();
    assertThat(registry.forOriginal(pi.getId())).isPresent();
  }

  @Test
  void inProductionTheFollowUpStartsOnItsOwnThreadOnceTheFinishingThreadIsDone() throws Exception {
    // the production setting (approval.follow-up.start=async): the finishing thread, still holding its committed
    // transaction's connection during the after-commit callbacks, hands the start over instead of taking a second
    boolean previous = starter.runInline(false);
    try {
      ProcessInstance pi = apply(FOOD, ALL, false);
      completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
      completeAs("market1", pi, "Task_ReviewApplication", Map.of("reviewDecision", "REJECT",
          "decisionReason", "经营场所不符合要求"));
      assertThat(pi).isEnded();

      assertThat(starter.awaitHandedOver(Duration.ofSeconds(30))).isTrue();
      assertThat(starter.lastStartThread()).isEqualTo("follow-up-start");
      assertThat(registry.forOriginal(pi.getId())).isPresent();
      assertThat(followUpOf(pi)).isNotNull();
    } finally {
      starter.runInline(previous);
    }
  }

  @Test
  void aDeletedCaseAndACalledSubProcessAreNotFollowedUp() {
    ProcessInstance deleted = apply(FOOD, ALL, false);
    engine.getRuntimeService().deleteProcessInstance(deleted.getId(), "申请人撤回");
    assertThat(registry.forOriginal(deleted.getId())).isEmpty();

    BpmnModelInstance child = Bpmn.createExecutableProcess("follow-up-probe-child").name("回访探针子流程")
        .camundaHistoryTimeToLive(10950).startEvent().userTask("Task_Child").name("子流程任务").endEvent().done();
    BpmnModelInstance parent = Bpmn.createExecutableProcess("follow-up-probe-parent").name("回访探针主流程")
        .camundaHistoryTimeToLive(10950).startEvent().callActivity("Activity_Child").calledElement("follow-up-probe-child")
        .endEvent().done();
    engine.getRepositoryService().createDeployment().name("follow-up-probe")
        .addModelInstance("follow-up-probe-child.bpmn", child).addModelInstance("follow-up-probe-parent.bpmn", parent).deploy();
    ProcessInstance main = engine.getRuntimeService().startProcessInstanceByKey("follow-up-probe-parent", "GX-2026-PROBE");
    ProcessInstance sub = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(main.getId()).singleResult();
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(sub.getId()).singleResult().getId());

    assertThat(main).isEnded();
    assertThat(registry.forOriginal(sub.getId())).isEmpty();
    assertThat(registry.forOriginal(main.getId())).isPresent();
  }

  @Test
  void aBadReviewIsRectifiedByTheOriginalDepartmentAndContactedAgain() {
    ProcessInstance original = finishedFoodCase("APPROVE");
    ProcessInstance followUp = followUpOf(original);
    assertThatThrownBy(() -> completeAs("agent1", followUp, "Task_ContactEnterprise", evaluation("BAD", null)))
        .hasMessageContaining("差评必须记录企业反映的具体问题");
    completeAs("agent1", followUp, "Task_ContactEnterprise", evaluation("BAD", "现场核查预约等了一周"));

    assertThat(followUp).hasPassed("Task_RecordBadEvaluation", "Task_OpenBadReviewLedger", "Task_NotifyBadReviewAccepted")
        .isWaitingAt("Task_RectifyBadReview");
    // the bad review is the follow-up's result; rectification and the second contact come after it
    assertThat(variable(followUp, "decidedAt")).as("decided").isNotNull();
    assertThat(variable(followUp, "decisionStatus")).isEqualTo("FOLLOW_UP_EVALUATED");
    assertThat(candidateGroups(followUp, "Task_RectifyBadReview")).containsExactly("market-regulation");
    assertThat(task(followUp, "Task_RectifyBadReview").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 7, 7)));
    RectificationLedger.Entry entry = ledger.forCase(followUp.getBusinessKey(), RectificationLedger.Source.BAD_REVIEW).orElseThrow();
    assertThat(entry.department()).isEqualTo("market-regulation");
    assertThat(entry.title()).isEqualTo("现场核查预约等了一周");
    assertThat(entry.category()).isEqualTo("容缺受理");
    assertThat(notices(followUp)).singleElement().satisfies(n -> {
      assertThat(n.type()).isEqualTo("FOLLOW_UP_BAD_REVIEW_ACCEPTED");
      assertThat(n.recipient()).isEqualTo(PHONE);
      assertThat(n.body()).contains(original.getBusinessKey(), "市场监督管理局", "2026年7月7日");
    });
    assertThat(registry.forOriginal(original.getId()).get().status()).isEqualTo(FollowUpRegistry.Status.RECTIFYING);

    clockAt(LocalDateTime.of(2026, 6, 22, 9, 0));
    completeAs("market1", followUp, "Task_RectifyBadReview", Map.of("rectificationMeasures", "现场核查改为 2 个工作日内预约"));
    assertThat(followUp).isWaitingAt("Task_SecondContact");
    assertThat(task(followUp, "Task_SecondContact").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 6, 25)));
    // the second contact starts blank: the first review must not be submitted again by accident
    String second = task(followUp, "Task_SecondContact").getId();
    assertThat(engine.getTaskService().getVariable(second, "evaluation")).isNull();
    assertThat(engine.getTaskService().getVariable(second, "firstEvaluationText")).isEqualTo("差评");

    completeAs("agent1", followUp, "Task_SecondContact", evaluation("GOOD", "已改进"));
    assertThat(followUp).isEnded().hasPassed("Task_CloseBadReviewLedger", "Event_BadReviewResolved");
    assertThat(ledger.find(entry.ledgerNumber()).get().status()).isEqualTo(RectificationLedger.Status.RECTIFIED);
    assertThat(registry.forOriginal(original.getId()).get()).satisfies(f -> {
      assertThat(f.evaluation()).isEqualTo("BAD");
      assertThat(f.secondEvaluation()).isEqualTo("GOOD");
      assertThat(f.status()).isEqualTo(FollowUpRegistry.Status.RECHECKED);
    });
  }

  @Test
  void aReviewStillBadAfterRectificationGoesToTheReformOffice() {
    ProcessInstance followUp = followUpOf(finishedFoodCase("APPROVE"));
    completeAs("agent1", followUp, "Task_ContactEnterprise", evaluation("BAD", "窗口态度差"));
    completeAs("market1", followUp, "Task_RectifyBadReview", Map.of("rectificationMeasures", "约谈窗口人员"));
    completeAs("agent1", followUp, "Task_SecondContact", evaluation("BAD", "仍不满意"));

    assertThat(followUp).isWaitingAt("Task_ReviewUnresolvedBadReview");
    assertThat(candidateGroups(followUp, "Task_ReviewUnresolvedBadReview")).containsExactly("reform-office");
    assertThatThrownBy(() -> completeAs("reform1", followUp, "Task_ReviewUnresolvedBadReview",
        Map.of("escalationDecision", "REWORK"))).hasMessageContaining("请填写复核意见");
    completeAs("reform1", followUp, "Task_ReviewUnresolvedBadReview",
        Map.of("escalationDecision", "REWORK", "escalationOpinion", "请建立窗口服务评价公示制度"));

    assertThat(followUp).hasPassed("Task_ReturnBadReviewRework").isWaitingAt("Task_RectifyBadReview");
    String number = (String) variable(followUp, "ledgerNumber");
    assertThat(ledger.find(number).get().reworkCount()).isEqualTo(1);
    completeAs("market1", followUp, "Task_RectifyBadReview", Map.of("rectificationMeasures", "窗口服务评价每日公示"));
    completeAs("agent1", followUp, "Task_SecondContact", evaluation("BAD", "诉求是免除收费"));
    completeAs("reform1", followUp, "Task_ReviewUnresolvedBadReview",
        Map.of("escalationDecision", "CLOSE", "escalationOpinion", "收费依法设定, 已向企业解释说明"));

    assertThat(followUp).isEnded().hasPassed("Task_CloseBadReviewExplained", "Event_BadReviewClosed");
    assertThat(ledger.find(number).get()).satisfies(e -> {
      assertThat(e.status()).isEqualTo(RectificationLedger.Status.CLOSED);
      assertThat(e.closingNote()).contains("已向企业解释说明");
    });
  }

  @Test
  void anOverdueContactAndAnOverdueRectificationAreSupervised() {
    ProcessInstance followUp = followUpOf(finishedFoodCase("APPROVE"));
    fireTimer(followUp, "Event_ContactOverdue");
    assertThat(followUp).isWaitingAt("Task_ContactEnterprise", "Task_SuperviseOverdueContact");
    assertThat(candidateGroups(followUp, "Task_SuperviseOverdueContact")).containsExactly("supervision");

    completeAs("agent1", followUp, "Task_ContactEnterprise", evaluation("BAD", "办理时间长"));
    fireTimer(followUp, "Event_BadReviewRectificationOverdue");
    assertThat(followUp).hasPassed("Task_FlagBadReviewOverdue")
        .isWaitingAt("Task_RectifyBadReview", "Task_SuperviseOverdueBadReview", "Task_SuperviseOverdueContact");
    assertThat(ledger.find((String) variable(followUp, "ledgerNumber")).get().overdueCount()).isEqualTo(1);
    assertThat(variable(followUp, "supervisionEvents")).isEqualTo(2);
  }

  @Test
  void coverageCountsFinishedCasesAgainstFollowUps() {
    clockAt(LocalDateTime.of(2027, 3, 1, 10, 0));
    ProcessInstance a = finishedFoodCase("APPROVE");
    ProcessInstance b = finishedFoodCase("REJECT");
    completeAs("agent1", followUpOf(a), "Task_ContactEnterprise", evaluation("GOOD", null));

    var coverage = reports.followUpCoverage(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 1));
    // the follow-up of a (finished the same day) is not itself a case to follow up
    assertThat(coverage.finishedCases()).isEqualTo(2);
    assertThat(coverage.followedUp()).isEqualTo(2);
    assertThat(coverage.coveragePercent()).isEqualTo(100.0);
    assertThat(coverage.evaluated()).isEqualTo(1);
    assertThat(coverage.evaluatedPercent()).isEqualTo(50.0);
    assertThat(coverage.evaluations()).containsEntry("好评", 1).containsEntry("差评", 0);
    assertThat(coverage.notFollowedUp()).isEmpty();
    assertThat(coverage.benchmark()).contains("3938", "100%");
    assertThat(b).isEnded();
  }

  @Test
  void aFollowUpThatCannotStartNeverRollsBackTheCaseAndIsStartedLater() {
    clockAt(LocalDateTime.of(2027, 4, 1, 10, 0));
    var repository = engine.getRepositoryService();
    repository.suspendProcessDefinitionByKey("service-follow-up");
    ProcessInstance original;
    try {
      original = finishedFoodCase("APPROVE");
    } finally {
      repository.activateProcessDefinitionByKey("service-follow-up");
    }
    // the case stays finished and approved although its follow-up failed to start
    assertThat(original).isEnded().hasPassed("Event_Approved");
    assertThat(variable(original, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(followUpOf(original)).isNull();
    assertThat(registry.forOriginal(original.getId())).isEmpty();
    var before = reports.followUpCoverage(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 1));
    assertThat(before.finishedCases()).isEqualTo(1);
    assertThat(before.followedUp()).isZero();
    assertThat(before.notFollowedUp()).singleElement().satisfies(m -> {
      assertThat(m.caseNumber()).isEqualTo(original.getBusinessKey());
      assertThat(m.reform()).isEqualTo("容缺受理");
    });

    assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);

    assertThat(followUpOf(original)).isNotNull();
    assertThat(reports.followUpCoverage(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 1)).coveragePercent())
        .isEqualTo(100.0);
    assertThat(sweep.sweep()).isZero();
  }

  private List<String> candidateGroups(ProcessInstance pi, String taskKey) {
    return engine.getTaskService().getIdentityLinksForTask(task(pi, taskKey).getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }
}
