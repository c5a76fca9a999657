package cn.gaoxin.approval.reforms.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.followup.FollowUpRegistry;
import cn.gaoxin.approval.notices.Notice;
import cn.gaoxin.approval.publicity.PublicAnnouncements;
import cn.gaoxin.approval.reforms.supervision.yield.YieldEnterpriseDirectory;
import cn.gaoxin.approval.reforms.supervision.yield.YieldEvaluationController;
import cn.gaoxin.approval.reforms.supervision.yield.YieldEvaluations;
import cn.gaoxin.approval.support.ScenarioTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * 亩产效益评价 (per-mu-yield-evaluation): the DMN tables rule by rule, and every path of the annual campaign. The clock
 * starts on Monday 2026-11-02: data collection is due in 15 working days (23 November), the enterprise's confirmation
 * in 5 (9 November), rechecks and objection reviews in 5, the public notice lasts 5 working days.
 */
class PerMuYieldEvaluationTest extends ScenarioTest {

  static final String DECISION = "per-mu-yield-evaluation";

  @Autowired YieldEnterpriseDirectory directory;
  @Autowired YieldEvaluations evaluations;
  @Autowired YieldEvaluationController api;
  @Autowired PublicAnnouncements announcements;
  @Autowired FollowUpRegistry followUps;

  @BeforeEach
  void mondayInNovember() {
    clockAt(LocalDateTime.of(2026, 11, 2, 9, 0));
  }

  // ---------------------------------------------------------------- DMN, rule by rule

  /** Evaluates one decision and returns its single output and the id of the rule that matched. */
  Object[] evaluate(String key, Map<String, Object> vars) {
    var history = engine.getHistoryService();
    Set<String> before = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(key).list().stream()
        .map(HistoricDecisionInstance::getId).collect(Collectors.toSet());
    var result = engine.getDecisionService().evaluateDecisionTableByKey(key, vars);
    HistoricDecisionInstance instance = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(key)
        .includeOutputs().list().stream().filter(h -> !before.contains(h.getId())).findFirst().orElseThrow();
    return new Object[] {result.getSingleResult().getEntryMap(), instance.getOutputs().get(0).getRuleId()};
  }

