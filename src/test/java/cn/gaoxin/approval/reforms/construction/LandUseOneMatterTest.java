package cn.gaoxin.approval.reforms.construction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * 用地一件事 (land-use-one-matter), every path, and the project roadmap for three project profiles. Clock: Monday
 * 2026-03-02 09:00. Item GX-YDYJS-001: the butler claims within 1 working day (due 3 Mar), the roadmap is reviewed
 * within the promised 3 (due 5 Mar). Butlers other than the demo butler1 get unique ids so the per-butler limit of
 * open projects (3) is counted per test.
 */
class LandUseOneMatterTest extends ConstructionScenarioTest {

  static final String ITEM = "GX-YDYJS-001";
  static final List<String> ALL = List.of("LAND_APPLICATION", "BUSINESS_LICENCE", "INVESTMENT_AGREEMENT",
      "PROJECT_PROPOSAL", "SITE_LAYOUT");
  static final AtomicInteger BUTLERS = new AtomicInteger();

  @Autowired RoadmapController roadmaps;

  @BeforeEach
  void monday() {
    clockAt(LocalDateTime.of(2026, 3, 2, 9, 0));
  }

  static String newButler() {
    return "butler-t" + BUTLERS.incrementAndGet();
  }

  /** 青岛中医药传承创新基地: bio-medicine inside the assessed area, modest size and energy use. */
  static Map<String, Object> profileMedicine() {
    return profile("BIO_MEDICINE", 60, 38000, 36, "TABLE", true, 1200, false, false, false, false);
  }

  /** A large manufacturing plant outside the assessed area, on farmland, with water intake and a shelter basement. */
  static Map<String, Object> profileLargePlant() {
    return profile("GENERAL_MANUFACTURING", 120, 45000, 24, "REPORT", false, 6000, true, true, true, false);
  }

  /** A hazardous-chemicals plant inside the assessed area with high energy use. */
  static Map<String, Object> profileChemicals() {
    return profile("HAZARDOUS_CHEMICALS", 30, 12000, 30, "REPORT", true, 8000, false, false, false, true);
  }

  static Map<String, Object> profile(String industry, double landArea, double floorArea, double height, String eia,
      boolean inside, double energy, boolean water, boolean farmland, boolean underground, boolean night) {
    Map<String, Object> p = new HashMap<>();
    p.put("projectName", "青岛中医药传承创新基地");
    p.put("industryCategory", industry);
    p.put("landArea", landArea);
    p.put("totalFloorArea", floorArea);
    p.put("buildingHeight", height);
    p.put("eiaCategory", eia);
    p.put("insideAssessedArea", inside);
    p.put("annualEnergyUse", energy);
    p.put("newWaterIntake", water);
    p.put("farmlandConversion", farmland);
    p.put("undergroundSpace", underground);
    p.put("nightWork", night);
    p.put("claimDecision", "APPROVE");
    return p;
  }

