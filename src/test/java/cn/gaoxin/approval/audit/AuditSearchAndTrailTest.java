package cn.gaoxin.approval.audit;

import static cn.gaoxin.approval.audit.AuditScenarioSupport.FOOD;
import static cn.gaoxin.approval.audit.AuditScenarioSupport.planned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gaoxin.approval.audit.simulation.DemoHistory;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.support.ScenarioTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Case search filters (December 2025 cases), and the audit trail of a case through 容缺, 退回 and supervision. */
// the same application context as the audit REST and browser tests (a web server on a random port): one context
// for all audit tests, so no context switch evicts the one the engine REST API depends on
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditSearchAndTrailTest extends ScenarioTest {

  @Autowired DemoHistory demo;
  @Autowired CaseSearch search;
  @Autowired AuditTrailService trails;
  @Autowired CaseSummaryStore summaries;

  static final LocalDate DEC1 = LocalDate.of(2025, 12, 1);
  static final LocalDate DEC5 = LocalDate.of(2025, 12, 5);

  @Test
  void everyFilterNarrowsTheSearch() {
    String jia = AuditScenarioSupport.creditCode(21);
    String yi = AuditScenarioSupport.creditCode(22);
    AuditScenarioSupport.play(demo, List.of(
        planned("APPROVED", LocalDateTime.of(2025, 12, 1, 9, 0), "ONLINE", "湘潭甲子科技有限公司", jia, FOOD,
            Map.of("reviewDays", 1)),
        planned("REJECTED", LocalDateTime.of(2025, 12, 3, 9, 0), "COUNTER", "长春乙丑生物有限公司", yi, FOOD,
            Map.of("reviewDays", 1)),
        planned("OPEN", LocalDateTime.of(2025, 12, 5, 9, 0), "ONLINE", "湘潭甲子科技有限公司", jia, "WJ-GGWS-001",
            Map.of())));

    CaseSearch.Page all = find(null, null, null, null, null, DEC1, DEC5);
    assertThat(all.total()).isEqualTo(3);
    assertThat(all.rows()).extracting(CaseSummary::applicantName)
        .containsExactly("湘潭甲子科技有限公司", "长春乙丑生物有限公司", "湘潭甲子科技有限公司"); // newest first
    String rejected = all.rows().get(1).caseNumber();

    assertThat(find(rejected, null, null, null, null, null, null).rows()).singleElement()
        .satisfies(s -> assertThat(s.caseStatus()).isEqualTo("REJECTED"));
    assertThat(find(rejected.toLowerCase(), null, null, null, null, null, null).total()).isEqualTo(1);
    assertThat(search.search(new CaseSearch.Criteria(null, AuditScenarioSupport.REFORM, null, null, null, null, DEC1,
        DEC5, false), 0, 20).total()).isEqualTo(3);
    assertThat(search.search(new CaseSearch.Criteria(null, "no-such-reform", null, null, null, null, DEC1, DEC5,
        false), 0, 20).total()).isZero();
    assertThat(find(null, jia, null, null, null, null, null).total()).isEqualTo(2);
    assertThat(find(null, null, "甲子", null, null, DEC1, DEC5).total()).isEqualTo(2);
    assertThat(find(null, null, "100%_", null, null, DEC1, DEC5).total()).isZero();
    assertThat(find(null, null, null, "health", null, DEC1, DEC5).rows()).singleElement()
        .satisfies(s -> assertThat(s.itemCode()).isEqualTo("WJ-GGWS-001"));
    assertThat(find(null, null, null, null, "REJECTED", DEC1, DEC5).rows()).singleElement()
        .satisfies(s -> assertThat(s.caseNumber()).isEqualTo(rejected));
    assertThat(find(null, null, null, null, null, LocalDate.of(2025, 12, 2), LocalDate.of(2025, 12, 4)).rows())
        .singleElement().satisfies(s -> assertThat(s.caseNumber()).isEqualTo(rejected));
    assertThat(find(null, jia, null, "market-regulation", "APPROVED", DEC1, DEC1).total()).isEqualTo(1);

    CaseSearch.Criteria dec = new CaseSearch.Criteria(null, AuditScenarioSupport.REFORM, null, null, null, null, DEC1,
        DEC5, false);
    CaseSearch.Page first = search.search(dec, 0, 2);
    CaseSearch.Page second = search.search(dec, 1, 2);
    assertThat(first.total()).isEqualTo(3);
    assertThat(first.rows()).hasSize(2);
    assertThat(second.rows()).hasSize(1);
    assertThat(second.rows().get(0).caseNumber()).isNotIn(first.rows().stream().map(CaseSummary::caseNumber).toList());

    assertThatThrownBy(() -> search.search(dec, 0, 500)).hasMessageContaining("每页条数");
    assertThatThrownBy(() -> new CaseSearch.Criteria(null, null, null, null, null, null, DEC5, DEC1, false))
        .hasMessageContaining("结束日期不能早于开始日期");
  }

  private CaseSearch.Page find(String caseNumber, String creditCode, String applicant, String department,
      String status, LocalDate from, LocalDate to) {
    // within the reform: finished cases also get follow-up cases (service-follow-up) of the same applicant
    return search.search(new CaseSearch.Criteria(caseNumber, AuditScenarioSupport.REFORM, creditCode, applicant,
        department, status, from, to, false), 0, 20);
  }

  @Test
  void trailOfACaseThroughTolerantAcceptanceReturnAndSupervision() {
    clockAt(LocalDateTime.of(2026, 3, 2, 9, 0)); // Monday; 食品经营许可 promises 5 working days (due Mon 9 March)
    ProcessInstance pi = apply(FOOD, List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID"), true);
    as("window1", () -> completeAs("window1", pi, "Task_VerifyMaterials", Map.of()));

    clockAt(LocalDateTime.of(2026, 3, 3, 10, 0));
    correlate(pi, "MaterialsSupplemented", Map.of("supplementedMaterials", CaseVariables.json(List.of("PREMISES_PROOF"))));
    as("window2", () -> completeAs("window2", pi, "Task_VerifySupplement",
        Map.of("supplementResult", "REJECT", "supplementNote", "缺少布局图和管理制度, 退回补充")));

    clockAt(LocalDateTime.of(2026, 3, 4, 11, 0));
    Task review = task(pi, "Task_ReviewApplication");
    as("market1", () -> {
      engine.getTaskService().claim(review.getId(), "market1");
      engine.getTaskService().setAssignee(review.getId(), "market2"); // 转办
    });
    fireTimer(pi, "Event_ReviewOverdue"); // end of Mon 9 March
    as("supervisor1", () -> completeAs("supervisor1", pi, "Task_SuperviseOverdueReview",
        Map.of("supervisionAction", "URGE", "supervisionOpinion", "已超承诺时限, 请于今日办结")));
    clockAt(LocalDateTime.of(2026, 3, 10, 15, 0));
    as("market2", () -> {
      engine.getTaskService().createComment(review.getId(), pi.getId(), "经督办, 今日审查");
      engine.getTaskService().complete(review.getId(),
          Map.of("reviewDecision", "RETURN", "decisionReason", "申请书经营项目与布局图不一致, 请一并补正"));
    });
    clockAt(LocalDateTime.of(2026, 3, 11, 10, 0));
    correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(List.of(
        "APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID", "PREMISES_PROOF", "LAYOUT_PLAN", "SAFETY_RULES"))));
    as("window1", () -> completeAs("window1", pi, "Task_VerifyMaterials", Map.of()));
    clockAt(LocalDateTime.of(2026, 3, 11, 15, 0));
    as("market1", () -> completeAs("market1", pi, "Task_ReviewApplication",
        Map.of("reviewDecision", "APPROVE", "decisionReason", "补正后符合条件")));
    clockAt(LocalDateTime.of(2026, 3, 12, 9, 0));
    if (task(pi, "Task_VerifySupplement") == null && engine.getRuntimeService().createEventSubscriptionQuery()
        .processInstanceId(pi.getId()).eventName("MaterialsSupplemented").count() > 0) {
      correlate(pi, "MaterialsSupplemented", Map.of("supplementedMaterials",
          CaseVariables.json(List.of("PREMISES_PROOF", "LAYOUT_PLAN", "SAFETY_RULES"))));
      as("window1", () -> completeAs("window1", pi, "Task_VerifySupplement", Map.of("supplementResult", "ACCEPT")));
    }
    runJobs(pi); // 容缺受理 issues the licence in an async step

    CaseTrail trail = trails.trail(pi.getBusinessKey()).orElseThrow();
    CaseTrail.Header h = trail.header();
    assertThat(h.caseNumber()).isEqualTo(pi.getBusinessKey());
    assertThat(h.reformName()).isEqualTo("容缺受理");
    assertThat(h.tolerantAcceptance()).isTrue();
    assertThat(h.supervisionEvents()).isEqualTo(1);
    assertThat(h.caseStatusLabel()).isEqualTo("准予许可");
    assertThat(h.stateLabel()).isEqualTo("已办结");
    assertThat(h.departmentName()).isEqualTo("市场监督管理局");
    // applied Mon 2 March, decided Wed 11 March: 7 working days; the promised limit runs again from the
    // acceptance after correction (11 March), so the decision itself came within it
    assertThat(h.daysToDecision()).isEqualTo(7);
    assertThat(h.promisedDays()).isEqualTo(5);
    assertThat(h.daysFromAcceptance()).isZero();
    assertThat(h.onTime()).isTrue();

    List<CaseTrail.Step> tasks = trail.steps().stream().filter(s -> s.type().equals("userTask")).toList();
    assertThat(tasks).extracting(CaseTrail.Step::name).startsWith("窗口核验材料", "部门审查并决定", "核验补齐材料",
        "效能监察督办", "窗口核验材料", "部门审查并决定");
    CaseTrail.Step returnedSupplement = tasks.get(2);
    assertThat(returnedSupplement.userId()).isEqualTo("window2");
    assertThat(returnedSupplement.userName()).isEqualTo("刘洋");
    assertThat(returnedSupplement.userDepartments()).containsExactly("综合窗口");
    assertThat(returnedSupplement.outcome()).isEqualTo("REJECT");
    assertThat(returnedSupplement.reason()).isEqualTo("缺少布局图和管理制度, 退回补充");
    CaseTrail.Step returned = tasks.get(1);
    assertThat(returned.userId()).isEqualTo("market2");
    assertThat(returned.candidateGroups()).containsExactly("市场监督管理局");
    assertThat(returned.outcome()).isEqualTo("RETURN");
    assertThat(returned.outcomeLabel()).isEqualTo("退回补正");
    assertThat(returned.reason()).isEqualTo("申请书经营项目与布局图不一致, 请一并补正");
    assertThat(returned.workingDaysAllowed()).isEqualTo(5);
    assertThat(returned.workingDaysUsed()).isEqualTo(6);
    assertThat(returned.overdue()).isTrue();
    assertThat(returned.comments()).singleElement()
        .satisfies(c -> assertThat(c.message()).isEqualTo("经督办, 今日审查"));
    CaseTrail.Step supervision = tasks.get(3);
    assertThat(supervision.kind()).isEqualTo("supervision");
    assertThat(supervision.userName()).isEqualTo("赵刚");
    assertThat(supervision.outcomeLabel()).isEqualTo("督办");
    assertThat(supervision.reason()).isEqualTo("已超承诺时限, 请于今日办结");
    CaseTrail.Step approved = tasks.get(5);
    assertThat(approved.userId()).isEqualTo("market1");
    assertThat(approved.outcomeLabel()).isEqualTo("准予");
    assertThat(approved.overdue()).isFalse();
    assertThat(trail.steps()).anySatisfy(s -> {
      assertThat(s.kind()).isEqualTo("overdue");
      assertThat(s.name()).isEqualTo("审查超期");
    });
    assertThat(trail.steps()).anySatisfy(s -> assertThat(s.activityId()).isEqualTo("Task_ReturnForCorrection"));

    assertThat(trail.operations()).extracting(CaseTrail.Operation::type).contains("Claim", "Assign", "Complete");
    assertThat(trail.operations()).anySatisfy(o -> {
      assertThat(o.type()).isEqualTo("Assign");
      assertThat(o.userId()).isEqualTo("market1");
      assertThat(o.to()).isEqualTo("market2");
      assertThat(o.step()).isEqualTo("部门审查并决定");
    });
    assertThat(trail.variableChanges()).anySatisfy(v -> {
      assertThat(v.name()).isEqualTo("supervisionEvents");
      assertThat(v.value()).isEqualTo("1");
      assertThat(v.step()).isEqualTo("审查超期");
    });
    assertThat(trail.variableChanges()).anySatisfy(v -> {
      assertThat(v.name()).isEqualTo("caseStatus");
      assertThat(v.value()).isEqualTo("RETURNED");
    });
    assertThat(trail.notices()).extracting(CaseTrail.NoticeEntry::type)
        .startsWith("ACCEPTED_ON_COMMITMENT", "RETURNED_FOR_CORRECTION").contains("DECISION_APPROVED");
    assertThat(trail.licences()).singleElement().satisfies(l -> assertThat(l.title()).isEqualTo("食品经营许可证"));

    AuditTrailService.Diagram diagram = trails.diagram(pi.getBusinessKey()).orElseThrow();
    assertThat(diagram.xml()).contains("incomplete-materials-acceptance");
    assertThat(diagram.completed()).contains("Task_AcceptOnCommitment", "Task_VerifySupplement", "Event_ReviewOverdue",
        "Task_SuperviseOverdueReview", "Task_ReturnForCorrection", "Task_IssueLicence", "Event_Approved")
        .doesNotContain("Task_SendOneTimeNotification", "Task_NotifyRejection");
    assertThat(diagram.active()).isEmpty();
    assertThat(diagram.flows()).contains("Flow_DeferrableMissing", "Flow_SupplementRejected", "Flow_Return",
        "Flow_Overdue_Supervise", "Flow_Approved").doesNotContain("Flow_CoreMissing", "Flow_Rejected");
    assertThat(diagram.overdue()).containsExactly("Event_ReviewOverdue");

    CaseSummary summary = summaries.byCaseNumber(pi.getBusinessKey()).orElseThrow();
    assertThat(summary.endState()).isEqualTo(CaseSummary.COMPLETED);
    assertThat(summary.supervisionEvents()).isEqualTo(1);
    assertThat(summary.tolerantAcceptance()).isTrue();
  }

  @Test
  void rejectedAndWithdrawnCasesEndAsTheyShould() {
    String code = AuditScenarioSupport.creditCode(23);
    AuditScenarioSupport.play(demo, List.of(
        planned("REJECTED", LocalDateTime.of(2025, 12, 8, 9, 0), "ONLINE", "重庆丙寅餐饮有限公司", code, FOOD, Map.of()),
        planned("WITHDRAWN", LocalDateTime.of(2025, 12, 8, 9, 0), "ONLINE", "重庆丙寅餐饮有限公司", code, FOOD, Map.of())));
    List<CaseSummary> rows = search.search(new CaseSearch.Criteria(null, AuditScenarioSupport.REFORM, code, null, null,
        null, null, null, false), 0, 10).rows();
    assertThat(rows).extracting(CaseSummary::caseStatus).containsExactlyInAnyOrder("REJECTED", "WITHDRAWN");
    assertThat(rows).filteredOn(r -> r.caseStatus().equals("REJECTED")).singleElement()
        .satisfies(r -> assertThat(r.endState()).isEqualTo(CaseSummary.COMPLETED));
    CaseSummary withdrawn = rows.stream().filter(r -> r.caseStatus().equals("WITHDRAWN")).findFirst().orElseThrow();
    assertThat(withdrawn.decidedAt()).isNull();
    CaseTrail trail = trails.trail(withdrawn.caseNumber()).orElseThrow();
    assertThat(trail.header().caseStatusLabel()).isEqualTo("已撤回");
    assertThat(trail.header().deleteReason()).isEqualTo("经营场所变更, 另行申请");
    assertThat(trail.steps()).extracting(CaseTrail.Step::name).contains("申请人撤回申请", "记录撤回");
    assertThat(trail.variableChanges()).anySatisfy(v -> {
      assertThat(v.name()).isEqualTo("withdrawalReason");
      assertThat(v.value()).isEqualTo("经营场所变更, 另行申请");
    });
    assertThat(trail.notices()).extracting(CaseTrail.NoticeEntry::type).contains("WITHDRAWN");
  }

  @Test
  void theTrailOfACaseHoldingAnObjectVariableShowsIt() {
    // e.g. 亩产效益 keeps its DMN result as an object: history is read without deserializing objects, which once
    // made the whole trail of such a case fail ("Object is not deserialized")
    BpmnModelInstance model = Bpmn.createExecutableProcess("trail-object-probe").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Look").name("查看").camundaCandidateGroups("auditors").endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("trail-object-probe.bpmn", model).deploy();
    Map<String, Object> grade = new java.util.LinkedHashMap<>(Map.of("grade", "A"));
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("trail-object-probe", "GX-PROBE-OBJ-1",
        Variables.createVariables().putValueTyped("yieldResult",
            Variables.objectValue(grade).serializationDataFormat(Variables.SerializationDataFormats.JSON).create()));
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .singleResult().getId());

    CaseTrail trail = trails.trail("GX-PROBE-OBJ-1").orElseThrow();

    assertThat(trail.variableChanges()).anySatisfy(v -> {
      assertThat(v.name()).isEqualTo("yieldResult");
      assertThat(v.value()).contains("\"grade\"").contains("\"A\"");
    });
    assertThat(trail.steps()).extracting(CaseTrail.Step::name).contains("查看");
  }

  private void as(String user, Runnable action) {
    var groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId()).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      action.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
