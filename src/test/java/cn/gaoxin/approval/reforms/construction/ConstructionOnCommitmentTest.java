package cn.gaoxin.approval.reforms.construction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.licences.LicenceStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 承诺即开工 (construction-on-commitment), every path. Clock: Monday 2026-03-02 09:00. Item ZJ-SGXK-001: permit
 * within 2 hours of the commitment (periods.commitmentPermit = PT2H), regular procedure within the legal 7 working
 * days (due 11 Mar), post-start inspection within postCheck 10 working days (due 16 Mar).
 */
class ConstructionOnCommitmentTest extends ConstructionScenarioTest {

  static final String ITEM = "ZJ-SGXK-001";
  static final List<String> ALL = List.of("PERMIT_APPLICATION", "COMMITMENT_LETTER", "PLANNING_PERMIT",
      "CONSTRUCTION_CONTRACT", "FUNDS_COMMITMENT", "SUPERVISION_CONTRACT", "DRAWINGS_REVIEW", "SAFETY_MEASURES");

  @Autowired RectificationController rectifications;

  @BeforeEach
  void monday() {
    clockAt(LocalDateTime.of(2026, 3, 2, 9, 0));
  }

  private ProcessInstance applyFor(String projectType, String product, boolean signed) {
    Map<String, Object> details = new HashMap<>(Map.of("projectName", "国药科技城一期研发楼", "projectAddress", "青岛高新区锦业路 1 号",
        "projectType", projectType, "highRiskProduct", product, "totalFloorArea", 56000));
    details.put("commitmentSigned", signed);
    ProcessInstance pi = apply(ITEM, null, ALL, false, details);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    return pi;
  }

  private static Date shanghai(LocalDateTime t) {
    return Date.from(t.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }

  private long dueTimers(ProcessInstance pi) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().executable().count();
  }

