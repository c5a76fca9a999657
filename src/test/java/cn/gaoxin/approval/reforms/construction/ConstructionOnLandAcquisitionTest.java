package cn.gaoxin.approval.reforms.construction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.clerks.TaskOperations;
import cn.gaoxin.approval.licences.Licence;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 拿地即开工 (construction-on-land-acquisition), every path. Clock: Monday 2026-03-02 09:00. Item GX-NDJKG-001
 * promises 10 working days for the pre-reviews (due 16 Mar); the land contract is awaited 90 calendar days
 * (periods.landContractWait = P90D). The design scheme is reviewed jointly (会签 of planning, housing, fire
 * protection and civil air defence: all must agree, one objection ends it, 加签 adds a department); the construction
 * permit pre-review is signed by any one official of the housing department (或签).
 */
class ConstructionOnLandAcquisitionTest extends ConstructionScenarioTest {

  static final String ITEM = "GX-NDJKG-001";
  static final List<String> ALL = List.of("LAND_DEAL_CONFIRMATION", "BUSINESS_LICENCE", "DESIGN_SCHEME",
      "PLANNING_APPLICATION", "PERMIT_APPLICATION", "CONSTRUCTION_DRAWINGS", "CONSTRUCTION_CONTRACT", "SUPERVISION_CONTRACT");
  static final String[] REVIEWS = {"Task_ReviewDesign", "Task_ReviewPlanning", "Task_ReviewConstruction"};
  /** The departments of the design countersign (catalog signers.land-acquisition-design-review) and one clerk each. */
  static final Map<String, String> DESIGN_SIGNERS = new LinkedHashMap<>();
  static {
    DESIGN_SIGNERS.put("natural-resources", "natres1");
    DESIGN_SIGNERS.put("housing-construction", "housing1");
    DESIGN_SIGNERS.put("fire-protection", "fire1");
    DESIGN_SIGNERS.put("civil-air-defence", "airdef1");
  }

  @Autowired TaskOperations operations;

  @BeforeEach
  void monday() {
    clockAt(LocalDateTime.of(2026, 3, 2, 9, 0));
  }

