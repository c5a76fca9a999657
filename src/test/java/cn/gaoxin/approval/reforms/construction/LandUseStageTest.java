package cn.gaoxin.approval.reforms.construction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.cases.CaseVariables;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 用地阶段办理 (land-use-stage), the reusable stage called three times by 用地一件事, started here on its own with a
 * roadmap as the caller passes it. Clock: Monday 2026-03-02 09:00.
 */
class LandUseStageTest extends ConstructionScenarioTest {

  @BeforeEach
  void monday() {
    clockAt(LocalDateTime.of(2026, 3, 2, 9, 0));
  }

  private static Map<String, Object> item(String code, String name, int days, String status) {
    return Map.of("code", code, "name", name, "category", "PROJECT", "categoryName", "项目立项类",
        "authority", "发展和改革局", "promisedDays", days, "status", status, "statusText", "", "note", "");
  }

  private ProcessInstance startStage(List<Map<String, Object>> items) {
    Map<String, Object> roadmap = Map.of("projectName", "青岛中医药传承创新基地",
        "summary", Map.of("checklistTotal", 53, "required", 2, "shared", 1, "notApplicable", 0, "done", 0),
        "stages", List.of(Map.of("code", "PREPARATION", "name", "用地准备阶段", "items", items)));
    Map<String, Object> vars = new HashMap<>();
    vars.put("itemCode", "GX-YDYJS-001");
    vars.put("applicantName", "青岛国信中医药产业发展有限公司");
    vars.put("creditCode", CREDIT_CODE);
    vars.put("contactName", "张三");
    vars.put("contactPhone", PHONE);
    vars.put("channel", "ONLINE");
    vars.put("roadmap", CaseVariables.json(roadmap));
    vars.put("stageCode", "PREPARATION");
    vars.put("projectName", "青岛中医药传承创新基地");
    vars.put("projectButler", "butler-stage");
    vars.put("projectButlerName", "罗晨");
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceByKey("land-use-stage")
        .businessKey("GX-2026-8" + ThreadLocalRandom.current().nextInt(10000, 99999)).setVariables(vars).execute();
    runJobs(pi); // each item starts in its own transaction
    return pi;
  }

  @Test
  void openItemsAreHandledInParallelByTheProjectButler() {
    ProcessInstance pi = startStage(List.of(item("LU-01", "企业投资项目备案", 1, "REQUIRED"),
        item("LU-04", "建设项目用地预审与选址意见书", 10, "REQUIRED"), item("LU-06", "生产建设项目水土保持方案审批", 10, "SHARED")));
    List<Task> items = tasks(pi, "Task_TrackChecklistItem");
    assertThat(items).hasSize(2).allSatisfy(t -> assertThat(candidateUsers(t)).containsExactly("butler-stage"));
    assertThat(candidateGroups(items.get(0))).containsExactly("project-butlers");
    assertThat(taskWhere(pi, "Task_TrackChecklistItem", "checklistItemCode", "LU-01").getDueDate())
        .isEqualTo(endOfDay(LocalDate.of(2026, 3, 3)));
    assertThat(taskWhere(pi, "Task_TrackChecklistItem", "checklistItemCode", "LU-04").getDueDate())
        .isEqualTo(endOfDay(LocalDate.of(2026, 3, 16)));
    assertThat(variable(pi, "stageItemsText").toString()).contains("1. 企业投资项目备案", "2. 建设项目用地预审与选址意见书")
        .doesNotContain("水土保持");

    engine.getTaskService().complete(taskWhere(pi, "Task_TrackChecklistItem", "checklistItemCode", "LU-04").getId(),
        Map.of("itemResult", "DONE", "documentNumber", "青自然资预〔2026〕12号"));
    assertThat(tasks(pi, "Task_TrackChecklistItem")).hasSize(1);
    engine.getTaskService().complete(taskWhere(pi, "Task_TrackChecklistItem", "checklistItemCode", "LU-01").getId(),
        Map.of("itemResult", "DONE", "documentNumber", "2026-370212-27-03-001234"));

    assertThat(pi).isWaitingAt("Task_ConfirmStage");
    assertThat(candidateUsers(task(pi, "Task_ConfirmStage"))).containsExactly("butler-stage");
    engine.getTaskService().complete(task(pi, "Task_ConfirmStage").getId(),
        Map.of("stageDecision", "CONFIRM", "stageSummary", "用地准备阶段已完成。"));
    assertThat(pi).isEnded().hasPassed("Task_NotifyStageCompleted");
    assertThat(variable(pi, "stageResults").toString()).contains("\"code\":\"LU-04\"", "青自然资预〔2026〕12号",
        "\"code\":\"LU-01\"", "\"result\":\"DONE\"");
    assertThat(notices(pi)).singleElement().satisfies(n -> assertThat(n.body()).contains("用地准备阶段", "用地准备阶段已完成。"));
  }

  @Test
  void aStageWithNothingLeftGoesStraightToTheButlersConfirmation() {
    ProcessInstance pi = startStage(List.of(item("LU-06", "生产建设项目水土保持方案审批", 10, "SHARED"),
        item("LU-01", "企业投资项目备案", 1, "DONE")));
    assertThat(pi).hasNotPassed("SubProcess_ChecklistItem").isWaitingAt("Task_ConfirmStage");
    assertThat(variable(pi, "stageItemCount")).isEqualTo(0);
    assertThat(variable(pi, "stageItemsText")).isEqualTo("本阶段没有需要办理的事项");
  }

