package cn.gaoxin.approval.reforms.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.audit.AuditTrailService;
import cn.gaoxin.approval.audit.CaseTrail;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.followup.FollowUpRegistry;
import cn.gaoxin.approval.inspection.InspectionDirectory;
import cn.gaoxin.approval.inspection.InspectionDrawController;
import cn.gaoxin.approval.inspection.InspectionRecords;
import cn.gaoxin.approval.inspection.RandomDraw;
import cn.gaoxin.approval.notices.Notice;
import cn.gaoxin.approval.publicity.PublicAnnouncements;
import cn.gaoxin.approval.support.ScenarioTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 双随机、一公开 (double-random-inspection), every path. Six inspectors (inspector1–6) are in the inspectors group; the
 * target directory holds 16 enterprises of the 平顶山 high-tech zone. The clock starts on Monday 2026-09-14: the
 * inspections are due in 15 working days (over the Mid-Autumn and National Day holidays and the make-up Saturday
 * 10 October: due that Saturday), publication 20 working days after the inspections end.
 */
class DoubleRandomInspectionTest extends ScenarioTest {

  static final List<String> INSPECTORS = IntStream.rangeClosed(1, 6).mapToObj(i -> "inspector" + i).toList();
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired InspectionDirectory directory;
  @Autowired InspectionDrawController draws;
  @Autowired InspectionRecords records;
  @Autowired PublicAnnouncements announcements;
  @Autowired FollowUpRegistry followUps;
  @Autowired AuditTrailService trails;

  @BeforeEach
  void inspectorsAndClock() {
    IdentityService identity = engine.getIdentityService();
    for (String id : INSPECTORS) {
      if (identity.createUserQuery().userId(id).count() == 0) {
        var user = identity.newUser(id);
        user.setFirstName("执法");
        user.setLastName("检查员" + id.substring(9));
        identity.saveUser(user);
      }
      if (identity.createUserQuery().userId(id).memberOfGroup("inspectors").count() == 0) {
        identity.createMembership(id, "inspectors");
      }
    }
    clockAt(LocalDateTime.of(2026, 9, 14, 9, 0));
  }