  private ProcessInstance accepted() {
    ProcessInstance pi = apply(ITEM, null, ALL, false,
        Map.of("projectName", "青岛中医药传承创新基地", "projectAddress", "青岛高新区火炬支路以东"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    return pi;
  }

  private ProcessInstance roadmapFor(String butler, Map<String, Object> profile) {
    ProcessInstance pi = accepted();
    completeAs(butler, pi, "Task_ClaimProject", profile);
    return pi;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> roadmapOf(ProcessInstance pi) {
    ResponseEntity<?> response = roadmaps.roadmap(pi.getBusinessKey(), CREDIT_CODE);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return (Map<String, Object>) response.getBody();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Map<String, Object> roadmap) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> stage : (List<Map<String, Object>>) roadmap.get("stages")) {
      out.addAll((List<Map<String, Object>>) stage.get("items"));
    }
    return out;
  }

  private static List<String> codes(Map<String, Object> roadmap, String status) {
    return items(roadmap).stream().filter(i -> status.equals(i.get("status"))).map(i -> (String) i.get("code")).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> summary(Map<String, Object> roadmap) {
    return (Map<String, Object>) roadmap.get("summary");
  }

  /** Handles every item of the running stage as the butler, then confirms the stage. Returns the items handled. */
  private int completeStage(ProcessInstance pi, String butler) {
    ProcessInstance stage = child(pi);
    runJobs(stage);
    List<Task> items = tasks(stage, "Task_TrackChecklistItem");
    for (Task t : items) {
      assertThat(candidateUsers(t)).containsExactly(butler);
      String code = (String) engine.getTaskService().getVariable(t.getId(), "checklistItemCode");
      engine.getTaskService().complete(t.getId(), Map.of("itemResult", "DONE", "documentNumber", "青高审批〔2026〕" + code));
    }
    Task confirm = task(stage, "Task_ConfirmStage");
    assertThat(candidateUsers(confirm)).containsExactly(butler);
    engine.getTaskService().complete(confirm.getId(),
        Map.of("stageDecision", "CONFIRM", "stageSummary", "本阶段事项已全部办结, 请准备下一阶段材料。"));
    return items.size();
  }

  @Test
  void butlerClaimsTheProjectAndGuidesItThroughAllThreeStages() {
    ProcessInstance pi = accepted();
    assertThat(pi).hasPassed("Task_AcceptApplication").isWaitingAt("Task_ClaimProject");
    assertThat(candidateGroups(task(pi, "Task_ClaimProject"))).containsExactly("project-butlers");
    assertThat(task(pi, "Task_ClaimProject").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 3)));
    assertThat(roadmaps.roadmap(pi.getBusinessKey(), CREDIT_CODE).getStatusCode().value()).as("no roadmap yet").isEqualTo(409);

    completeAs("butler1", pi, "Task_ClaimProject", profileMedicine());
    assertThat(variable(pi, "projectButler")).isEqualTo("butler1");
    assertThat(variable(pi, "projectButlerName")).isEqualTo("罗晨");
    assertThat(pi).hasPassed("Task_DecideApplicableItems", "Task_DecideRegionalCoverage", "Task_ComposeRoadmap")
        .isWaitingAt("Task_ReviewRoadmap");
    Task review = task(pi, "Task_ReviewRoadmap");
    assertThat(candidateUsers(review)).as("offered to the project's butler").containsExactly("butler1");
    assertThat(candidateGroups(review)).containsExactly("project-butlers");
    assertThat(review.getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 5)));
    String text = (String) engine.getTaskService().getVariable(review.getId(), "roadmapText");
    assertThat(text).contains("适用事项 34 项", "共享区域评估成果免办 6 项", "【用地准备阶段】", "建设项目职业病危害预评价",
        "生产建设项目水土保持方案审批 (评估评价类 · 水务局 · 承诺 10 个工作日) — 区域评估成果共享, 免于单独办理");

    completeAs("butler1", pi, "Task_ReviewRoadmap", Map.of("roadmapDecision", "APPROVE", "butlerMessage", "首个阶段请先准备项目备案材料。"));
    assertThat(variable(pi, "caseStatus")).isEqualTo("ROADMAP_ISSUED");
    assertThat(variable(pi, "decidedAt")).as("the roadmap is not the case's decision").isNull();
    assertThat(notices(pi).get(1).body()).contains("罗晨", "34 个适用事项", "6 个事项共享园区区域评估成果", "首个阶段请先准备项目备案材料");
    assertThat(pi).isWaitingAt("Activity_PreparationStage");

    // stage 1: 用地准备 — 5 items, one of them found not needed (with a reason)
    ProcessInstance stage = child(pi);
    runJobs(stage);
    assertThat(engine.getRuntimeService().getVariable(stage.getId(), "stageName")).isEqualTo("用地准备阶段");
    assertThat(stage.getBusinessKey()).isEqualTo(pi.getBusinessKey());
    Task filing = taskWhere(stage, "Task_TrackChecklistItem", "checklistItemCode", "LU-01");
    assertThat(filing.getDueDate()).as("企业投资项目备案: 1 working day").isEqualTo(endOfDay(LocalDate.of(2026, 3, 3)));
    Task preAssessment = taskWhere(stage, "Task_TrackChecklistItem", "checklistItemCode", "LU-15");
    assertThatThrownBy(() -> engine.getTaskService().complete(preAssessment.getId(), Map.of("itemResult", "NOT_NEEDED")))
        .hasMessageContaining("无需办理的理由");
    engine.getTaskService().complete(preAssessment.getId(),
        Map.of("itemResult", "NOT_NEEDED", "itemNote", "中药饮片生产线经卫健部门确认不属于职业病危害严重项目"));
    assertThat(completeStage(pi, "butler1")).isEqualTo(4);
    assertThat(pi).hasPassed("Activity_PreparationStage", "Task_RecordPreparationStage").isWaitingAt("Activity_SupplyStage");
    Map<String, Object> roadmap = roadmapOf(pi);
    assertThat(summary(roadmap).get("done")).isEqualTo(5);
    assertThat(items(roadmap)).filteredOn(i -> "LU-01".equals(i.get("code"))).singleElement()
        .satisfies(i -> assertThat(i).containsEntry("status", "DONE").containsEntry("documentNumber", "青高审批〔2026〕LU-01"));
    assertThat(items(roadmap)).filteredOn(i -> "LU-15".equals(i.get("code"))).singleElement()
        .satisfies(i -> assertThat(i).containsEntry("status", "NOT_NEEDED"));

    // stage 2: 土地供应 — 11 items; stage 3: 开工准备 — 18 items
    assertThat(completeStage(pi, "butler1")).isEqualTo(11);
    assertThat(completeStage(pi, "butler1")).isEqualTo(18);

    assertThat(pi).isEnded().hasPassed("Task_RecordPreConstructionStage", "Task_NotifyCompleted", "Event_LandUseCompleted");
    assertThat(variable(pi, "caseStatus")).isEqualTo("LAND_USE_COMPLETED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("LAND_USE_COMPLETED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("decidedAt")
        .processInstanceIdIn(engine.getHistoryService().createHistoricProcessInstanceQuery()
            .superProcessInstanceId(pi.getId()).list().stream().map(h -> h.getId()).toArray(String[]::new))
        .count()).as("the stages record no decision of their own").isZero();
    assertThat(summary(roadmapOf(pi)).get("done")).isEqualTo(34);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "LAND_USE_ROADMAP_ISSUED", "LAND_USE_STAGE_COMPLETED",
        "LAND_USE_STAGE_COMPLETED", "LAND_USE_STAGE_COMPLETED", "LAND_USE_COMPLETED");
    assertThat(variable(pi, "inPersonVisits")).isEqualTo(0);
  }

  @Test
  void roadmapOfABioMedicineProjectInsideTheAssessedArea() {
    ProcessInstance pi = roadmapFor(newButler(), profileMedicine());
    Map<String, Object> roadmap = roadmapOf(pi);
    assertThat(summary(roadmap)).containsEntry("checklistTotal", 53).containsEntry("required", 34)
        .containsEntry("shared", 6).containsEntry("notApplicable", 13);
    assertThat(codes(roadmap, "SHARED")).containsExactly("LU-03", "LU-06", "LU-07", "LU-08", "LU-09", "LU-10");
    assertThat(codes(roadmap, "REQUIRED")).contains("LU-01", "LU-12", "LU-15", "LU-36", "LU-38", "LU-04", "LU-53")
        .doesNotContain("LU-02", "LU-11", "LU-14", "LU-16", "LU-17", "LU-18", "LU-28", "LU-35", "LU-37", "LU-39", "LU-52");
  }

  @Test
  void roadmapOfALargePlantOutsideTheAssessedAreaOnFarmland() {
    ProcessInstance pi = roadmapFor(newButler(), profileLargePlant());
    Map<String, Object> roadmap = roadmapOf(pi);
    assertThat(summary(roadmap)).containsEntry("required", 43).containsEntry("shared", 0).containsEntry("notApplicable", 10);
    assertThat(codes(roadmap, "SHARED")).isEmpty();
    assertThat(codes(roadmap, "REQUIRED")).contains("LU-01", "LU-03", "LU-06", "LU-07", "LU-08", "LU-09", "LU-10",
        "LU-11", "LU-14", "LU-16", "LU-18", "LU-28", "LU-35", "LU-37")
        .doesNotContain("LU-12", "LU-15", "LU-36", "LU-38", "LU-52");
    assertThat(items(roadmap)).filteredOn(i -> "LU-06".equals(i.get("code"))).singleElement()
        .satisfies(i -> assertThat((String) i.get("note")).contains("不覆盖本项目"));
  }

  @Test
  void roadmapOfAHazardousChemicalsPlantSharesOnlyPartOfTheRegionalAssessments() {
    ProcessInstance pi = roadmapFor(newButler(), profileChemicals());
    Map<String, Object> roadmap = roadmapOf(pi);
    assertThat(summary(roadmap)).containsEntry("required", 40).containsEntry("shared", 3).containsEntry("notApplicable", 10);
    assertThat(codes(roadmap, "SHARED")).containsExactly("LU-06", "LU-08", "LU-09");
    assertThat(codes(roadmap, "REQUIRED")).contains("LU-02", "LU-03", "LU-07", "LU-10", "LU-11", "LU-15", "LU-17",
        "LU-35", "LU-38", "LU-39", "LU-52").doesNotContain("LU-01", "LU-36");
    assertThat(variable(pi, "requiredItemCount")).isEqualTo(40);
  }

  @Test
  void theRoadmapIsShownOnlyWithTheApplicantsCreditCode() {
    ProcessInstance pi = roadmapFor(newButler(), profileMedicine());
    assertThat(roadmaps.roadmap(pi.getBusinessKey(), "91350100M000100Y44").getStatusCode().value()).isEqualTo(404);
    assertThat(roadmaps.roadmap(pi.getBusinessKey(), null).getStatusCode().value()).isEqualTo(404);
    assertThat(roadmaps.checklist()).containsKeys("stages", "categories", "regionalAssessments", "items");
  }

  @Test
  void theClaimNeedsAClaimedTaskAndACompleteProfile() {
    ProcessInstance pi = accepted();
    String id = task(pi, "Task_ClaimProject").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(id, profileMedicine())).hasMessageContaining("请先认领");
    engine.getTaskService().claim(id, newButler());
    Map<String, Object> incomplete = new HashMap<>(profileMedicine());
    incomplete.remove("industryCategory");
    incomplete.put("landArea", 0);
    assertThatThrownBy(() -> engine.getTaskService().complete(id, incomplete))
        .hasMessageContaining("请选择行业类别").hasMessageContaining("用地面积 (亩)应为大于 0 的数字");
    assertThat(pi).isWaitingAt("Task_ClaimProject");
  }

  @Test
  void aButlerLeadsAtMostThreeOpenProjects() {
    String butler = newButler();
    for (int i = 0; i < 3; i++) {
      roadmapFor(butler, profileMedicine());
    }
    ProcessInstance fourth = accepted();
    String id = task(fourth, "Task_ClaimProject").getId();
    engine.getTaskService().claim(id, butler);
    assertThatThrownBy(() -> engine.getTaskService().complete(id, profileMedicine())).hasMessageContaining("3 个上限");
    engine.getTaskService().setAssignee(id, newButler());
    engine.getTaskService().complete(id, profileMedicine());
    assertThat(fourth).isWaitingAt("Task_ReviewRoadmap");
  }

  @Test
  void anUnclaimedProjectIsSupervised() {
    ProcessInstance pi = accepted();
    fireTimer(pi, "Event_ClaimOverdue");
    assertThat(pi).isWaitingAt("Task_ClaimProject", "Task_SuperviseUnclaimedProject");
  }

  @Test
  void anOverdueRoadmapReviewIsSupervised() {
    ProcessInstance pi = roadmapFor(newButler(), profileLargePlant());
    fireTimer(pi, "Event_RoadmapOverdue");
    assertThat(pi).isWaitingAt("Task_ReviewRoadmap", "Task_SuperviseOverdueRoadmap");
  }

  @Test
  void missingCoreMaterialsAreNotifiedOnce() {
    ProcessInstance pi = apply(ITEM, null, List.of("LAND_APPLICATION"), false, Map.of("projectName", "青岛中医药传承创新基地"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(pi).isWaitingAt("Gateway_WaitResubmission");
    assertThat(notices(pi)).singleElement().satisfies(n -> assertThat(n.body()).contains("营业执照: 未提交", "项目投资协议 (入园协议): 未提交"));
  }

  private static Map<String, Object> returned(String reason) {
    return Map.of("claimDecision", "RETURN", "claimReturnReason", reason);
  }

  @Test
  void theButlerReturnsTheApplicationForCorrectionAndChecksTheCorrectedProject() {
    ProcessInstance pi = accepted();
    String butler = newButler();
    Task claim = task(pi, "Task_ClaimProject");
    engine.getTaskService().claim(claim.getId(), butler);
    assertThatThrownBy(() -> engine.getTaskService().complete(claim.getId(), Map.of("claimDecision", "RETURN")))
        .hasMessageContaining("需申请人补正的全部内容");

    engine.getTaskService().complete(claim.getId(),
        returned("1. 项目投资协议中的用地面积 (80 亩) 与用地申请 (60 亩) 不一致; 2. 项目建议书未写明年综合能源消费量"));
    assertThat(pi).hasPassed("Gateway_ProjectChecked", "Task_ReturnForCorrection")
        .hasNotPassed("Task_DecideApplicableItems").isWaitingAt("Gateway_WaitCorrection");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION");
    assertThat(notices(pi).get(1).body()).contains("项目服务管家", "用地面积 (80 亩) 与用地申请 (60 亩) 不一致",
        "未写明年综合能源消费量", "逾期未补正的, 不予受理");
    assertThat(variable(pi, "caseStatus")).isEqualTo("RETURNED");
    assertThat(variable(pi, "projectButler")).as("a return takes no project on").isNull();
    assertThat(variable(pi, "decidedAt")).isNull();
    assertThat(roadmaps.roadmap(pi.getBusinessKey(), CREDIT_CODE).getStatusCode().value()).isEqualTo(409);

    clockAt(LocalDateTime.of(2026, 3, 5, 10, 0));
    correlate(pi, "MaterialsResubmitted", Map.of("submittedMaterials", cn.gaoxin.approval.cases.CaseVariables.json(ALL)));
    assertThat(pi).isWaitingAt("Task_RecheckCorrection");
    completeAs("window1", pi, "Task_RecheckCorrection", Map.of());
    // the corrected project is checked again, within the acceptance limit counted from now, by any butler
    assertThat(pi).isWaitingAt("Task_ClaimProject");
    Task again = task(pi, "Task_ClaimProject");
    assertThat(again.getAssignee()).isNull();
    assertThat(again.getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 6)));
    assertThat(timer(pi, "Event_ClaimOverdue").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 6)));
    assertThat(engine.getTaskService().getVariable(again.getId(), "claimDecision")).as("a fresh conclusion").isNull();

    completeAs(butler, pi, "Task_ClaimProject", profileMedicine());
    assertThat(variable(pi, "projectButler")).isEqualTo(butler);
    assertThat(pi).hasPassed("Task_ComposeRoadmap").isWaitingAt("Task_ReviewRoadmap");
    completeAs(butler, pi, "Task_ReviewRoadmap", Map.of("roadmapDecision", "APPROVE"));
    assertThat(variable(pi, "caseStatus")).isEqualTo("ROADMAP_ISSUED");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION", "LAND_USE_ROADMAP_ISSUED");
    assertThat(pi).isWaitingAt("Activity_PreparationStage");
  }

  @Test
  void aReturnNotCorrectedInTimeIsNotAccepted() {
    ProcessInstance pi = accepted();
    completeAs(newButler(), pi, "Task_ClaimProject", returned("项目投资协议未盖章"));
    // 5 working days from Monday 2 March
    assertThat(timer(pi, "Event_CorrectionDeadlinePassed").getDuedate()).isAfter(endOfDay(LocalDate.of(2026, 3, 6)));

    fireTimer(pi, "Event_CorrectionDeadlinePassed");
    assertThat(pi).isEnded().hasPassed("Task_CloseNotAcceptedAfterReturn", "Event_NotAcceptedAfterReturn")
        .hasNotPassed("Task_RecheckCorrection", "Task_DecideApplicableItems");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_ACCEPTED");
    assertThat(variable(pi, "decidedAt")).isNull();
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION", "NOT_ACCEPTED");
  }

  @Test
  void theRoadmapReviewSendsTheProjectBackToItsButlerToCheckAgain() {
    String butler = newButler();
    // recorded by mistake as a large plant outside the assessed area
    ProcessInstance pi = roadmapFor(butler, profileLargePlant());
    assertThat(variable(pi, "requiredItemCount")).isEqualTo(43);
    String reviewId = task(pi, "Task_ReviewRoadmap").getId();
    engine.getTaskService().claim(reviewId, butler);
    assertThatThrownBy(() -> engine.getTaskService().complete(reviewId, Map.of("roadmapDecision", "RETURN")))
        .hasMessageContaining("退回重新核实的理由");
    engine.getTaskService().complete(reviewId, Map.of("roadmapDecision", "RETURN",
        "roadmapReturnReason", "项目位于火炬支路已完成区域评估的片区内, 行业类别应为生物医药, 请重新核实"));

    assertThat(pi).hasPassed("Gateway_RoadmapReviewed").hasNotPassed("Task_RecordRoadmapIssued")
        .isWaitingAt("Task_ClaimProject");
    Task check = task(pi, "Task_ClaimProject");
    assertThat(check.getAssignee()).as("back to the project's butler").isEqualTo(butler);
    assertThat(engine.getTaskService().getVariable(check.getId(), "roadmapReturnReason")).asString()
        .contains("行业类别应为生物医药");
    assertThat(noticeTypes(pi)).as("an internal return tells the applicant nothing").containsExactly("ACCEPTED");
    assertThat(variable(pi, "caseStatus")).isNotEqualTo("ROADMAP_ISSUED");

    completeAs(butler, pi, "Task_ClaimProject", profileMedicine());
    assertThat(variable(pi, "requiredItemCount")).as("the roadmap is composed again").isEqualTo(34);
    assertThat(summary(roadmapOf(pi))).containsEntry("shared", 6);
    completeAs(butler, pi, "Task_ReviewRoadmap", Map.of("roadmapDecision", "APPROVE"));
    assertThat(variable(pi, "caseStatus")).isEqualTo("ROADMAP_ISSUED");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "roadmapReturnReason")).isNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("Task_ComposeRoadmap").count()).isEqualTo(2);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "LAND_USE_ROADMAP_ISSUED");
    assertThat(variable(pi, "decidedAt")).isNull();
  }
}
