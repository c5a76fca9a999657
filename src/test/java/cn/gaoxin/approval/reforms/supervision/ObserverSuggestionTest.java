package cn.gaoxin.approval.reforms.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.reforms.supervision.ledger.RectificationLedger;
import cn.gaoxin.approval.support.ScenarioTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 营商环境观察员 (observer-suggestion), every path. The clock starts on Friday 2026-04-03, the day before the Qingming
 * holiday (4–6 April), so due dates run over it: triage 3 working days (due Thu 9 April), rectification 20 working
 * days (over Qingming and the May Day holiday 1–5 May: due Thu 7 May), verification 5 working days (Mon 13 April).
 */
class ObserverSuggestionTest extends ScenarioTest {

  @Autowired RectificationLedger ledger;
  @Autowired SupervisionReportsController reports;

  @BeforeEach
  void fridayBeforeQingming() {
    clockAt(LocalDateTime.of(2026, 4, 3, 9, 30));
  }

  ProcessInstance suggest(String title) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("applicantName", "谢泽帆");
    vars.put("observerSector", "企业家代表 (华南新材料创新园)");
    vars.put("contactPhone", "13926001234");
    vars.put("suggestionCategory", "审批服务");
    vars.put("suggestionTitle", title);
    vars.put("suggestionContent", "园区企业反映施工许可办理中多次被要求补交同一份材料, 建议推行一次性告知。");
    return engine.getRuntimeService().startProcessInstanceByKey("observer-suggestion", vars);
  }

  void triageAccept(ProcessInstance pi, String department) {
    completeAs("reform1", pi, "Task_TriageSuggestion", Map.of("triageResult", "ACCEPT",
        "rectificationDepartment", department, "problemSummary", "施工许可重复要求补交材料, 未落实一次性告知"));
  }

  @Test
  void acceptedSuggestionIsRectifiedVerifiedAndAnswered() {
    ProcessInstance pi = suggest("施工许可材料反复补交");
    assertThat(pi).isWaitingAt("Task_TriageSuggestion");
    assertThat(pi.getBusinessKey()).matches("GX-2026-\\d{6}");
    assertThat(variable(pi, "itemCode")).isEqualTo("YSHJ-GCY-001");
    assertThat(variable(pi, "inPersonVisits")).isEqualTo(0);
    assertThat(candidateGroups(pi, "Task_TriageSuggestion")).containsExactly("reform-office");
    assertThat(task(pi, "Task_TriageSuggestion").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 9)));

    triageAccept(pi, "housing-construction");

    assertThat(pi).hasPassed("Task_OpenLedgerEntry", "Task_NotifyLedgerOpened").isWaitingAt("Task_Rectify");
    assertThat(variable(pi, "decidedAt")).as("not decided yet").isNull();
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(candidateGroups(pi, "Task_Rectify")).containsExactly("housing-construction");
    assertThat(task(pi, "Task_Rectify").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 5, 7)));
    String number = (String) variable(pi, "ledgerNumber");
    assertThat(number).matches("TZ-2026-\\d{6}");
    assertThat(variable(pi, "departmentName")).isEqualTo("住房和城乡建设局");
    assertThat(variable(pi, "rectificationDueDateText")).isEqualTo("2026年5月7日");
    assertThat(ledger.find(number)).get().satisfies(e -> {
      assertThat(e.status()).isEqualTo(RectificationLedger.Status.OPEN);
      assertThat(e.source()).isEqualTo(RectificationLedger.Source.OBSERVER_SUGGESTION);
      assertThat(e.category()).isEqualTo("审批服务");
      assertThat(e.title()).contains("一次性告知");
    });
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.type()).isEqualTo("OBSERVER_SUGGESTION_ACCEPTED");
      assertThat(n.recipient()).isEqualTo("13926001234");
      assertThat(n.body()).contains("谢泽帆", number, "住房和城乡建设局", "2026年5月7日");
    });

    clockAt(LocalDateTime.of(2026, 4, 10, 16, 0));
    assertThatThrownBy(() -> completeAs("housing1", pi, "Task_Rectify", Map.of()))
        .hasMessageContaining("请填写整改措施");
    completeAs("housing1", pi, "Task_Rectify", Map.of("rectificationMeasures", "印发一次性告知清单, 窗口人员培训 2 次, 已回访企业"));
    assertThat(pi).hasPassed("Task_RecordRectification").isWaitingAt("Task_VerifyRectification");
    assertThat(ledger.find(number).get().status()).isEqualTo(RectificationLedger.Status.SUBMITTED);
    assertThat(task(pi, "Task_VerifyRectification").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 17)));

    completeAs("reform1", pi, "Task_VerifyRectification", Map.of("verificationResult", "PASS"));
    assertThat(ledger.find(number).get().status()).isEqualTo(RectificationLedger.Status.RECTIFIED);
    assertThat(pi).isWaitingAt("Task_DraftReply");
    completeAs("reform1", pi, "Task_DraftReply", Map.of("replyText", "问题已整改, 欢迎继续监督。"));

    assertThat(pi).isEnded().hasPassed("Task_SendReply", "Task_RecordReplied", "Event_SuggestionClosed")
        .hasNotPassed("Task_ReplyNotApplicable", "Task_ReopenLedgerEntry");
    assertThat(variable(pi, "caseStatus")).isEqualTo("REPLIED");
    assertThat(variable(pi, "decidedAt")).as("decided").isNotNull();
    assertThat(variable(pi, "decisionStatus")).isEqualTo("REPLIED");
    assertThat(noticeTypes(pi)).containsExactly("OBSERVER_SUGGESTION_ACCEPTED", "OBSERVER_SUGGESTION_REPLY");
    assertThat(notices(pi).get(1).body()).contains("印发一次性告知清单", "问题已整改");
  }

  @Test
  void notApplicableSuggestionIsAnsweredWithTheReason() {
    ProcessInstance pi = suggest("建议延长食堂营业时间");
    assertThatThrownBy(() -> completeAs("reform1", pi, "Task_TriageSuggestion", Map.of("triageResult", "NOT_APPLICABLE")))
        .hasMessageContaining("必须写明理由");
    completeAs("reform1", pi, "Task_TriageSuggestion",
        Map.of("triageResult", "NOT_APPLICABLE", "triageOpinion", "属企业内部管理事项, 不属于营商环境问题"));

    assertThat(pi).isEnded().hasPassed("Task_RecordNotApplicable", "Task_ReplyNotApplicable", "Event_ClosedNotApplicable")
        .hasNotPassed("Task_OpenLedgerEntry");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_APPLICABLE");
    assertThat(variable(pi, "decidedAt")).as("decided").isNotNull();
    assertThat(variable(pi, "decisionStatus")).isEqualTo("NOT_APPLICABLE");
    assertThat(variable(pi, "ledgerNumber")).isNull();
    assertThat(ledger.forCase(pi.getBusinessKey(), RectificationLedger.Source.OBSERVER_SUGGESTION)).isEmpty();
    assertThat(notices(pi)).singleElement().satisfies(n -> {
      assertThat(n.type()).isEqualTo("OBSERVER_SUGGESTION_NOT_APPLICABLE");
      assertThat(n.body()).contains("属企业内部管理事项");
    });
  }

  @Test
  void triageRefusesAnAcceptanceWithoutAFunctionalDepartment() {
    ProcessInstance pi = suggest("水电报装时间长");
    String id = task(pi, "Task_TriageSuggestion").getId();
    var tasks = engine.getTaskService();
    assertThatThrownBy(() -> tasks.complete(id, Map.of("triageResult", "ACCEPT", "problemSummary", "x")))
        .hasMessageContaining("必须选择承办整改的职能部门");
    assertThatThrownBy(() -> tasks.complete(id, Map.of("triageResult", "ACCEPT", "problemSummary", "x",
        "rectificationDepartment", "water-board"))).hasMessageContaining("不在部门目录中");
    assertThatThrownBy(() -> tasks.complete(id, Map.of("triageResult", "ACCEPT", "problemSummary", "x",
        "rectificationDepartment", "service-agents"))).hasMessageContaining("不是职能部门");
    assertThatThrownBy(() -> tasks.complete(id, Map.of("triageResult", "MAYBE")))
        .hasMessageContaining("请选择研判结果");
    assertThat(pi).isWaitingAt("Task_TriageSuggestion");
    assertThat(ledger.forCase(pi.getBusinessKey(), RectificationLedger.Source.OBSERVER_SUGGESTION)).isEmpty();
  }

  @Test
  void insufficientRectificationGoesBackWithANewDueDate() {
    ProcessInstance pi = suggest("涉企检查过于频繁");
    triageAccept(pi, "market-regulation");
    completeAs("market1", pi, "Task_Rectify", Map.of("rectificationMeasures", "已提醒检查人员"));
    clockAt(LocalDateTime.of(2026, 4, 10, 9, 0));
    assertThatThrownBy(() -> completeAs("reform1", pi, "Task_VerifyRectification", Map.of("verificationResult", "REWORK")))
        .hasMessageContaining("必须写明核验意见");
    completeAs("reform1", pi, "Task_VerifyRectification",
        Map.of("verificationResult", "REWORK", "verificationOpinion", "未建立检查计划统筹制度, 请落实\"双随机\"联合检查"));

    assertThat(pi).hasPassed("Task_ReopenLedgerEntry").isWaitingAt("Task_Rectify");
    // supplement limit: 10 working days from Fri 10 April
    assertThat(task(pi, "Task_Rectify").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 24)));
    String number = (String) variable(pi, "ledgerNumber");
    assertThat(ledger.find(number).get()).satisfies(e -> {
      assertThat(e.status()).isEqualTo(RectificationLedger.Status.REWORK);
      assertThat(e.reworkCount()).isEqualTo(1);
    });

    completeAs("market1", pi, "Task_Rectify", Map.of("rectificationMeasures", "建立涉企检查统筹制度, 推行联合检查"));
    completeAs("reform1", pi, "Task_VerifyRectification", Map.of("verificationResult", "PASS", "verificationOpinion", "已落实"));
    completeAs("reform1", pi, "Task_DraftReply", Map.of("replyText", "已推行联合检查。"));
    assertThat(pi).isEnded();
    assertThat(ledger.find(number).get()).satisfies(e -> {
      assertThat(e.status()).isEqualTo(RectificationLedger.Status.RECTIFIED);
      assertThat(e.measures()).contains("联合检查");
      assertThat(e.closingNote()).isEqualTo("已落实");
    });
  }

  @Test
  void overdueRectificationIsSupervisedAndFlaggedInTheLedger() {
    ProcessInstance pi = suggest("企业用电报装时间长");
    triageAccept(pi, "natural-resources");
    assertThat(timer(pi, "Event_RectificationOverdue").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 5, 7)));

    fireTimer(pi, "Event_RectificationOverdue");

    assertThat(pi).hasPassed("Task_FlagLedgerOverdue").isWaitingAt("Task_Rectify", "Task_SuperviseOverdueRectification");
    assertThat(candidateGroups(pi, "Task_SuperviseOverdueRectification")).containsExactly("supervision");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);
    String number = (String) variable(pi, "ledgerNumber");
    assertThat(ledger.find(number).get().overdueCount()).isEqualTo(1);
    var report = reports.ledger(null, "natural-resources");
    assertThat(report.openItems()).filteredOn(i -> i.ledgerNumber().equals(number))
        .singleElement().satisfies(i -> assertThat(i.overdue()).isTrue());

    completeAs("supervisor1", pi, "Task_SuperviseOverdueRectification",
        Map.of("supervisionAction", "URGE", "supervisionOpinion", "限 3 日内整改到位"));
    completeAs("natres1", pi, "Task_Rectify", Map.of("rectificationMeasures", "开通报装绿色通道"));
    assertThat(pi).isWaitingAt("Task_VerifyRectification");
  }

  @Test
  void overdueTriageIsSupervised() {
    ProcessInstance pi = suggest("惠企政策兑现慢");
    fireTimer(pi, "Event_TriageOverdue");
    assertThat(pi).isWaitingAt("Task_TriageSuggestion", "Task_SuperviseOverdueTriage");
    assertThat(variable(pi, "departmentName")).isEqualTo("营商环境改革办公室");
    completeAs("supervisor1", pi, "Task_SuperviseOverdueTriage", Map.of("supervisionAction", "RECORD", "supervisionOpinion", "记录在案"));
    assertThat(pi).hasPassed("Event_TriageSupervisionRecorded").isWaitingAt("Task_TriageSuggestion");
  }

  @Test
  void overdueVerificationIsSupervised() {
    ProcessInstance pi = suggest("政务大厅停车难");
    triageAccept(pi, "housing-construction");
    completeAs("housing1", pi, "Task_Rectify", Map.of("rectificationMeasures", "增设临时停车位 40 个"));
    assertThat(timer(pi, "Event_VerificationOverdue").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 4, 13)));
    fireTimer(pi, "Event_VerificationOverdue");
    assertThat(pi).isWaitingAt("Task_VerifyRectification", "Task_SuperviseOverdueVerification");
    assertThat(candidateGroups(pi, "Task_SuperviseOverdueVerification")).containsExactly("supervision");
  }

  @Test
  void ledgerReportListsOpenAndRectifiedItemsWithCounts() {
    ProcessInstance open = suggest("项目审批材料多");
    triageAccept(open, "tax");
    ProcessInstance done = suggest("发票领用不便");
    triageAccept(done, "tax");
    completeAs("tax1", done, "Task_Rectify", Map.of("rectificationMeasures", "推行电子发票"));
    completeAs("reform1", done, "Task_VerifyRectification", Map.of("verificationResult", "PASS"));

    var report = reports.ledger("OBSERVER_SUGGESTION", "tax");
    assertThat(report.openItems()).extracting(i -> i.caseNumber()).contains(open.getBusinessKey())
        .doesNotContain(done.getBusinessKey());
    assertThat(report.rectifiedItems()).extracting(i -> i.caseNumber()).contains(done.getBusinessKey());
    assertThat(report.total()).isEqualTo(report.open() + report.rectified() + report.closed());
    assertThat(report.rectificationRate()).isBetween(0.0, 100.0);
    assertThat(report.byDepartment()).containsKey("税务局");
    assertThat(report.benchmark()).contains("42", "41");
    assertThatThrownBy(() -> reports.ledger("COMPLAINT", null)).hasMessageContaining("来源 source 只能是");
  }

  @Test
  void observersCanAlsoSubmitThroughTheApplicantApi() {
    ProcessInstance pi = apply("YSHJ-GCY-001", "observer-suggestion", List.of("SUGGESTION"), false,
        Map.of("suggestionTitle", "跨区通办事项少", "suggestionContent", "建议扩大跨区通办事项范围",
            "suggestionCategory", "审批服务", "observerSector", "行业协会"));
    assertThat(pi).isWaitingAt("Task_TriageSuggestion");
    assertThat(variable(pi, "channel")).isEqualTo("ONLINE");
    assertThat(variable(pi, "itemName")).isEqualTo("营商环境观察员意见建议办理");
    assertThat(variable(pi, "department")).isEqualTo("reform-office");
  }

  @Test
  void eachStartingDepartmentMayStartItsOwnCampaignInTasklist() {
    var auth = engine.getAuthorizationService();
    var create = org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
    var definitions = org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
    assertThat(auth.isUserAuthorized("reform1", List.of("reform-office"), create, definitions, "observer-suggestion")).isTrue();
    assertThat(auth.isUserAuthorized("market1", List.of("market-regulation"), create, definitions, "double-random-inspection")).isTrue();
    assertThat(auth.isUserAuthorized("econ1", List.of("economic-development"), create, definitions, "per-mu-yield-evaluation")).isTrue();
    assertThat(auth.isUserAuthorized("market1", List.of("market-regulation"), create, definitions, "observer-suggestion")).isFalse();
  }

  private List<String> candidateGroups(ProcessInstance pi, String taskKey) {
    return engine.getTaskService().getIdentityLinksForTask(task(pi, taskKey).getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }
}