  @ParameterizedTest(name = "{0} = {2} → {3} 分 ({4})")
  @CsvSource({
      "yield-score-tax-per-mu, taxPerMu, -3, 0, Rule_TaxPerMu_1",
      "yield-score-tax-per-mu, taxPerMu, 0, 0, Rule_TaxPerMu_1",
      "yield-score-tax-per-mu, taxPerMu, 4.99, 4, Rule_TaxPerMu_2",
      "yield-score-tax-per-mu, taxPerMu, 5, 10, Rule_TaxPerMu_3",
      "yield-score-tax-per-mu, taxPerMu, 15, 18, Rule_TaxPerMu_4",
      "yield-score-tax-per-mu, taxPerMu, 49.99, 25, Rule_TaxPerMu_5",
      "yield-score-tax-per-mu, taxPerMu, 50, 30, Rule_TaxPerMu_6",
      "yield-score-sales-per-mu, salesPerMu, 99.99, 3, Rule_SalesPerMu_1",
      "yield-score-sales-per-mu, salesPerMu, 100, 7, Rule_SalesPerMu_2",
      "yield-score-sales-per-mu, salesPerMu, 300, 12, Rule_SalesPerMu_3",
      "yield-score-sales-per-mu, salesPerMu, 600, 16, Rule_SalesPerMu_4",
      "yield-score-sales-per-mu, salesPerMu, 1000, 20, Rule_SalesPerMu_5",
      "yield-score-sales-per-energy, salesPerEnergy, 4.5, 2, Rule_SalesPerEnergy_1",
      "yield-score-sales-per-energy, salesPerEnergy, 5, 5, Rule_SalesPerEnergy_2",
      "yield-score-sales-per-energy, salesPerEnergy, 20, 8, Rule_SalesPerEnergy_3",
      "yield-score-sales-per-energy, salesPerEnergy, 99.9, 12, Rule_SalesPerEnergy_4",
      "yield-score-sales-per-energy, salesPerEnergy, 100, 15, Rule_SalesPerEnergy_5",
      "yield-score-sales-per-emission, salesPerEmission, , 10, Rule_SalesPerEmission_1",
      "yield-score-sales-per-emission, salesPerEmission, 99, 2, Rule_SalesPerEmission_2",
      "yield-score-sales-per-emission, salesPerEmission, 100, 4, Rule_SalesPerEmission_3",
      "yield-score-sales-per-emission, salesPerEmission, 500, 6, Rule_SalesPerEmission_4",
      "yield-score-sales-per-emission, salesPerEmission, 2000, 8, Rule_SalesPerEmission_5",
      "yield-score-sales-per-emission, salesPerEmission, 5000, 10, Rule_SalesPerEmission_6",
      "yield-score-rd-intensity, rdIntensity, 0, 0, Rule_RdIntensity_1",
      "yield-score-rd-intensity, rdIntensity, 0.5, 3, Rule_RdIntensity_2",
      "yield-score-rd-intensity, rdIntensity, 1, 6, Rule_RdIntensity_3",
      "yield-score-rd-intensity, rdIntensity, 2, 9, Rule_RdIntensity_4",
      "yield-score-rd-intensity, rdIntensity, 4.99, 12, Rule_RdIntensity_5",
      "yield-score-rd-intensity, rdIntensity, 5, 15, Rule_RdIntensity_6",
      "yield-score-labour-productivity, labourProductivity, 9.99, 2, Rule_LabourProductivity_1",
      "yield-score-labour-productivity, labourProductivity, 10, 4, Rule_LabourProductivity_2",
      "yield-score-labour-productivity, labourProductivity, 25, 6, Rule_LabourProductivity_3",
      "yield-score-labour-productivity, labourProductivity, 40, 8, Rule_LabourProductivity_4",
      "yield-score-labour-productivity, labourProductivity, 60, 10, Rule_LabourProductivity_5"})
  void everyIndicatorRuleScoresItsBand(String decision, String input, Double value, int points, String rule) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(input, value);
    Object[] r = evaluate(decision, vars);
    assertThat(((Map<?, ?>) r[0]).values()).singleElement().isEqualTo(points);
    assertThat(r[1]).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{6} 分 {7} {8} → {9} ({10})")
  @CsvSource({
      "60, 1500, 150, 6000, 6, 80, 100, ABOVE, false, A, Rule_Grade_2",
      "20, 1500, 70, 6000, 6, 80, 85, ABOVE, false, A, Rule_Grade_2",
      "20, 800, 150, 6000, 6, 80, 84, ABOVE, false, B, Rule_Grade_3",
      "-1, 1500, 150, 6000, 6, 80, 70, ABOVE, false, B, Rule_Grade_3",
      "2, 1500, 70, 3000, 6, 80, 69, ABOVE, false, C, Rule_Grade_4",
      "-1, 200, 150, 3000, 6, 80, 55, ABOVE, false, C, Rule_Grade_4",
      "-1, 200, 70, 6000, 6, 80, 54, ABOVE, false, D, Rule_Grade_5",
      "10, 1500, 150, 6000, 6, 80, 80, BELOW, false, A, Rule_Grade_6",
      "20, 800, 70, 3000, 6, 80, 79, BELOW, false, B, Rule_Grade_7",
      "-1, 1500, 70, 3000, 6, 80, 65, BELOW, false, B, Rule_Grade_7",
      "-1, 800, 150, 3000, 6, 80, 64, BELOW, false, C, Rule_Grade_8",
      "-1, 50, 70, 6000, 6, 80, 50, BELOW, false, C, Rule_Grade_8",
      "-1, 50, 150, 1000, 6, 80, 49, BELOW, false, D, Rule_Grade_9",
      "60, 1500, 150, 6000, 6, 80, 100, ABOVE, true, D, Rule_Grade_1",
      "10, 1500, 150, 6000, 6, 80, 80, BELOW, true, D, Rule_Grade_1"})
  void everyGradeRuleGradesItsScoreBandAndTheVetoComesFirst(double tax, double sales, double energy, double emission,
      double rd, double labour, int score, String scale, boolean violation, String grade, String rule) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("taxPerMu", tax);
    vars.put("salesPerMu", sales);
    vars.put("salesPerEnergy", energy);
    vars.put("salesPerEmission", emission);
    vars.put("rdIntensity", rd);
    vars.put("labourProductivity", labour);
    vars.put("enterpriseScale", scale);
    vars.put("majorViolation", violation);
    Object[] r = evaluate(DECISION, vars);
    Map<?, ?> out = (Map<?, ?>) r[0];
    assertThat(out.get("compositeScore")).isEqualTo(score);
    assertThat(out.get("yieldGrade")).isEqualTo(grade);
    assertThat(out.get("gradeLabel")).isNotNull();
    assertThat(r[1]).isEqualTo(rule);
  }

  @Test
  void theCompositeScoreIsTheSumOfTheSixIndicatorScores() {
    var result = engine.getDecisionService().evaluateDecisionByKey("yield-composite-score").variables(Map.of(
        "taxPerMu", 22.5, "salesPerMu", 700.0, "salesPerEnergy", 62.2, "salesPerEmission", 1866.67,
        "rdIntensity", 3.57, "labourProductivity", 43.75)).evaluate();
    assertThat((Object) result.getSingleResult().getSingleEntry()).isEqualTo(18 + 16 + 12 + 6 + 12 + 8);
  }

  // ---------------------------------------------------------------- the campaign

  ProcessInstance campaign(List<Map<String, Object>> enterprises) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("evaluationYear", 2026);
    vars.put("contactName", "唐娟");
    vars.put("contactPhone", "13905310000");
    if (enterprises != null) {
      vars.put("yieldEnterprises", CaseVariables.json(enterprises));
    }
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("per-mu-yield-evaluation", vars);
    runJobs(pi); // each enterprise's evaluation starts in its own transaction
    return pi;
  }

  /** The directory entry as a campaign list entry (credit code, name, scale, contact, figures). */
  Map<String, Object> firm(int index) {
    var e = directory.enterprises().get(index);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("creditCode", e.creditCode());
    m.put("name", e.name());
    m.put("scale", e.scale());
    m.put("contactPhone", e.contactPhone());
    m.put("landArea", e.landArea());
    m.put("taxPaid", e.taxPaid());
    m.put("salesRevenue", e.salesRevenue());
    m.put("valueAdded", e.valueAdded());
    m.put("energyUse", e.energyUse());
    m.put("pollutantEmission", e.pollutantEmission());
    m.put("rdExpense", e.rdExpense());
    m.put("employees", e.employees());
    m.put("majorViolation", e.majorViolation());
    return m;
  }

  Task taskFor(ProcessInstance pi, String key, String creditCode) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list()
        .stream().filter(t -> creditCode.equals(engine.getTaskService().getVariable(t.getId(), "yieldCreditCode")))
        .findFirst().orElseThrow(() -> new AssertionError("没有企业 " + creditCode + " 的待办 " + key));
  }

  void collect(ProcessInstance pi, String creditCode, Map<String, Object> vars) {
    Map<String, Object> all = new HashMap<>(vars);
    all.putIfAbsent("dataStatus", "COLLECTED");
    Task t = taskFor(pi, "Task_CollectYieldData", creditCode);
    engine.getTaskService().claim(t.getId(), "econ1");
    engine.getTaskService().complete(t.getId(), all);
  }

  HttpStatus confirm(ProcessInstance pi, Map<String, Object> firm, boolean confirmed, String note) {
    return (HttpStatus) api.confirm(pi.getBusinessKey(), new YieldEvaluationController.Confirmation(
        (String) firm.get("creditCode"), (String) firm.get("contactPhone"), confirmed, note)).getStatusCode();
  }

  HttpStatus object(ProcessInstance pi, Map<String, Object> firm, String reason) {
    return (HttpStatus) api.object(pi.getBusinessKey(), new YieldEvaluationController.Objection(
        (String) firm.get("creditCode"), (String) firm.get("contactPhone"), reason)).getStatusCode();
  }

  YieldEvaluations.Evaluation evaluationOf(ProcessInstance pi, Map<String, Object> firm) {
    return evaluations.find(pi.getBusinessKey(), (String) firm.get("creditCode")).orElseThrow();
  }

  @Test
  void anAnnualCampaignOverTheDirectoryGradesEveryEnterpriseAndPublishesTheResults() {
    ProcessInstance pi = campaign(null);
    assertThat(variable(pi, "yieldEnterpriseCount")).isEqualTo(8);
    assertThat(variable(pi, "aboveScaleCount")).isEqualTo(6);
    assertThat(variable(pi, "dataYear")).isEqualTo(2025);
    assertThat(variable(pi, "caseStatus")).isEqualTo("DATA_COLLECTION");
    List<Task> collection = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_CollectYieldData").list();
    assertThat(collection).hasSize(8).allSatisfy(t -> {
      assertThat(t.getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 11, 23)));
      assertThat(engine.getTaskService().getIdentityLinksForTask(t.getId())).extracting(IdentityLink::getGroupId)
          .containsExactly("economic-development");
    });
    // prefilled from the departments' data
    Task inspur = taskFor(pi, "Task_CollectYieldData", (String) firm(0).get("creditCode"));
    assertThat(engine.getTaskService().getVariable(inspur.getId(), "enterpriseName")).isEqualTo("浪潮电子信息产业股份有限公司");
    assertThat(engine.getTaskService().getVariable(inspur.getId(), "landArea")).isEqualTo(300);

    for (int i = 0; i < 8; i++) {
      collect(pi, (String) firm(i).get("creditCode"), Map.of());
    }
    assertThat(notices(pi)).filteredOn(n -> n.type().equals("YIELD_DATA_CONFIRMATION_REQUEST")).hasSize(8)
        .anySatisfy(n -> {
          assertThat(n.recipient()).isEqualTo("13905311201");
          assertThat(n.body()).contains("浪潮电子信息产业股份有限公司", "用地 300 亩", "2026年11月9日");
        });
    for (int i = 0; i < 8; i++) {
      assertThat(confirm(pi, firm(i), true, null)).isEqualTo(HttpStatus.ACCEPTED);
    }

    assertThat(pi).hasPassed("Task_CompileYieldResults").isWaitingAt("Task_ApproveYieldResults");
    assertThat(variable(pi, "decidedAt")).as("not decided yet").isNull();
    assertThat(variable(pi, "decisionStatus")).isNull();
    Map<String, String> grades = new LinkedHashMap<>();
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (int i = 0; i < 8; i++) {
      var e = evaluationOf(pi, firm(i));
      grades.put(e.enterpriseName(), e.grade());
      scores.put(e.enterpriseName(), e.compositeScore());
      assertThat(e.confirmation()).isEqualTo("CONFIRMED");
    }
    assertThat(scores).containsEntry("浪潮电子信息产业股份有限公司", 100).containsEntry("临工重机股份有限公司", 100)
        .containsEntry("济南齐鲁精密机械有限公司", 72).containsEntry("山东华泉新材料科技有限公司", 56)
        .containsEntry("济南明泰包装制品有限公司", 20).containsEntry("济南泰鑫精细化工有限公司", 67)
        .containsEntry("山东睿芯半导体科技有限公司", 85).containsEntry("济南恒远机电设备有限公司", 51);
    assertThat(grades).containsEntry("浪潮电子信息产业股份有限公司", "A").containsEntry("临工重机股份有限公司", "A")
        .containsEntry("济南齐鲁精密机械有限公司", "B").containsEntry("山东华泉新材料科技有限公司", "C")
        .containsEntry("济南明泰包装制品有限公司", "D").containsEntry("济南泰鑫精细化工有限公司", "D")
        .containsEntry("山东睿芯半导体科技有限公司", "A").containsEntry("济南恒远机电设备有限公司", "C");
    assertThat(evaluationOf(pi, firm(6)).salesPerEmission()).isNull();
    assertThat(variable(pi, "gradeACount")).isEqualTo(3);
    assertThat(variable(pi, "gradeSummary")).isEqualTo("参评企业 8 家 (规模以上 6 家、规模以下 2 家), 评为 A 类 3 家 "
        + "(规上 2 家、规下 1 家)、B 类 1 家 (规上 1 家、规下 0 家)、C 类 2 家 (规上 1 家、规下 1 家)、D 类 2 家 (规上 2 家、规下 0 家)。");

    clockAt(LocalDateTime.of(2026, 11, 10, 9, 0));
    completeAs("econ1", pi, "Task_ApproveYieldResults", Map.of("reviewResult", "PASS", "approvalOpinion", "同意公示"));
    // the grades are decided when approved, before the public notice
    assertThat(variable(pi, "decidedAt")).as("decided").isNotNull();
    assertThat(variable(pi, "decisionStatus")).isEqualTo("GRADES_APPROVED");
    assertThat(pi).hasPassed("Task_PublishYieldNotice", "Task_NotifyYieldNotice").isWaitingAt("Event_NoticePeriodEnds");
    assertThat(variable(pi, "caseStatus")).isEqualTo("UNDER_PUBLIC_NOTICE");
    assertThat(variable(pi, "yieldNoticeUntil")).isEqualTo(endOfDay(LocalDate.of(2026, 11, 17)));
    var notice = announcements.forCase(pi.getBusinessKey(), "YIELD_EVALUATION_NOTICE").orElseThrow();
    assertThat(notice.title()).isEqualTo("2026 年度工业企业\"亩产效益\"综合评价结果公示");
    assertThat(notice.body()).contains("评为 A 类 3 家", "公示期至 2026年11月17日");
    assertThat(notice.items()).contains("浪潮电子信息产业股份有限公司").doesNotContain("13905311201");
    assertThat(notice.validUntil()).isEqualTo(endOfDay(LocalDate.of(2026, 11, 17)).toInstant());
    assertThat(notices(pi)).filteredOn(n -> n.type().equals("YIELD_EVALUATION_NOTICE_TO_ENTERPRISE")).hasSize(8);

    fireTimer(pi, "Event_NoticePeriodEnds");

    assertThat(pi).isEnded().hasPassed("Task_CompileFinalResults", "Task_PublishYieldResults", "Task_NotifyYieldGrades",
        "Event_ResultsPublished").hasNotPassed("Task_ReviewObjection");
    assertThat(variable(pi, "caseStatus")).isEqualTo("RESULTS_PUBLISHED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("GRADES_APPROVED");
    assertThat(announcements.forCase(pi.getBusinessKey(), "YIELD_EVALUATION_RESULTS")).get()
        .satisfies(a -> assertThat(a.body()).contains("公示期满", "A 类 3 家"));
    assertThat(notices(pi)).filteredOn(n -> n.type().equals("YIELD_GRADE_TO_ENTERPRISE")).hasSize(8)
        .anySatisfy(n -> assertThat(n.body()).contains("济南明泰包装制品有限公司", "20 分", "D 类"));
    assertThat(api.summary(pi.getBusinessKey())).containsEntry("enterprises", 8);
    assertThat(followUps.forOriginal(pi.getId())).isEmpty();
  }

  @Test
  void theApprovalReturnsTheDataForCorrectionWithAReasonItIsCorrectedRescoredAndApprovedOnce() {
    Map<String, Object> wrong = firm(3);
    Map<String, Object> right = firm(4);
    ProcessInstance pi = campaign(List.of(wrong, right));
    for (Map<String, Object> f : List.of(wrong, right)) {
      collect(pi, (String) f.get("creditCode"), Map.of());
      confirm(pi, f, true, null);
    }
    assertThat(pi).isWaitingAt("Task_ApproveYieldResults");
    assertThat(evaluationOf(pi, wrong).compositeScore()).isEqualTo(56);

    // a return needs its reason; without one the approval stays open
    String approval = task(pi, "Task_ApproveYieldResults").getId();
    engine.getTaskService().claim(approval, "econ1");
    assertThatThrownBy(() -> engine.getTaskService().complete(approval, Map.of("reviewResult", "RETURN")))
        .hasMessageContaining("退回必须写明退回理由");
    String reason = "山东华泉新材料科技有限公司实缴税金未含已退库部分, 请按税务部门数据更正后重新计分";
    engine.getTaskService().complete(approval, Map.of("reviewResult", "RETURN", "returnReason", reason));
    runJobs(pi);

    // back to the collection: each enterprise's data task is open again and shows why; nothing decided or published
    assertThat(pi).hasPassed("Gateway_GradesReviewed").isWaitingAt("Task_CollectYieldData");
    for (Map<String, Object> f : List.of(wrong, right)) {
      Task t = taskFor(pi, "Task_CollectYieldData", (String) f.get("creditCode"));
      assertThat(engine.getTaskService().getVariable(t.getId(), "returnReason")).isEqualTo(reason);
    }
    assertThat(variable(pi, "decidedAt")).as("a return decides nothing").isNull();
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(announcements.forCase(pi.getBusinessKey(), "YIELD_EVALUATION_NOTICE")).isEmpty();

    collect(pi, (String) wrong.get("creditCode"), Map.of("taxPaid", 3600, "dataNote", "按税务部门数据更正实缴税金"));
    collect(pi, (String) right.get("creditCode"), Map.of());
    // corrected data goes to the enterprise to confirm again
    assertThat(notices(pi)).filteredOn(n -> n.type().equals("YIELD_DATA_CONFIRMATION_REQUEST")).hasSize(4);
    for (Map<String, Object> f : List.of(wrong, right)) {
      assertThat(confirm(pi, f, true, null)).isEqualTo(HttpStatus.ACCEPTED);
    }
    assertThat(pi).isWaitingAt("Task_ApproveYieldResults");
    assertThat(evaluationOf(pi, wrong)).satisfies(e -> {
      assertThat(e.taxPerMu()).isEqualByComparingTo("30.00");
      assertThat(e.compositeScore()).isEqualTo(63);
    });

    completeAs("econ1", pi, "Task_ApproveYieldResults", Map.of("reviewResult", "PASS", "approvalOpinion", "同意公示"));
    assertThat(variable(pi, "decisionStatus")).isEqualTo("GRADES_APPROVED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("Task_RecordGradesApproved").count()).as("recorded once, at the final approval").isEqualTo(1);
    assertThat(pi).hasPassed("Task_PublishYieldNotice").isWaitingAt("Event_NoticePeriodEnds");

    // the case history shows who returned it, when and why, then who approved (read from the engine's history:
    // the audit trail page cannot open a yield case yet, its DMN result is a serialized Java object)
    var history = engine.getHistoryService();
    List<HistoricTaskInstance> approvals = history.createHistoricTaskInstanceQuery()
        .processInstanceId(pi.getId()).taskDefinitionKey("Task_ApproveYieldResults").orderByHistoricActivityInstanceStartTime()
        .asc().list();
    assertThat(approvals).hasSize(2).allSatisfy(t -> {
      assertThat(t.getAssignee()).isEqualTo("econ1");
      assertThat(t.getEndTime()).isNotNull();
    });
    Map<String, Object> returned = new HashMap<>();
    history.createHistoricDetailQuery().activityInstanceId(approvals.get(0).getActivityInstanceId())
        .variableUpdates().list()
        .forEach(d -> returned.put(((HistoricVariableUpdate) d).getVariableName(),
            ((HistoricVariableUpdate) d).getValue()));
    assertThat(returned).containsEntry("reviewResult", "RETURN").containsEntry("returnReason", reason);
    Map<String, Object> passed = new HashMap<>();
    history.createHistoricDetailQuery().activityInstanceId(approvals.get(1).getActivityInstanceId())
        .variableUpdates().list()
        .forEach(d -> passed.put(((HistoricVariableUpdate) d).getVariableName(),
            ((HistoricVariableUpdate) d).getValue()));
    assertThat(passed).containsEntry("reviewResult", "PASS");
  }

  @Test
  void anEnterpriseCanBeExcludedAndBadFiguresAreRefused() {
    Map<String, Object> a = firm(2);
    Map<String, Object> b = firm(3);
    ProcessInstance pi = campaign(List.of(a, b));
    Task t = taskFor(pi, "Task_CollectYieldData", (String) b.get("creditCode"));
    var tasks = engine.getTaskService();
    assertThatThrownBy(() -> tasks.complete(t.getId(), Map.of("dataStatus", "EXCLUDED"))).hasMessageContaining("不参评必须写明原因");
    assertThatThrownBy(() -> tasks.complete(t.getId(), Map.of("dataStatus", "COLLECTED", "landArea", 0)))
        .hasMessageContaining("用地面积必须大于 0");
    assertThatThrownBy(() -> tasks.complete(t.getId(), Map.of("dataStatus", "COLLECTED", "taxPaid", -5)))
        .hasMessageContaining("实缴税金 (万元)不能为负数");
    assertThatThrownBy(() -> tasks.complete(t.getId(), Map.of("dataStatus", "COLLECTED", "employees", 12.5)))
        .hasMessageContaining("年平均职工人数必须是正整数");
    collect(pi, (String) b.get("creditCode"), Map.of("dataStatus", "EXCLUDED", "exclusionReason", "2025 年全年停产"));
    assertThat(evaluationOf(pi, b)).satisfies(e -> {
      assertThat(e.status()).isEqualTo("EXCLUDED");
      assertThat(e.exclusionReason()).isEqualTo("2025 年全年停产");
      assertThat(e.grade()).isNull();
    });
    collect(pi, (String) a.get("creditCode"), Map.of());
    confirm(pi, a, true, null);
    assertThat(pi).isWaitingAt("Task_ApproveYieldResults");
    assertThat(variable(pi, "excludedCount")).isEqualTo(1);
    assertThat((String) variable(pi, "gradeSummary")).endsWith("; 不参评 1 家。");
  }

  @Test
  void disputedFiguresAreRecheckedAndSilenceCountsAsConfirmation() {
    Map<String, Object> disputing = firm(3);
    Map<String, Object> silent = firm(4);
    ProcessInstance pi = campaign(List.of(disputing, silent));
    collect(pi, (String) disputing.get("creditCode"), Map.of());
    collect(pi, (String) silent.get("creditCode"), Map.of());
    assertThat(confirm(pi, Map.of("creditCode", disputing.get("creditCode"), "contactPhone", "13800000000"), false, "x"))
        .isEqualTo(HttpStatus.CONFLICT);

    clockAt(LocalDateTime.of(2026, 11, 4, 10, 0));
    assertThat(confirm(pi, disputing, false, "2025 年实缴税金应为 3600 万元 (含已退库部分)")).isEqualTo(HttpStatus.ACCEPTED);
    Task recheck = taskFor(pi, "Task_RecheckYieldData", (String) disputing.get("creditCode"));
    assertThat(recheck.getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 11, 11)));
    assertThat(engine.getTaskService().getVariable(recheck.getId(), "confirmationNote")).asString().contains("3600");
    engine.getTaskService().complete(recheck.getId(), Map.of("taxPaid", 3600, "recheckNote", "经税务部门核实, 更正为 3600 万元"));
    assertThat(evaluationOf(pi, disputing)).satisfies(e -> {
      assertThat(e.confirmation()).isEqualTo("DISPUTED");
      assertThat(e.taxPerMu()).isEqualByComparingTo("30.00");
      assertThat(e.compositeScore()).isEqualTo(63);
      assertThat(e.grade()).isEqualTo("C");
    });

    Job deadline = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Event_ConfirmationDeadline").timers().singleResult();
    assertThat(deadline.getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 11, 9)));
    clockAt(LocalDateTime.of(2026, 11, 10, 0, 30));
    engine.getManagementService().executeJob(deadline.getId());
    assertThat(evaluationOf(pi, silent).confirmation()).isEqualTo("DEEMED");
    assertThat(pi).isWaitingAt("Task_ApproveYieldResults");
  }

  @Test
  void objectionsDuringTheNoticeAreReviewedUpheldOrDismissedAndTheResultsWaitForThem() {
    Map<String, Object> upheld = firm(4);
    Map<String, Object> dismissed = firm(2);
    ProcessInstance pi = campaign(List.of(upheld, dismissed));
    for (Map<String, Object> f : List.of(upheld, dismissed)) {
      collect(pi, (String) f.get("creditCode"), Map.of());
      confirm(pi, f, true, null);
    }
    assertThat(object(pi, upheld, "尚未公示")).isEqualTo(HttpStatus.CONFLICT);
    completeAs("econ1", pi, "Task_ApproveYieldResults", Map.of("reviewResult", "PASS", "approvalOpinion", "同意"));
    assertThat(evaluationOf(pi, upheld).grade()).isEqualTo("D");

    clockAt(LocalDateTime.of(2026, 11, 5, 10, 0));
    assertThat(object(pi, upheld, "用地面积含代征道路用地, 实际用地应为 40 亩")).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(object(pi, dismissed, "认为得分偏低")).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(object(pi, Map.of("creditCode", "91370100MA9Y02000G", "contactPhone", "13905311201"), "不在名单"))
        .isEqualTo(HttpStatus.NOT_FOUND);
    List<Task> reviews = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_ReviewObjection").list();
    assertThat(reviews).hasSize(2).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 11, 12))));

    Task up = taskFor(pi, "Task_ReviewObjection", (String) upheld.get("creditCode"));
    assertThat(engine.getTaskService().getVariable(up.getId(), "previousGrade")).isEqualTo("D");
    assertThat(engine.getTaskService().getVariable(up.getId(), "objectionReason")).asString().contains("40 亩");
    assertThatThrownBy(() -> engine.getTaskService().complete(up.getId(), Map.of("objectionDecision", "UPHELD")))
        .hasMessageContaining("请填写复核意见");
    engine.getTaskService().complete(up.getId(), Map.of("objectionDecision", "UPHELD", "landArea", 40,
        "reviewOpinion", "经自然资源部门核实, 扣除代征道路用地后为 40 亩"));
    assertThat(evaluationOf(pi, upheld)).satisfies(e -> {
      assertThat(e.landArea()).isEqualByComparingTo("40");
      assertThat(e.compositeScore()).isEqualTo(35);
      assertThat(e.grade()).isEqualTo("D");
      assertThat(e.objectionCount()).isEqualTo(1);
    });
    Notice reply = notices(pi).stream().filter(n -> n.type().equals("YIELD_OBJECTION_UPHELD")).findFirst().orElseThrow();
    assertThat(reply.recipient()).isEqualTo(upheld.get("contactPhone"));
    assertThat(reply.body()).contains("35 分", "D 类", "原 20 分", "40 亩");

    // the notice period ends while one objection is still under review: the results wait for it
    fireTimer(pi, "Event_NoticePeriodEnds");
    assertThat(pi).isWaitingAt("Task_ReviewObjection");
    assertThat(object(pi, dismissed, "再次异议")).isEqualTo(HttpStatus.CONFLICT);
    completeAs("econ1", pi, "Task_ReviewObjection", Map.of("objectionDecision", "DISMISSED", "reviewOpinion", "数据经企业确认无误"));
    assertThat(notices(pi)).filteredOn(n -> n.type().equals("YIELD_OBJECTION_DISMISSED")).singleElement()
        .satisfies(n -> assertThat(n.body()).contains("维持原评价结果 (72 分, B 类)"));
    assertThat(evaluationOf(pi, dismissed).objectionCount()).isZero();

    assertThat(pi).isEnded().hasPassed("Task_RecomputeIndicators", "Task_Rescore", "Task_RecordRescore",
        "Task_ReplyObjectionDismissed", "Task_PublishYieldResults");
    assertThat(notices(pi)).filteredOn(n -> n.type().equals("YIELD_GRADE_TO_ENTERPRISE"))
        .anySatisfy(n -> assertThat(n.body()).contains("济南明泰包装制品有限公司", "35 分"));
  }

  @Test
  void overdueCollectionAndAnOverdueObjectionReviewAreSupervised() {
    Map<String, Object> f = firm(5);
    ProcessInstance pi = campaign(List.of(f));
    assertThat(timer(pi, "Event_CollectionOverdue").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 11, 23)));
    fireTimer(pi, "Event_CollectionOverdue");
    assertThat(pi).isWaitingAt("Task_CollectYieldData", "Task_SuperviseOverdueCollection");

    collect(pi, (String) f.get("creditCode"), Map.of());
    confirm(pi, f, true, null);
    assertThat(pi).isWaitingAt("Task_ApproveYieldResults", "Task_SuperviseOverdueCollection");
    assertThat(evaluationOf(pi, f).grade()).isEqualTo("D");
    completeAs("econ1", pi, "Task_ApproveYieldResults", Map.of("reviewResult", "PASS", "approvalOpinion", "同意"));
    object(pi, f, "事故已结案, 不应一票否决");
    fireTimer(pi, "Event_ObjectionReviewOverdue");
    assertThat(pi).isWaitingAt("Task_ReviewObjection", "Task_SuperviseOverdueObjection", "Task_SuperviseOverdueCollection");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(2);

    // the notice period ends and the review is done: the results wait until the supervision is recorded
    completeAs("econ1", pi, "Task_ReviewObjection", Map.of("objectionDecision", "DISMISSED", "reviewOpinion", "事故处理决定认定为较大事故"));
    fireTimer(pi, "Event_NoticePeriodEnds");
    assertThat(pi).isWaitingAt("Task_SuperviseOverdueObjection", "Task_SuperviseOverdueCollection")
        .hasNotPassed("Task_PublishYieldResults");
    completeAs("supervisor1", pi, "Task_SuperviseOverdueObjection", Map.of("supervisionAction", "RECORD", "supervisionOpinion", "记录在案"));
    assertThat(pi).hasPassed("Task_PublishYieldResults").isWaitingAt("Task_SuperviseOverdueCollection");
  }

  @Test
  void aCampaignListWithABadEntryIsRefusedAndStartsNothing() {
    Map<String, Object> bad = new HashMap<>(firm(0));
    bad.put("scale", "HUGE");
    assertThatThrownBy(() -> campaign(List.of(bad))).hasMessageContaining("规模应为 ABOVE");
    Map<String, Object> code = new HashMap<>(firm(0));
    code.put("creditCode", "91370100MA9Y02000X");
    assertThatThrownBy(() -> campaign(List.of(code))).hasMessageContaining("校验位错误");
  }
}