  @Test
  void permitIssuedWithinTwoHoursRaisesNoEscalationAndTheInspectionPasses() {
    ProcessInstance pi = applyFor("RESEARCH_OFFICE", "NONE", true);
    assertThat(pi).hasPassed("Task_AcceptApplication", "Task_DecideCommitmentEligibility")
        .isWaitingAt("Task_IssuePermitOnCommitment");
    assertThat(variable(pi, "commitmentRoute")).isEqualTo("COMMITMENT");
    assertThat(task(pi, "Task_IssuePermitOnCommitment").getDueDate()).isEqualTo(shanghai(LocalDateTime.of(2026, 3, 2, 11, 0)));
    assertThat(candidateGroups(task(pi, "Task_IssuePermitOnCommitment"))).containsExactly("housing-construction");
    assertThat(timer(pi, "Event_PermitLate").getDuedate()).isEqualTo(shanghai(LocalDateTime.of(2026, 3, 2, 11, 0)));

    clockAt(LocalDateTime.of(2026, 3, 2, 10, 59));
    assertThat(dueTimers(pi)).as("2-hour timer not yet due").isZero();
    completeAs("housing1", pi, "Task_IssuePermitOnCommitment", Map.of("reviewDecision", "APPROVE", "decisionReason", "承诺事项齐全"));

    assertThat(timer(pi, "Event_PermitLate")).isNull();
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "decidedAt")).as("decided when the permit was granted, before the post-start check")
        .isEqualTo(shanghai(LocalDateTime.of(2026, 3, 2, 10, 59)));
    assertThat(pi).hasPassed("Task_IssuePermit", "Task_NotifyPermitIssued").hasNotPassed("Task_SuperviseLatePermit")
        .isWaitingAt("Activity_PostStartInspection");
    assertThat(variable(pi, "supervisionEvents")).isNull();
    assertThat(licencesOf(pi)).singleElement().satisfies(l -> {
      assertThat(l.title()).isEqualTo("建筑工程施工许可证");
      assertThat(l.status()).isEqualTo(LicenceStatus.VALID);
    });

    // the call: case number, applicant and inspection scene go in ...
    ProcessInstance inspection = child(pi);
    assertThat(inspection.getProcessDefinitionId()).startsWith("remote-video-inspection:");
    assertThat(inspection.getBusinessKey()).isEqualTo(pi.getBusinessKey());
    var childVars = engine.getRuntimeService().getVariables(inspection.getId());
    assertThat(childVars).containsEntry("itemCode", "GX-YCKY-001").containsEntry("inspectionScene", "CONSTRUCTION_POST_START")
        .containsEntry("inspectionSubject", "国药科技城一期研发楼").containsEntry("inspectionAddress", "青岛高新区锦业路 1 号")
        .containsEntry("creditCode", CREDIT_CODE).containsEntry("inPersonVisits", 0);
    assertThat(CaseVariables.strings(childVars.get("inspectionChecklist"))).hasSize(6);
    completeAs("inspector1", inspection, "Task_ScheduleInspection",
        Map.of("videoAppointmentAt", "2026-03-05T14:30", "videoChannel", "政务视频勘验系统"));
    assertThat(task(inspection, "Task_InspectByVideo").getDueDate()).as("postCheck 10 working days")
        .isEqualTo(endOfDay(LocalDate.of(2026, 3, 16)));
    completeAs("inspector1", inspection, "Task_InspectByVideo", Map.of("inspectionOutcome", "PASS"));

    // ... and the result comes back
    assertThat(pi).isEnded().hasPassed("Task_NotifyInspectionPassed", "Event_CommitmentFulfilled");
    assertThat(variable(pi, "inspectionResult")).isEqualTo("PASSED");
    assertThat(variable(pi, "inspectionMethod")).isEqualTo("VIDEO");
    assertThat(variable(pi, "videoInspectionCount")).isEqualTo(1);
    assertThat(variable(pi, "caseStatus")).isEqualTo("APPROVED");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "CONSTRUCTION_PERMIT_ISSUED", "VIDEO_INSPECTION_SCHEDULED",
        "VIDEO_INSPECTION_RESULT", "POST_START_INSPECTION_PASSED");
  }

  @Test
  void permitLateByTwoHoursEscalatesToSupervisionButStaysOpen() {
    ProcessInstance pi = applyFor("INDUSTRIAL_PLANT", "NONE", true);
    clockAt(LocalDateTime.of(2026, 3, 2, 11, 1));
    assertThat(dueTimers(pi)).isEqualTo(1);
    engine.getManagementService().executeJob(timer(pi, "Event_PermitLate").getId());

    assertThat(pi).isWaitingAt("Task_IssuePermitOnCommitment", "Task_SuperviseLatePermit");
    assertThat(candidateGroups(task(pi, "Task_SuperviseLatePermit"))).containsExactly("supervision");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);

    completeAs("supervisor1", pi, "Task_SuperviseLatePermit", Map.of("supervisionAction", "URGE", "supervisionOpinion", "立即办结"));
    completeAs("housing1", pi, "Task_IssuePermitOnCommitment", Map.of("reviewDecision", "APPROVE", "decisionReason", "同意"));
    assertThat(pi).hasPassed("Task_IssuePermit", "Event_LatePermitSupervised").isWaitingAt("Activity_PostStartInspection");
  }

  @Test
  void unsignedCommitmentIsAwaitedThenThePermitFollows() {
    ProcessInstance pi = applyFor("RESIDENTIAL", "NONE", false);
    assertThat(pi).isWaitingAt("Gateway_WaitCommitment");
    // resubmission limit 5 working days from acceptance on Mon 2 Mar → Mon 9 Mar
    assertThat(timer(pi, "Event_CommitmentWaitExpired").getDuedate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 9)));

    clockAt(LocalDateTime.of(2026, 3, 3, 15, 0));
    correlate(pi, "ConstructionCommitmentSigned", Map.of("commitmentSigned", true));
    assertThat(pi).hasPassed("Event_CommitmentSigned").isWaitingAt("Task_IssuePermitOnCommitment");
    assertThat(timer(pi, "Event_PermitLate").getDuedate()).as("2 hours from the signature")
        .isEqualTo(shanghai(LocalDateTime.of(2026, 3, 3, 17, 0)));
  }

  @Test
  void commitmentNeverSignedEndsTheCase() {
    ProcessInstance pi = applyFor("PUBLIC_BUILDING", "NONE", false);
    fireTimer(pi, "Event_CommitmentWaitExpired");
    assertThat(pi).isEnded().hasPassed("Task_RecordCommitmentExpired", "Event_CommitmentExpired")
        .hasNotPassed("Task_IssuePermitOnCommitment");
    assertThat(variable(pi, "caseStatus")).isEqualTo("WITHDRAWN");
    assertThat(variable(pi, "decisionStatus")).as("never signed: no decision").isNull();
    assertThat(variable(pi, "decidedAt")).isNull();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "COMMITMENT_WAIT_EXPIRED");
    assertThat(licencesOf(pi)).isEmpty();
  }

  @Test
  void highRiskProductionIsReviewedByTheRegularProcedureWithoutPostStartInspection() {
    ProcessInstance pi = applyFor("INDUSTRIAL_PLANT", "HAZARDOUS_CHEMICALS", true);
    assertThat(variable(pi, "commitmentRoute")).isEqualTo("REGULAR");
    assertThat(pi).hasPassed("Task_NotifyRegularProcedure").isWaitingAt("Task_ReviewPermitRegular")
        .hasNotPassed("Task_IssuePermitOnCommitment");
    assertThat(task(pi, "Task_ReviewPermitRegular").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 11)));
    assertThat(notices(pi).get(1).body()).contains("高危产品生产、储存", "一般程序");

    completeAs("housing1", pi, "Task_ReviewPermitRegular", Map.of("reviewDecision", "APPROVE", "decisionReason", "经审查符合条件"));
    assertThat(pi).isEnded().hasPassed("Task_IssuePermit", "Event_PermitIssued").hasNotPassed("Activity_PostStartInspection");
    assertThat(licencesOf(pi)).hasSize(1);
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
  }

  @Test
  void regularReviewOverdueIsSupervised() {
    ProcessInstance pi = applyFor("WAREHOUSE", "FIREWORKS", true);
    fireTimer(pi, "Event_RegularReviewOverdue");
    assertThat(pi).isWaitingAt("Task_ReviewPermitRegular", "Task_SuperviseOverdueRegular");
  }

  @Test
  void aReviewerReturnsTheApplicationForCorrectionAndItComesBack() {
    ProcessInstance pi = applyFor("WAREHOUSE", "HAZARDOUS_CHEMICALS", true);
    completeAs("housing1", pi, "Task_ReviewPermitRegular",
        Map.of("reviewDecision", "RETURN", "decisionReason", "1. 危险化学品仓库安全条件审查意见书未提交; 2. 消防设计审查意见书已过期"));
    assertThat(pi).hasPassed("Task_ReturnForCorrection").isWaitingAt("Gateway_WaitResubmission")
        .hasNotPassed("Task_IssuePermit", "Task_NotifyRejection");
    assertThat(variable(pi, "caseStatus")).isEqualTo("RETURNED");
    assertThat(variable(pi, "decidedAt")).as("a return is no decision").isNull();
    assertThat(notices(pi).get(notices(pi).size() - 1).body()).contains("安全条件审查意见书未提交", "消防设计审查意见书已过期");

    correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(ALL)));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(pi).isWaitingAt("Task_ReviewPermitRegular");
    completeAs("housing1", pi, "Task_ReviewPermitRegular", Map.of("reviewDecision", "APPROVE", "decisionReason", "补正后符合条件"));
    assertThat(pi).isEnded().hasPassed("Event_PermitIssued");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
  }

  @Test
  void theTwoHourIssuerReturnsTheApplicationAndOnlyItReviewsTheCorrection() {
    ProcessInstance pi = applyFor("RESEARCH_OFFICE", "NONE", true);
    String id = task(pi, "Task_IssuePermitOnCommitment").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("reviewDecision", "RETURN", "decisionReason", " ")))
        .hasMessageContaining("退回补正必须一次性写明全部需要补正的内容");
    completeAs("housing1", pi, "Task_IssuePermitOnCommitment",
        Map.of("reviewDecision", "RETURN", "decisionReason", "监理合同未加盖监理单位公章"));
    assertThat(pi).hasPassed("Task_ReturnForCorrection").isWaitingAt("Gateway_WaitResubmission")
        .hasNotPassed("Task_IssuePermit", "Task_ReviewPermitRegular");
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "RETURNED_FOR_CORRECTION");
    assertThat(notices(pi).get(1).body()).contains("监理合同未加盖监理单位公章");
    assertThat(variable(pi, "decidedAt")).isNull();

    assertThat(rest().submitMaterials(pi.getBusinessKey(), CREDIT_CODE, ALL).getStatusCode().value()).isEqualTo(202);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(pi).as("the commitment stands signed; the issuer checks the correction").isWaitingAt("Task_IssuePermitOnCommitment");
    completeAs("housing1", pi, "Task_IssuePermitOnCommitment", Map.of("reviewDecision", "APPROVE", "decisionReason", "补正后同意"));
    assertThat(pi).hasPassed("Task_IssuePermit").isWaitingAt("Activity_PostStartInspection");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
  }

  @Test
  void refusalNeedsAReasonAndIssuesNothing() {
    ProcessInstance pi = applyFor("MUNICIPAL", "NONE", true);
    String id = task(pi, "Task_IssuePermitOnCommitment").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("reviewDecision", "REJECT")))
        .hasMessageContaining("理由");
    completeAs("housing1", pi, "Task_IssuePermitOnCommitment",
        Map.of("reviewDecision", "REJECT", "decisionReason", "建设工程规划许可证与申请的建设地点不一致"));
    assertThat(pi).isEnded().hasPassed("Task_NotifyRejection", "Event_Rejected").hasNotPassed("Task_IssuePermit");
    assertThat(licencesOf(pi)).isEmpty();
    assertThat(variable(pi, "decisionStatus")).isEqualTo("REJECTED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
  }

  private ProcessInstance permitIssuedAndInspectionFailed() {
    ProcessInstance pi = applyFor("INDUSTRIAL_PLANT", "NONE", true);
    completeAs("housing1", pi, "Task_IssuePermitOnCommitment", Map.of("reviewDecision", "APPROVE", "decisionReason", "同意"));
    ProcessInstance inspection = child(pi);
    completeAs("inspector1", inspection, "Task_ScheduleInspection",
        Map.of("videoAppointmentAt", "2026-03-04T09:00", "videoChannel", "微信视频通话"));
    Map<String, Object> failed = Map.of("inspectionOutcome", "FAIL",
        "failedChecks", CaseVariables.json(List.of("施工、监理单位项目负责人及关键岗位人员到岗履职")),
        "inspectionFindings", "项目经理和总监理工程师均不在岗");
    completeAs("inspector1", inspection, "Task_InspectByVideo", failed);
    // the applicant reports the rectification online, by the case number: it reaches the called inspection
    assertThat(rectifications.report(pi.getBusinessKey(), new RectificationController.RectificationReport(
        CREDIT_CODE, null, "项目经理已到岗")).getStatusCode().value()).isEqualTo(202);
    completeAs("inspector1", inspection, "Task_InspectByVideo", failed);
    completeAs("inspector1", inspection, "Task_InspectOnSite", failed);
    return pi;
  }

  @Test
  void violationFoundAfterStartSuspendsThePermitAndStopsTheWork() {
    ProcessInstance pi = permitIssuedAndInspectionFailed();
    assertThat(pi).isWaitingAt("Task_DecideSanction");
    assertThat(variable(pi, "inspectionResult")).isEqualTo("FAILED");
    assertThat(variable(pi, "inspectionMethod")).isEqualTo("ON_SITE");
    assertThat(variable(pi, "videoInspectionCount")).isEqualTo(2);

    String id = task(pi, "Task_DecideSanction").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("sanctionStatus", "SUSPENDED")))
        .hasMessageContaining("事实和理由");
    completeAs("housing1", pi, "Task_DecideSanction",
        Map.of("sanctionStatus", "SUSPENDED", "sanctionReason", "关键岗位人员未到岗, 违反施工许可告知承诺"));

    assertThat(pi).isEnded().hasPassed("Task_SuspendPermit", "Task_SendStopWorkOrder", "Event_WorkStopped");
    assertThat(variable(pi, "caseStatus")).isEqualTo("STOP_WORK_ORDERED");
    assertThat(variable(pi, "decidedAt")).as("the permit decision stays the decision time").isNotNull();
    assertThat(licencesOf(pi)).singleElement().satisfies(l -> assertThat(l.status()).isEqualTo(LicenceStatus.SUSPENDED));
    String order = notices(pi).get(notices(pi).size() - 1).body();
    assertThat(order).contains("责令立即停止施工", "已中止", "项目经理和总监理工程师均不在岗");
  }

  @Test
  void seriousFalseCommitmentRevokesThePermit() {
    ProcessInstance pi = permitIssuedAndInspectionFailed();
    completeAs("housing1", pi, "Task_DecideSanction", Map.of("sanctionStatus", "REVOKED", "sanctionReason", "承诺的建设资金未落实"));
    assertThat(licencesOf(pi)).singleElement().satisfies(l -> assertThat(l.status()).isEqualTo(LicenceStatus.REVOKED));
    assertThat(notices(pi).get(notices(pi).size() - 1).body()).contains("已撤销");
  }

  @Test
  void missingMaterialsGetOneNotificationAndCloseWithoutResubmission() {
    ProcessInstance pi = apply(ITEM, null, List.of("PERMIT_APPLICATION"), false,
        Map.of("projectName", "青岛中医药传承创新基地", "projectType", "RESEARCH_OFFICE", "highRiskProduct", "NONE"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(pi).hasPassed("Task_SendOneTimeNotification").isWaitingAt("Gateway_WaitResubmission");
    assertThat(notices(pi).get(0).body()).contains("建筑工程施工许可告知承诺书: 未提交", "监理合同: 未提交");

    fireTimer(pi, "Event_ResubmissionDeadlinePassed");
    assertThat(pi).isEnded().hasPassed("Event_NotAccepted");
    assertThat(variable(pi, "caseStatus")).isEqualTo("NOT_ACCEPTED");
    assertThat(variable(pi, "decidedAt")).isNull();
  }

  @Test
  void resubmittedMaterialsAreCheckedAgain() {
    ProcessInstance pi = apply(ITEM, null, List.of("PERMIT_APPLICATION"), false,
        Map.of("projectName", "青岛中医药传承创新基地", "projectType", "RESEARCH_OFFICE", "highRiskProduct", "NONE",
            "commitmentSigned", true));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(ALL)));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(pi).isWaitingAt("Task_IssuePermitOnCommitment");
  }
}