  ProcessInstance campaign(int sampleSize, String seed) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("campaignTitle", "2026 年度企业公示信息随机抽查");
    vars.put("inspectionMatters", "企业年度报告公示信息、即时公示信息");
    vars.put("sampleSize", sampleSize);
    if (seed != null) {
      vars.put("drawSeed", seed);
    }
    vars.put("contactName", "李建国");
    vars.put("contactPhone", "13903750000");
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("double-random-inspection", vars);
    runJobs(pi); // each inspection branch starts in its own transaction
    return pi;
  }

  List<RandomDraw.Target> directoryTargets() {
    return directory.enterprises().stream().map(e -> new RandomDraw.Target(e.creditCode(), e.name())).toList();
  }

  List<Map<String, Object>> drawn(ProcessInstance pi) throws Exception {
    List<Map<String, Object>> list = new ArrayList<>();
    for (JsonNode n : JSON.readTree(engine.getRuntimeService().getVariableTyped(pi.getId(), "drawnTargets").getValue().toString())) {
      list.add(JSON.convertValue(n, Map.class));
    }
    return list;
  }

  List<Task> inspections(ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_InspectTarget").list();
  }

  /** The drawn lead inspector claims the inspection (if nobody holds it) and enters the result. */
  void inspect(Task task, String result, String findings) {
    var tasks = engine.getTaskService();
    if (tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() == null) {
      tasks.claim(task.getId(), (String) tasks.getVariable(task.getId(), "inspector"));
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put("inspectionResult", result);
    if (findings != null) {
      vars.put("inspectionFindings", findings);
    }
    engine.getTaskService().complete(task.getId(), vars);
  }

  @Test
  void theDrawIsRecordedAndAnyoneCanReproduceIt() throws Exception {
    ProcessInstance pi = campaign(4, "20260914");

    assertThat(pi).hasPassed("Task_DrawSample").isWaitingAt("Task_InspectTarget");
    assertThat(inspections(pi)).hasSize(4);
    assertThat(variable(pi, "drawSeed")).isEqualTo(20260914L);
    assertThat(variable(pi, "caseStatus")).isEqualTo("SAMPLE_DRAWN");
    RandomDraw.Result again = RandomDraw.draw(20260914L, directoryTargets(), INSPECTORS, 4);
    assertThat(variable(pi, "drawInputsHash")).isEqualTo(again.inputsHash());
    List<Map<String, Object>> recorded = drawn(pi);
    assertThat(recorded).extracting(m -> m.get("creditCode"))
        .containsExactlyElementsOf(again.assignments().stream().map(RandomDraw.Assignment::creditCode).toList());
    assertThat(recorded).extracting(m -> m.get("inspector"))
        .containsExactlyElementsOf(again.assignments().stream().map(RandomDraw.Assignment::inspector).toList());
    assertThat(recorded).allSatisfy(m -> assertThat(m.get("inspector")).isNotEqualTo(m.get("coInspector")));

    List<Task> tasks = inspections(pi);
    assertThat(tasks).hasSize(4);
    for (Task t : tasks) {
      String code = (String) engine.getTaskService().getVariable(t.getId(), "targetCreditCode");
      Map<String, Object> target = recorded.stream().filter(m -> code.equals(m.get("creditCode"))).findFirst().orElseThrow();
      assertThat(engine.getTaskService().getVariable(t.getId(), "targetName")).isEqualTo(target.get("name"));
      assertThat(t.getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 10, 10)));
      // offered to the two drawn inspectors, within the inspectors group
      var links = engine.getTaskService().getIdentityLinksForTask(t.getId());
      assertThat(links).extracting(IdentityLink::getGroupId).contains("inspectors");
      assertThat(links).extracting(IdentityLink::getUserId).filteredOn(u -> u != null)
          .containsExactlyInAnyOrder((String) target.get("inspector"), (String) target.get("coInspector"));
    }

    var verification = (InspectionDrawController.Verification) draws.verify(pi.getBusinessKey()).getBody();
    assertThat(verification.matches()).isTrue();
    assertThat(verification.inputsUnchanged()).isTrue();
    assertThat(verification.seed()).isEqualTo(20260914L);
    assertThat(verification.recomputed()).isEqualTo(verification.recorded());

    var computed = draws.draw(new InspectionDrawController.DrawRequest(20260914L, 4,
        directoryTargets().stream().map(t -> new InspectionDrawController.TargetInput(t.creditCode(), t.name())).toList(),
        INSPECTORS));
    assertThat(computed.getBody()).isEqualTo(again);
  }

  @Test
  void differentSeedsGiveDifferentDraws() throws Exception {
    RandomDraw.Result one = RandomDraw.draw(1L, directoryTargets(), INSPECTORS, 5);
    RandomDraw.Result two = RandomDraw.draw(2L, directoryTargets(), INSPECTORS, 5);
    assertThat(one.assignments()).isNotEqualTo(two.assignments());
    assertThat(one.inputsHash()).isEqualTo(two.inputsHash());
    // the same seed over the same inputs in another order gives the same draw
    List<RandomDraw.Target> reversed = new ArrayList<>(directoryTargets());
    java.util.Collections.reverse(reversed);
    List<String> inspectorsReversed = new ArrayList<>(INSPECTORS);
    java.util.Collections.reverse(inspectorsReversed);
    assertThat(RandomDraw.draw(1L, reversed, inspectorsReversed, 5)).isEqualTo(one);

    ProcessInstance a = campaign(4, "20260914");
    ProcessInstance b = campaign(4, "20260915");
    assertThat(drawn(a)).isNotEqualTo(drawn(b));
  }

  @Test
  void withoutAGivenSeedARandomSeedIsDrawnAndRecorded() throws Exception {
    ProcessInstance pi = campaign(3, null);
    Object seed = variable(pi, "drawSeed");
    assertThat(seed).isInstanceOf(Long.class);
    assertThat((Long) seed).isBetween(0L, RandomDraw.MAX_SEED);
    assertThat(variable(pi, "drawSeedText")).isEqualTo(seed.toString());
    assertThat(((InspectionDrawController.Verification) draws.verify(pi.getBusinessKey()).getBody()).matches()).isTrue();
  }

  @Test
  void aCampaignMayBringItsOwnTargetList() throws Exception {
    Map<String, Object> vars = new HashMap<>();
    vars.put("campaignTitle", "食品销售企业专项抽查");
    vars.put("inspectionMatters", "食品经营许可事项");
    vars.put("sampleSize", 2);
    vars.put("drawSeed", "7");
    vars.put("contactName", "张慧");
    vars.put("contactPhone", "13903750001");
    vars.put("targetPool", CaseVariables.json(List.of(
        Map.of("creditCode", "91410400MA3X01222J", "name", "平顶山天晟食品有限公司", "contactPhone", "13903751107"),
        Map.of("creditCode", "91410400MA3X01000Y", "name", "河南麦昌电力工程有限公司"),
        Map.of("creditCode", "91410400MA3X015185", "name", "平顶山市恒昌餐饮管理有限公司"))));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("double-random-inspection", vars);
    runJobs(pi);
    assertThat(drawn(pi)).hasSize(2).extracting(m -> m.get("creditCode"))
        .isSubsetOf("91410400MA3X01222J", "91410400MA3X01000Y", "91410400MA3X015185");
    assertThat(inspections(pi)).hasSize(2);
  }

  @Test
  void inspectionsRunInParallelAFindingIsHandledAndTheResultsArePublished() throws Exception {
    ProcessInstance pi = campaign(4, "20260914");
    List<Task> tasks = inspections(pi);
    Task withProblem = tasks.get(0);
    String problemCode = (String) engine.getTaskService().getVariable(withProblem.getId(), "targetCreditCode");

    clockAt(LocalDateTime.of(2026, 9, 30, 15, 0));
    assertThatThrownBy(() -> inspect(withProblem, "NOT_DISCLOSED", null)).hasMessageContaining("必须写明检查发现的具体问题");
    inspect(withProblem, "NOT_DISCLOSED", "未按时公示 2025 年度报告");
    assertThat(pi).isWaitingAt("Task_HandleFinding", "Task_InspectTarget");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_HandleFinding").singleResult().getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 10, 20)));
    for (Task t : tasks.subList(1, 4)) {
      inspect(t, "NO_PROBLEM", null);
    }
    // the enterprise with the finding is still being handled: nothing is published yet
    assertThat(pi).isWaitingAt("Task_HandleFinding");
    assertThat(announcements.forCase(pi.getBusinessKey(), "INSPECTION_RESULTS")).isEmpty();

    String handling = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_HandleFinding").singleResult().getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(handling, Map.of("handlingMeasure", "WARN")))
        .hasMessageContaining("请选择处置措施");
    completeAs("market1", pi, "Task_HandleFinding",
        Map.of("handlingMeasure", "ABNORMAL_LIST", "handlingNote", "平高新市监异字〔2026〕12 号, 列入经营异常名录"));

    assertThat(pi).hasPassed("Task_CompilePublicResults").isWaitingAt("Task_ApprovePublication");
    assertThat(task(pi, "Task_ApprovePublication").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 11, 3)));
    assertThat(variable(pi, "decidedAt")).as("not decided yet").isNull();
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(variable(pi, "resultSummary")).isEqualTo("本次随机抽取检查企业 4 户, 未发现问题 3 户, 发现问题 1 户 (均已依法处置)。");
    assertThat(records.forCase(pi.getBusinessKey())).hasSize(4)
        .filteredOn(r -> r.creditCode().equals(problemCode)).singleElement().satisfies(r -> {
          assertThat(r.result()).isEqualTo("NOT_DISCLOSED");
          assertThat(r.handlingMeasure()).isEqualTo("ABNORMAL_LIST");
        });

    completeAs("market1", pi, "Task_ApprovePublication", Map.of("reviewResult", "PASS"));

    assertThat(pi).isEnded().hasPassed("Task_PublishResults", "Task_NotifyInspectedEnterprises", "Task_NotifyOrganiser",
        "Event_ResultsPublished");
    assertThat(variable(pi, "caseStatus")).isEqualTo("RESULTS_PUBLISHED");
    assertThat(variable(pi, "decidedAt")).as("decided").isNotNull();
    assertThat(variable(pi, "decisionStatus")).isEqualTo("SPOT_CHECK_PROBLEMS_FOUND");
    assertThat(pi).hasPassed("Task_RecordInspectionOutcome");
    var announcement = announcements.forCase(pi.getBusinessKey(), "INSPECTION_RESULTS").orElseThrow();
    assertThat(announcement.title()).contains("2026 年度企业公示信息随机抽查");
    assertThat(announcement.body()).contains("20260914", "未发现问题 3 户");
    JsonNode items = JSON.readTree(announcement.items());
    assertThat(items).hasSize(4);
    assertThat(announcement.items()).contains("列入经营异常名录", "未按规定公示应当公示的信息").doesNotContain("1390375");
    List<Notice> notices = notices(pi);
    assertThat(notices).filteredOn(n -> n.type().equals("INSPECTION_RESULT_TO_ENTERPRISE")).hasSize(4)
        .allSatisfy(n -> assertThat(n.recipient()).startsWith("139037511"));
    assertThat(notices).filteredOn(n -> n.type().equals("INSPECTION_RESULTS_PUBLISHED")).singleElement()
        .satisfies(n -> assertThat(n.recipient()).isEqualTo("13903750000"));
    // an internal campaign has no enterprise to call back
    assertThat(followUps.forOriginal(pi.getId())).isEmpty();
  }

  @Test
  void theReviewReturnsTheResultsToTheInspectorsWithAReasonTheyRedoThemAndTheReviewApprovesOnce() throws Exception {
    ProcessInstance pi = campaign(2, "11");
    List<Task> tasks = inspections(pi);
    String problemCode = (String) engine.getTaskService().getVariable(tasks.get(0).getId(), "targetCreditCode");
    assertThat(engine.getTaskService().getVariable(tasks.get(0).getId(), "returnReason")).as("nothing returned yet").isNull();
    inspect(tasks.get(0), "NOT_DISCLOSED", "未按时公示 2025 年度报告");
    inspect(tasks.get(1), "NO_PROBLEM", null);
    completeAs("market1", pi, "Task_HandleFinding",
        Map.of("handlingMeasure", "ABNORMAL_LIST", "handlingNote", "平高新市监异字〔2026〕31 号, 列入经营异常名录"));
    assertThat(pi).isWaitingAt("Task_ApprovePublication");

    // a return needs its reason; without one the review stays open
    String review = task(pi, "Task_ApprovePublication").getId();
    engine.getTaskService().claim(review, "market1");
    assertThatThrownBy(() -> engine.getTaskService().complete(review, Map.of("reviewResult", "RETURN")))
        .hasMessageContaining("退回必须写明退回理由");
    assertThatThrownBy(() -> engine.getTaskService().complete(review, Map.of("reviewResult", "MAYBE")))
        .hasMessageContaining("请选择审核结论");
    String reason = "企业已于 6 月 28 日补报年度报告 (公示系统可查), 请复核未公示的结论";
    engine.getTaskService().complete(review, Map.of("reviewResult", "RETURN", "returnReason", reason));
    runJobs(pi);

    // back to the drawn inspectors: every inspection is open again and shows why it came back; nothing decided
    assertThat(pi).hasPassed("Gateway_PublicationReviewed").isWaitingAt("Task_InspectTarget");
    List<Task> again = inspections(pi);
    assertThat(again).hasSize(2);
    for (Task t : again) {
      assertThat(engine.getTaskService().getVariable(t.getId(), "returnReason")).isEqualTo(reason);
      assertThat(engine.getTaskService().getIdentityLinksForTask(t.getId())).extracting(IdentityLink::getUserId)
          .contains((String) engine.getTaskService().getVariable(t.getId(), "inspector"));
    }
    assertThat(variable(pi, "decidedAt")).as("a return decides nothing").isNull();
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(announcements.forCase(pi.getBusinessKey(), "INSPECTION_RESULTS")).isEmpty();

    // the inspector corrects the result: no problem, so the earlier handling no longer applies
    for (Task t : again) {
      inspect(t, "NO_PROBLEM", null);
    }
    assertThat(pi).isWaitingAt("Task_ApprovePublication");
    assertThat(variable(pi, "resultSummary")).isEqualTo("本次随机抽取检查企业 2 户, 未发现问题 2 户, 发现问题 0 户。");
    assertThat(records.forCase(pi.getBusinessKey())).filteredOn(r -> r.creditCode().equals(problemCode)).singleElement()
        .satisfies(r -> {
          assertThat(r.result()).isEqualTo("NO_PROBLEM");
          assertThat(r.handlingMeasure()).isNull();
        });

    completeAs("market2", pi, "Task_ApprovePublication", Map.of("reviewResult", "PASS"));
    assertThat(pi).isEnded().hasPassed("Task_PublishResults", "Event_ResultsPublished");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("SPOT_CHECK_COMPLIANT");
    assertThat(variable(pi, "decidedAt")).isNotNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("Task_RecordInspectionOutcome").count()).as("recorded once, at the final approval").isEqualTo(1);
    assertThat(announcements.forCase(pi.getBusinessKey(), "INSPECTION_RESULTS").orElseThrow().items())
        .doesNotContain("列入经营异常名录");

    // the case history shows who returned it, when and why, then who approved
    CaseTrail trail = trails.trail(pi.getBusinessKey()).orElseThrow();
    List<CaseTrail.Step> reviews = trail.steps().stream().filter(s -> s.activityId().equals("Task_ApprovePublication"))
        .toList();
    assertThat(reviews).hasSize(2);
    assertThat(reviews.get(0)).satisfies(s -> {
      assertThat(s.userId()).isEqualTo("market1");
      assertThat(s.outcome()).isEqualTo("RETURN");
      assertThat(s.reason()).isEqualTo(reason);
      assertThat(s.endedAt()).isNotNull();
    });
    assertThat(reviews.get(1)).satisfies(s -> {
      assertThat(s.userId()).isEqualTo("market2");
      assertThat(s.outcome()).isEqualTo("PASS");
    });
    assertThat(trail.steps()).filteredOn(s -> s.activityId().equals("Task_InspectTarget")).hasSize(4);
  }

  @Test
  void onlyADrawnInspectorMayEnterTheResult() throws Exception {
    ProcessInstance pi = campaign(1, "42");
    Task t = inspections(pi).get(0);
    var tasks = engine.getTaskService();
    String lead = (String) tasks.getVariable(t.getId(), "inspector");
    String co = (String) tasks.getVariable(t.getId(), "coInspector");
    String outsider = INSPECTORS.stream().filter(i -> !i.equals(lead) && !i.equals(co)).findFirst().orElseThrow();
    assertThatThrownBy(() -> tasks.complete(t.getId(), Map.of("inspectionResult", "NO_PROBLEM")))
        .hasMessageContaining("认领后录入");
    tasks.claim(t.getId(), outsider);
    assertThatThrownBy(() -> inspect(t, "NO_PROBLEM", null)).hasMessageContaining("只能由随机选派的执法人员");
    tasks.setAssignee(t.getId(), null);
    tasks.claim(t.getId(), co);
    inspect(t, "NO_PROBLEM", null);
    assertThat(pi).isWaitingAt("Task_ApprovePublication");
    assertThat(records.forCase(pi.getBusinessKey())).singleElement().satisfies(r -> {
      assertThat(r.inspector()).isEqualTo(lead);
      assertThat(r.coInspector()).isEqualTo(co);
    });
  }

  @Test
  void tooFewInspectorsStopsTheDrawUntilTheListIsReplenished() throws Exception {
    IdentityService identity = engine.getIdentityService();
    INSPECTORS.subList(1, 6).forEach(i -> identity.deleteMembership(i, "inspectors"));
    ProcessInstance pi;
    try {
      pi = campaign(3, "99");
      assertThat(pi).hasPassed("Event_InspectorsInsufficient").isWaitingAt("Task_ReplenishInspectors");
      assertThat((String) variable(pi, "drawProblem")).contains("只有 1 人", "2 名执法人员");
      assertThat(engine.getRuntimeService().getVariable(pi.getId(), "drawnTargets")).isNull();
      assertThat(task(pi, "Task_ReplenishInspectors").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 9, 16)));
    } finally {
      INSPECTORS.subList(1, 6).forEach(i -> identity.createMembership(i, "inspectors"));
    }
    completeAs("market2", pi, "Task_ReplenishInspectors", Map.of("replenishNote", "已补充 5 名持证执法人员"));
    runJobs(pi);
    assertThat(pi).hasPassed("Task_DrawSample").isWaitingAt("Task_InspectTarget");
    assertThat(inspections(pi)).hasSize(3);
  }

  @Test
  void aSampleLargerThanTheDirectoryIsRefusedAndStartsNothing() throws Exception {
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("double-random-inspection").count();
    assertThatThrownBy(() -> campaign(17, "1")).hasMessageContaining("抽取数量应在 1 到 16");
    assertThatThrownBy(() -> campaign(3, "-5")).hasMessageContaining("抽取种子");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("double-random-inspection").count())
        .isEqualTo(before);
  }

  @Test
  void overdueInspectionsAndAnOverduePublicationAreSupervisedWithoutHoldingThePublicationBack() throws Exception {
    ProcessInstance pi = campaign(2, "5");
    assertThat(timer(pi, "Event_InspectionOverdue").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 10, 10)));
    List<Task> tasks = inspections(pi);
    inspect(tasks.get(0), "NO_PROBLEM", null);

    fireTimer(pi, "Event_InspectionOverdue");
    assertThat(pi).isWaitingAt("Task_SuperviseOverdueInspection", "Task_InspectTarget");
    assertThat(task(pi, "Task_SuperviseOverdueInspection")).isNotNull();
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);

    inspect(tasks.get(1), "NO_PROBLEM", null);
    // the open supervision task does not keep the results from being published
    assertThat(pi).isWaitingAt("Task_ApprovePublication", "Task_SuperviseOverdueInspection");
    fireTimer(pi, "Event_PublicationOverdue");
    assertThat(pi).isWaitingAt("Task_ApprovePublication", "Task_SuperviseOverduePublication", "Task_SuperviseOverdueInspection");
    completeAs("market1", pi, "Task_ApprovePublication", Map.of("reviewResult", "PASS"));
    assertThat(announcements.forCase(pi.getBusinessKey(), "INSPECTION_RESULTS")).isPresent();
    completeAs("supervisor1", pi, "Task_SuperviseOverdueInspection", Map.of("supervisionAction", "URGE", "supervisionOpinion", "催办"));
    completeAs("supervisor1", pi, "Task_SuperviseOverduePublication", Map.of("supervisionAction", "RECORD", "supervisionOpinion", "记录"));
    assertThat(pi).isEnded();
  }
}