  @Test
  void anOverdueItemIsSupervisedWithoutStoppingTheOthers() {
    ProcessInstance pi = startStage(List.of(item("LU-01", "企业投资项目备案", 1, "REQUIRED"),
        item("LU-04", "建设项目用地预审与选址意见书", 10, "REQUIRED")));
    var job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId("Event_ItemOverdue")
        .timers().list().stream().min((a, b) -> a.getDuedate().compareTo(b.getDuedate())).orElseThrow();
    assertThat(job.getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 3)));
    engine.getManagementService().executeJob(job.getId());
    assertThat(tasks(pi, "Task_SuperviseOverdueItem")).hasSize(1);
    assertThat(tasks(pi, "Task_TrackChecklistItem")).hasSize(2);
  }

  @Test
  void aConfirmationThatFindsTheWorkIncompleteSendsTheItemsBackWithTheReason() {
    ProcessInstance pi = startStage(List.of(item("LU-01", "企业投资项目备案", 1, "REQUIRED"),
        item("LU-04", "建设项目用地预审与选址意见书", 10, "REQUIRED")));
    assertThat(variable(pi, "stageItemOptions").toString()).contains("\"value\":\"LU-01\"", "LU-04 建设项目用地预审与选址意见书");
    engine.getTaskService().complete(taskWhere(pi, "Task_TrackChecklistItem", "checklistItemCode", "LU-01").getId(),
        Map.of("itemResult", "NOT_NEEDED", "itemNote", "已办理过备案"));
    engine.getTaskService().complete(taskWhere(pi, "Task_TrackChecklistItem", "checklistItemCode", "LU-04").getId(),
        Map.of("itemResult", "DONE", "documentNumber", "青自然资预〔2026〕12号"));
    String confirm = task(pi, "Task_ConfirmStage").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(confirm, Map.of("stageDecision", "RETURN",
        "returnedItems", CaseVariables.json(List.of("LU-01"))))).hasMessageContaining("退回重办的理由");
    assertThatThrownBy(() -> engine.getTaskService().complete(confirm, Map.of("stageDecision", "RETURN",
        "stageReturnReason", "备案证明未上传"))).hasMessageContaining("需要重新帮办的事项");
    assertThatThrownBy(() -> engine.getTaskService().complete(confirm, Map.of("stageDecision", "RETURN",
        "stageReturnReason", "备案证明未上传", "returnedItems", CaseVariables.json(List.of("LU-53"))))).hasMessageContaining("LU-53");

    clockAt(LocalDateTime.of(2026, 3, 4, 9, 0));
    engine.getTaskService().complete(confirm, Map.of("stageDecision", "RETURN",
        "stageReturnReason", "企业投资项目备案不能以\"已办理过\"为由免办, 请取得本项目的备案证明", "returnedItems", CaseVariables.json(List.of("LU-01"))));
    runJobs(pi);

    // back to the earlier step: only the returned item is handled again, showing the reason
    assertThat(pi).hasPassed("Task_ReopenStageItems").isWaitingAt("Task_TrackChecklistItem").isNotWaitingAt("Task_ConfirmStage");
    List<Task> again = tasks(pi, "Task_TrackChecklistItem");
    assertThat(again).singleElement().satisfies(t -> {
      assertThat(engine.getTaskService().getVariable(t.getId(), "checklistItemCode")).isEqualTo("LU-01");
      assertThat(engine.getTaskService().getVariable(t.getId(), "itemReturnReason")).asString().contains("请取得本项目的备案证明");
      assertThat(t.getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 5)));
    });
    assertThat(variable(pi, "stageReturns").toString()).contains("请取得本项目的备案证明", "\"items\":[\"LU-01\"]");
    assertThat(noticeTypes(pi)).as("the applicant is not told of an internal return").isEmpty();

    engine.getTaskService().complete(again.get(0).getId(),
        Map.of("itemResult", "DONE", "documentNumber", "2026-370212-27-03-001234"));
    assertThat(pi).isWaitingAt("Task_ConfirmStage");
    assertThat(engine.getTaskService().getVariable(task(pi, "Task_ConfirmStage").getId(), "stageDecision"))
        .as("a fresh conclusion").isNull();
    engine.getTaskService().complete(task(pi, "Task_ConfirmStage").getId(),
        Map.of("stageDecision", "CONFIRM", "stageSummary", "用地准备阶段已完成。"));
    assertThat(pi).isEnded().hasPassed("Task_NotifyStageCompleted");
    String results = variable(pi, "stageResults").toString();
    assertThat(results).contains("2026-370212-27-03-001234", "青自然资预〔2026〕12号", "请取得本项目的备案证明")
        .doesNotContain("NOT_NEEDED", "已办理过备案");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_ConfirmStage").finished().count()).isEqualTo(2);
    assertThat(notices(pi)).singleElement().satisfies(n -> assertThat(n.body()).contains("用地准备阶段已完成。"));
  }
}