  private ProcessInstance accepted() {
    ProcessInstance pi = apply(ITEM, null, ALL, false,
        Map.of("projectName", "铁姆肯 (湘潭) 轴承有限公司扩产项目", "landParcelNumber", "XTGX-2026-07"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    runJobs(pi); // each pre-review starts in its own transaction
    return pi;
  }

  private void approveAll(ProcessInstance pi) {
    approveDesign(pi);
    completeAs("natres1", pi, "Task_ReviewPlanning", Map.of("planningReviewDecision", "APPROVE"));
    signPermit(pi, "housing1", "APPROVE", "施工图已审查合格, 施工合同齐全");
    runJobs(pi); // the join of the pre-reviews is asynchronous
  }

  /** One department's signature in the design countersign, by that department's clerk. */
  private void signDesign(ProcessInstance pi, String department, String opinion, String reason) {
    complete(DESIGN_SIGNERS.get(department), taskWhere(pi, "Task_ReviewDesign", "signerGroup", department),
        Map.of("signOpinion", opinion, "signReason", reason));
  }

  private void approveDesign(ProcessInstance pi) {
    DESIGN_SIGNERS.keySet().forEach(d -> signDesign(pi, d, "APPROVE", "符合出让条件和本部门技术规定"));
  }

  /** One housing official's signature in the permit pre-review (或签): each official has their own task. */
  private void signPermit(ProcessInstance pi, String official, String opinion, String reason) {
    complete(official, taskWhere(pi, "Task_ReviewConstruction", "signer", official),
        Map.of("signOpinion", opinion, "signReason", reason));
  }

  private Object departmentOf(String group) {
    return catalog.department(group).map(cn.gaoxin.approval.catalog.Department::name).orElse(group);
  }

  @Autowired cn.gaoxin.approval.catalog.ServiceCatalog catalog;

  private List<String> caseComments(ProcessInstance pi) {
    return engine.getTaskService().getProcessInstanceComments(pi.getId()).stream().map(Comment::getFullMessage).toList();
  }

  @Test
  void permitsIssueAtOnceWhenTheContractIsSignedAfterThePreReviews() {
    ProcessInstance pi = accepted();
    assertThat(pi).isWaitingAt(REVIEWS).isWaitingAt("Gateway_WaitLandContract");
    for (String review : REVIEWS) {
      assertThat(tasks(pi, review)).as(review)
          .allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 16))));
    }
    assertThat(tasks(pi, "Task_ReviewDesign")).as("one signer task per department")
        .flatExtracting(this::candidateGroups)
        .containsExactlyInAnyOrder("natural-resources", "housing-construction", "fire-protection", "civil-air-defence");
    assertThat(candidateGroups(task(pi, "Task_ReviewPlanning"))).containsExactly("natural-resources");
    assertThat(tasks(pi, "Task_ReviewConstruction")).as("one task per housing official")
        .extracting(Task::getAssignee).containsExactlyInAnyOrder("housing1", "housing2");
    assertThat(tasks(pi, "Task_ReviewConstruction")).allSatisfy(t ->
        assertThat(candidateGroups(t)).containsExactly("housing-construction"));

    approveAll(pi);
    assertThat(pi).hasPassed("Task_RecordPermitsPrepared", "Event_PreReviewCompleted").isWaitingAt("Gateway_WaitLandContract");
    assertThat(variable(pi, "caseStatus")).isEqualTo("PERMITS_PREPARED");
    // the decision is taken when the pre-reviews pass, not when the permits are issued on the contract's day
    assertThat(variable(pi, "decisionStatus")).isEqualTo("PERMITS_PREPARED");
    assertThat(variable(pi, "decidedAt")).isEqualTo(Date.from(LocalDateTime.of(2026, 3, 2, 9, 0)
        .atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    assertThat(licencesOf(pi)).isEmpty();

    clockAt(LocalDateTime.of(2026, 4, 20, 15, 30));
    correlate(pi, "LandContractSigned", Map.of("landContractNumber", "湘潭高新出让〔2026〕17号"));

    assertThat(pi).isEnded().hasPassed("Task_IssueLandUsePlanningPermit", "Task_IssueEngineeringPlanningPermit",
        "Task_IssueConstructionPermit", "Task_NotifyPermitsIssued", "Event_PermitsIssued");
    assertThat(licencesOf(pi)).extracting(Licence::title)
        .containsExactly("建设用地规划许可证", "建设工程规划许可证", "建筑工程施工许可证");
    assertThat(licencesOf(pi)).extracting(Licence::issuedBy)
        .containsExactly("自然资源和规划局", "自然资源和规划局", "住房和城乡建设局");
    assertThat(licencesOf(pi)).allSatisfy(l ->
        assertThat(l.issuedAt()).isEqualTo(Date.from(LocalDateTime.of(2026, 4, 20, 15, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant()).toInstant()));
    assertThat(variable(pi, "caseStatus")).isEqualTo("APPROVED");
    String notice = notices(pi).get(notices(pi).size() - 1).body();
    assertThat(notice).contains("湘潭高新出让〔2026〕17号", (String) variable(pi, "constructionPermitNumber"),
        (String) variable(pi, "landUsePlanningPermitNumber"));
  }

  @Test
  void contractSignedFirstIssuesThePermitsWhenTheLastPreReviewPasses() {
    ProcessInstance pi = accepted();
    correlate(pi, "LandContractSigned", Map.of("landContractNumber", "湘潭高新出让〔2026〕18号"));
    assertThat(pi).hasPassed("Event_LandContractSigned").isWaitingAt(REVIEWS);
    assertThat(licencesOf(pi)).isEmpty();

    approveDesign(pi);
    signPermit(pi, "housing2", "APPROVE", "同意");
    assertThat(licencesOf(pi)).isEmpty();
    completeAs("natres1", pi, "Task_ReviewPlanning", Map.of("planningReviewDecision", "APPROVE"));
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Event_PermitsIssued");
    assertThat(licencesOf(pi)).hasSize(3);
  }

  @Test
  void contractNeverSignedClosesThePreparedWork() {
    ProcessInstance pi = accepted();
    approveDesign(pi);
    assertThat(timer(pi, "Event_ContractWaitExpired").getDuedate())
        .isEqualTo(Date.from(LocalDateTime.of(2026, 5, 31, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));

    fireTimer(pi, "Event_ContractWaitExpired");

    assertThat(pi).isEnded().hasPassed("Task_ClosePreparedWork", "Task_NotifyPreparationClosed", "Event_PreparationClosed")
        .hasNotPassed("Gateway_JoinIssue");
    assertThat(task(pi, "Task_ReviewPlanning")).as("open pre-reviews are closed").isNull();
    assertThat(variable(pi, "caseStatus")).isEqualTo("PREPARATION_CLOSED");
    assertThat(variable(pi, "decidedAt")).as("the pre-reviews never all passed: no decision").isNull();
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(licencesOf(pi)).isEmpty();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "LAND_PREPARATION_CLOSED");
  }

  @Test
  void oneDepartmentsObjectionEndsTheDesignCountersignAndTheCase() {
    ProcessInstance pi = accepted();
    completeAs("natres1", pi, "Task_ReviewPlanning", Map.of("planningReviewDecision", "APPROVE"));
    signDesign(pi, "natural-resources", "APPROVE", "容积率、建筑密度符合规划条件");
    String fireTask = taskWhere(pi, "Task_ReviewDesign", "signerGroup", "fire-protection").getId();
    engine.getTaskService().claim(fireTask, "fire1");
    assertThatThrownBy(() -> engine.getTaskService().complete(fireTask, Map.of("signOpinion", "REJECT")))
        .hasMessageContaining("签署理由");
    assertThatThrownBy(() -> engine.getTaskService().complete(fireTask, Map.of("signOpinion", "MAYBE", "signReason", "x")))
        .hasMessageContaining("签署意见");
    signDesign(pi, "fire-protection", "REJECT", "消防车道宽度不足 4 米, 不满足 GB 50016 要求");

    // the countersign ends at the first objection: housing and civil air defence no longer have anything to sign
    assertThat(pi).isEnded().hasPassed("Event_DesignRejected", "Task_RecordPreReviewRejected", "Event_PreReviewRejectedEnd");
    assertThat(tasks(pi, "Task_ReviewDesign")).isEmpty();
    assertThat(tasks(pi, "Task_ReviewConstruction")).isEmpty();
    assertThat(variable(pi, "caseStatus")).isEqualTo("REJECTED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("REJECTED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
    assertThat(variable(pi, "designReviewDecision")).isEqualTo("REJECT");
    assertThat(notices(pi).get(1).body()).contains("消防救援机构: 消防车道宽度不足 4 米")
        .doesNotContain("容积率、建筑密度符合规划条件");
    assertThat(caseComments(pi)).contains("【会签】fire1 (消防救援机构) 不同意: 消防车道宽度不足 4 米, 不满足 GB 50016 要求",
        "【会签】natres1 (自然资源和规划局) 同意: 容积率、建筑密度符合规划条件");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_ReviewDesign").list()).hasSize(4)
        .filteredOn(t -> "deleted".equals(t.getDeleteReason())).hasSize(2);
    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void theDesignCountersignPassesOnlyWhenEveryDepartmentAgrees() {
    ProcessInstance pi = accepted();
    signDesign(pi, "natural-resources", "APPROVE", "符合规划条件");
    signDesign(pi, "housing-construction", "APPROVE", "符合建筑节能和结构安全要求");
    signDesign(pi, "fire-protection", "APPROVE", "消防设计符合规范");
    assertThat(pi).isWaitingAt("Task_ReviewDesign");
    assertThat(tasks(pi, "Task_ReviewDesign")).singleElement()
        .satisfies(t -> assertThat(candidateGroups(t)).containsExactly("civil-air-defence"));
    signDesign(pi, "civil-air-defence", "APPROVE", "防空地下室面积符合配建标准");

    assertThat(pi).hasPassed("Gateway_DesignApproved").isWaitingAt("Task_ReviewPlanning", "Task_ReviewConstruction");
    assertThat(variable(pi, "designReviewDecision")).isEqualTo("APPROVE");
    assertThat(caseComments(pi)).filteredOn(c -> c.startsWith("【会签】")).hasSize(4);
    // each department's opinion stays with its own signature in the history (the permit officials have not signed)
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("signReason").list()).extracting(v -> v.getValue()).filteredOn(Objects::nonNull)
        .containsExactlyInAnyOrder("符合规划条件", "符合建筑节能和结构安全要求", "消防设计符合规范", "防空地下室面积符合配建标准");
  }

  @Test
  void anAddedDepartmentMustAlsoAgree() {
    ProcessInstance pi = accepted();
    String fireTask = taskWhere(pi, "Task_ReviewDesign", "signerGroup", "fire-protection").getId();
    engine.getIdentityService().setAuthentication("fire1", List.of("fire-protection"));
    try {
      operations.addSigner(fireTask, "archives", null, "地下室设档案库房, 请城建档案馆一并审查");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(tasks(pi, "Task_ReviewDesign")).hasSize(5);
    // the new signer joined the running multi-instance: it now counts five instances
    String execution = taskWhere(pi, "Task_ReviewDesign", "signerGroup", "archives").getExecutionId();
    assertThat(engine.getRuntimeService().getVariable(execution, "nrOfInstances")).isEqualTo(5);
    assertThat(engine.getRuntimeService().getVariable(execution, "nrOfActiveInstances")).isEqualTo(5);
    assertThat(engine.getRuntimeService().getVariable(execution, "countersignSigners").toString())
        .contains("natural-resources", "fire-protection", "archives");
    assertThat(candidateGroups(taskWhere(pi, "Task_ReviewDesign", "signerGroup", "archives"))).containsExactly("archives");
    assertThat(taskWhere(pi, "Task_ReviewDesign", "signerGroup", "archives").getDueDate())
        .isEqualTo(endOfDay(LocalDate.of(2026, 3, 16)));

    approveDesign(pi);
    assertThat(pi).as("the added department has not signed yet").isWaitingAt("Task_ReviewDesign");
    complete("archives1", taskWhere(pi, "Task_ReviewDesign", "signerGroup", "archives"),
        Map.of("signOpinion", "APPROVE", "signReason", "档案库房设计符合要求"));
    assertThat(pi).hasPassed("Gateway_DesignApproved");
    assertThat(variable(pi, "designReviewDecision")).isEqualTo("APPROVE");
    assertThat(caseComments(pi)).anySatisfy(c -> assertThat(c).startsWith("【加签】fire1").contains("城建档案馆", "档案库房"));
  }

  @Test
  void anyOneHousingOfficialSignsThePermitPreReview() {
    ProcessInstance pi = accepted();
    assertThat(tasks(pi, "Task_ReviewConstruction")).hasSize(2);
    signPermit(pi, "housing1", "APPROVE", "施工图已审查合格, 施工、监理合同齐全");

    // the first agreement decides: the other official's task is withdrawn
    assertThat(tasks(pi, "Task_ReviewConstruction")).isEmpty();
    assertThat(pi).hasPassed("Gateway_ConstructionApproved");
    assertThat(variable(pi, "permitReviewDecision")).isEqualTo("APPROVE");
    assertThat(caseComments(pi)).contains("【或签】housing1 (住房和城乡建设局 周伟) 同意: 施工图已审查合格, 施工、监理合同齐全");
  }

  @Test
  void anOfficialsObjectionLeavesThePermitPreReviewToTheOthers() {
    ProcessInstance pi = accepted();
    signPermit(pi, "housing2", "REJECT", "监理合同未盖章");
    assertThat(tasks(pi, "Task_ReviewConstruction")).extracting(Task::getAssignee).containsExactly("housing1");
    assertThat(pi).isWaitingAt("Task_ReviewConstruction");

    signPermit(pi, "housing1", "REJECT", "施工合同与中标通知书金额不一致");
    assertThat(pi).isEnded().hasPassed("Event_ConstructionRejected", "Event_PreReviewRejectedEnd");
    assertThat(notices(pi).get(1).body()).contains("住房和城乡建设局 高远: 监理合同未盖章",
        "住房和城乡建设局 周伟: 施工合同与中标通知书金额不一致");
  }

  @Test
  void overduePreReviewsAreSupervised() {
    ProcessInstance pi = accepted();
    fireTimer(pi, "Event_PreReviewOverdue");
    assertThat(pi).isWaitingAt("Task_SupervisePreReview").isWaitingAt(REVIEWS);
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);
  }

  @Test
  void incompleteApplicationGetsTheOneTimeNotification() {
    ProcessInstance pi = apply(ITEM, null, List.of("LAND_DEAL_CONFIRMATION", "BUSINESS_LICENCE"), false,
        Map.of("projectName", "金杯电工新能源线缆项目", "landParcelNumber", "XTGX-2026-09"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(pi).isWaitingAt("Gateway_WaitResubmission").hasNotPassed("Gateway_ForkPreparation");
    assertThat(notices(pi).get(0).body()).contains("建设工程设计方案 (总平面图及效果图): 未提交");
    assertThat(variable(pi, "decidedAt")).isNull();
  }

  /** The applicant corrects online and the window re-checks: the case goes back into the pre-reviews. */
  private void correct(ProcessInstance pi) {
    correlate(pi, "MaterialsResubmitted", Map.of("submittedMaterials", cn.gaoxin.approval.cases.CaseVariables.json(ALL)));
    completeAs("window1", pi, "Task_RecheckCorrection", Map.of());
    runJobs(pi);
  }

  @Test
  void returnsInTheCountersignAndThePlanningPreReviewGoToTheApplicantInOneNotice() {
    ProcessInstance pi = accepted();
    signDesign(pi, "natural-resources", "APPROVE", "符合规划条件");
    signDesign(pi, "fire-protection", "RETURN", "请补充消防总平面图 (标注消防车道和登高场地)");
    // a return does not end the countersign: the other departments still sign
    assertThat(tasks(pi, "Task_ReviewDesign")).hasSize(2);
    signDesign(pi, "housing-construction", "APPROVE", "符合建筑节能要求");
    signDesign(pi, "civil-air-defence", "RETURN", "请补充防空地下室平战转换设计说明");
    assertThat(variable(pi, "designReviewDecision")).isEqualTo("RETURN");
    completeAs("natres1", pi, "Task_ReviewPlanning", Map.of("planningReviewDecision", "RETURN",
        "planningReviewOpinion", "建设工程规划许可申请表缺少建筑面积指标"));
    assertThat(noticeTypes(pi)).as("nothing is sent while a pre-review is still open").containsExactly("ACCEPTED");
    signPermit(pi, "housing1", "APPROVE", "施工图已审查合格");
    runJobs(pi);

    assertThat(pi).hasPassed("Event_PreReviewReturned", "Task_ReturnForCorrection")
        .hasNotPassed("Task_RecordPermitsPrepared").isWaitingAt("Gateway_WaitCorrection", "Gateway_WaitLandContract");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION");
    assertThat(notices(pi).get(1).body()).contains(
        "1. 设计方案联合审查 (会签): 消防救援机构: 请补充消防总平面图 (标注消防车道和登高场地); 人防办公室: 请补充防空地下室平战转换设计说明"
            .replace("人防办公室", (String) departmentOf("civil-air-defence")),
        "2. 自然资源和规划局 (规划许可预审): 建设工程规划许可申请表缺少建筑面积指标")
        .doesNotContain("符合规划条件", "施工图已审查合格");
    assertThat(variable(pi, "caseStatus")).isEqualTo("RETURNED");
    assertThat(variable(pi, "decidedAt")).isNull();
    assertThat(caseComments(pi)).contains("【会签】fire1 (消防救援机构) 退回补正: 请补充消防总平面图 (标注消防车道和登高场地)");

    clockAt(LocalDateTime.of(2026, 3, 5, 10, 0));
    correct(pi);
    // only the returning pre-reviews run again; the whole countersign signs the corrected design again
    assertThat(pi).isWaitingAt("Task_ReviewDesign", "Task_ReviewPlanning").isNotWaitingAt("Task_ReviewConstruction");
    assertThat(tasks(pi, "Task_ReviewDesign")).flatExtracting(this::candidateGroups)
        .containsExactlyInAnyOrder("natural-resources", "housing-construction", "fire-protection", "civil-air-defence");
    approveDesign(pi);
    completeAs("natres1", pi, "Task_ReviewPlanning", Map.of("planningReviewDecision", "APPROVE"));
    runJobs(pi);
    assertThat(pi).hasPassed("Task_RecordPermitsPrepared").isWaitingAt("Gateway_WaitLandContract");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("PERMITS_PREPARED");
    assertThat(variable(pi, "decidedAt")).isEqualTo(Date.from(LocalDateTime.of(2026, 3, 5, 10, 0)
        .atZone(ZoneId.of("Asia/Shanghai")).toInstant()));

    correlate(pi, "LandContractSigned", Map.of("landContractNumber", "湘潭高新出让〔2026〕21号"));
    assertThat(pi).isEnded().hasPassed("Event_PermitsIssued");
    assertThat(licencesOf(pi)).hasSize(3);
  }

  @Test
  void whenNoHousingOfficialAgreesAReturnSendsTheOrSignBackToTheApplicant() {
    ProcessInstance pi = accepted();
    approveDesign(pi);
    completeAs("natres1", pi, "Task_ReviewPlanning", Map.of("planningReviewDecision", "APPROVE"));
    signPermit(pi, "housing2", "RETURN", "监理合同未盖章, 请补正");
    assertThat(pi).as("the other official may still agree").isWaitingAt("Task_ReviewConstruction");
    signPermit(pi, "housing1", "REJECT", "施工合同与中标通知书金额不一致");
    runJobs(pi);
    assertThat(variable(pi, "permitReviewDecision")).isEqualTo("RETURN");
    assertThat(pi).hasPassed("Task_ReturnForCorrection").isWaitingAt("Gateway_WaitCorrection");
    assertThat(notices(pi).get(1).body()).contains("1. 住房和城乡建设局 (施工许可预审): 住房和城乡建设局 高远: 监理合同未盖章, 请补正")
        .doesNotContain("设计方案联合审查");

    correct(pi);
    assertThat(pi).isWaitingAt("Task_ReviewConstruction").isNotWaitingAt("Task_ReviewDesign", "Task_ReviewPlanning");
    assertThat(tasks(pi, "Task_ReviewConstruction")).hasSize(2);
    signPermit(pi, "housing1", "APPROVE", "监理合同已补正");
    runJobs(pi);
    assertThat(pi).hasPassed("Task_RecordPermitsPrepared");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("PERMITS_PREPARED");
  }

  @Test
  void anObjectionOutweighsAReturnInTheCountersign() {
    ProcessInstance pi = accepted();
    signDesign(pi, "natural-resources", "RETURN", "请补充日照分析");
    signDesign(pi, "fire-protection", "REJECT", "消防车道宽度不足 4 米, 不满足 GB 50016 要求");
    assertThat(pi).isEnded().hasPassed("Event_DesignRejected").hasNotPassed("Task_ReturnForCorrection");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("REJECTED");
    assertThat(notices(pi).get(1).body()).contains("消防车道宽度不足").doesNotContain("日照分析");
  }

  @Test
  void aReturnNotCorrectedInTimeIsNotAccepted() {
    ProcessInstance pi = accepted();
    approveDesign(pi);
    completeAs("natres1", pi, "Task_ReviewPlanning", Map.of("planningReviewDecision", "RETURN",
        "planningReviewOpinion", "建设工程规划许可申请表缺少建筑面积指标"));
    signPermit(pi, "housing1", "APPROVE", "同意");
    runJobs(pi);
    // 5 working days from Monday 2 March: Monday 9 March
    assertThat(timer(pi, "Event_CorrectionDeadlinePassed").getDuedate()).isAfter(endOfDay(LocalDate.of(2026, 3, 6)));

    fireTimer(pi, "Event_CorrectionDeadlinePassed");
    assertThat(pi).isEnded().hasPassed("Task_CloseNotAcceptedAfterReturn", "Event_NotAcceptedAfterReturn")
        .hasNotPassed("Gateway_JoinIssue", "Task_RecordPermitsPrepared");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_ACCEPTED");
    assertThat(variable(pi, "decidedAt")).isNull();
    assertThat(variable(pi, "decisionStatus")).isNull();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION", "NOT_ACCEPTED");
    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId()).count()).isZero();
  }
}
