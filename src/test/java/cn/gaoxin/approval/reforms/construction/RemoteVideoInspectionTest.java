package cn.gaoxin.approval.reforms.construction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.cases.CaseVariables;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 远程视频勘验 (remote-video-inspection) started on its own, every path. Clock: Monday 2026-03-02 09:00; the item
 * GX-YCKY-001 schedules within 1 working day (due 3 Mar), inspects within 3 (5 Mar), rectification 5 (9 Mar).
 * The call from 承诺即开工 (in/out mapping) is tested in ConstructionOnCommitmentTest.
 */
class RemoteVideoInspectionTest extends ConstructionScenarioTest {

  static final String ITEM = "GX-YCKY-001";
  static final String CHECK_COLD = "冷藏冷冻设施运行正常并有温度记录";
  static final String CHECK_PESTS = "防鼠、防蝇、防虫设施齐全";

  @Autowired RectificationController rectifications;

  @BeforeEach
  void monday() {
    clockAt(LocalDateTime.of(2026, 3, 2, 9, 0));
  }

  private ProcessInstance request(String scene) {
    return apply(ITEM, null, List.of("INSPECTION_REQUEST", "VIDEO_DEVICE"), false,
        Map.of("inspectionSubject", "青岛海湾餐饮管理有限公司高新店", "inspectionAddress", "青岛高新区汇智桥路 127 号",
            "inspectionScene", scene));
  }

  private void schedule(ProcessInstance pi) {
    completeAs("inspector1", pi, "Task_ScheduleInspection",
        Map.of("videoAppointmentAt", "2026-03-03T10:00", "videoChannel", "政务视频勘验系统"));
  }

  private void inspect(ProcessInstance pi, String taskKey, boolean pass) {
    completeAs("inspector1", pi, taskKey, pass ? Map.of("inspectionOutcome", "PASS")
        : Map.of("inspectionOutcome", "FAIL", "failedChecks", CaseVariables.json(List.of(CHECK_COLD)),
            "inspectionFindings", "冷库温度记录缺失, 须补装温度监测仪"));
  }

  @Test
  void passesTheFirstVideoInspection() {
    ProcessInstance pi = request("FOOD_BUSINESS");
    assertThat(pi).isWaitingAt("Task_ScheduleInspection");
    assertThat(task(pi, "Task_ScheduleInspection").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 3)));
    assertThat(candidateGroups(task(pi, "Task_ScheduleInspection"))).containsExactly("inspectors");
    assertThat(CaseVariables.strings(variable(pi, "inspectionChecklist"))).hasSize(5).contains(CHECK_COLD);

    schedule(pi);
    assertThat(pi).hasPassed("Task_NotifySchedule").isWaitingAt("Task_InspectByVideo");
    assertThat(notices(pi).get(0).body()).contains("2026年3月3日 10:00", "政务视频勘验系统");
    assertThat(task(pi, "Task_InspectByVideo").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 5)));

    inspect(pi, "Task_InspectByVideo", true);
    assertThat(pi).isEnded().hasPassed("Task_DecideNextStep", "Event_InspectionFinished")
        .hasNotPassed("Task_NotifyRectification", "Task_InspectOnSite");
    assertThat(variable(pi, "inspectionResult")).isEqualTo("PASSED");
    assertThat(variable(pi, "inspectionMethod")).isEqualTo("VIDEO");
    assertThat(variable(pi, "videoInspectionCount")).isEqualTo(1);
    assertThat(variable(pi, "caseStatus")).isEqualTo("INSPECTION_PASSED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("INSPECTION_PASSED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
    assertThat(variable(pi, "inPersonVisits")).isEqualTo(0);
    assertThat(noticeTypes(pi)).containsExactly("VIDEO_INSPECTION_SCHEDULED", "VIDEO_INSPECTION_RESULT");
  }

  @Test
  void anAppointmentInThePastIsRefused() {
    ProcessInstance pi = request("FOOD_BUSINESS");
    String id = task(pi, "Task_ScheduleInspection").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(id,
        Map.of("videoAppointmentAt", "2026-03-01T10:00", "videoChannel", "微信视频通话")))
        .hasMessageContaining("已过");
    assertThat(pi).isWaitingAt("Task_ScheduleInspection");
  }

  @Test
  void aFailedInspectionMustNameTheFailedChecksAndFindings() {
    ProcessInstance pi = request("FOOD_BUSINESS");
    schedule(pi);
    String id = task(pi, "Task_InspectByVideo").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("inspectionOutcome", "FAIL")))
        .hasMessageContaining("勾选不符合要求的核查项").hasMessageContaining("写明发现的问题");
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("inspectionOutcome", "FAIL",
        "failedChecks", CaseVariables.json(List.of("不存在的核查项")), "inspectionFindings", "x")))
        .hasMessageContaining("不在本次勘验清单中");
    assertThat(pi).isWaitingAt("Task_InspectByVideo");
  }

  @Test
  void failedOnceThenRectifiedAndPassedByVideo() {
    ProcessInstance pi = request("FOOD_BUSINESS");
    schedule(pi);
    inspect(pi, "Task_InspectByVideo", false);

    assertThat(pi).hasPassed("Task_NotifyRectification").isWaitingAt("Gateway_WaitRectification");
    assertThat(variable(pi, "rectificationDueDate")).isEqualTo(endOfDay(LocalDate.of(2026, 3, 9)));
    assertThat(notices(pi).get(1).body()).contains("冷库温度记录缺失", "2026年3月9日");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "inspectionOutcome")).as("form cleared for the next round").isNull();
    assertThat(variable(pi, "decidedAt")).as("rectifying: no decision yet").isNull();

    assertThat(rectifications.report(pi.getBusinessKey(), new RectificationController.RectificationReport(
        CREDIT_CODE, null, "已加装冷库温度自动记录仪")).getStatusCode().value()).isEqualTo(202);
    assertThat(pi).isWaitingAt("Task_InspectByVideo");
    assertThat(variable(pi, "rectificationReport")).isEqualTo("已加装冷库温度自动记录仪");
    assertThat(rectifications.report(pi.getBusinessKey(), new RectificationController.RectificationReport(
        CREDIT_CODE, null, null)).getStatusCode().value()).as("nothing waits for a report now").isEqualTo(409);
    assertThat(task(pi, "Task_InspectByVideo").getDueDate()).isEqualTo(endOfDay(LocalDate.of(2026, 3, 5)));
    inspect(pi, "Task_InspectByVideo", true);

    assertThat(pi).isEnded().hasNotPassed("Task_InspectOnSite");
    assertThat(variable(pi, "inspectionResult")).isEqualTo("PASSED");
    assertThat(variable(pi, "videoInspectionCount")).isEqualTo(2);
    assertThat(variable(pi, "decisionStatus")).isEqualTo("INSPECTION_PASSED");
    assertThat(variable(pi, "inspectionRounds").toString()).contains("\"round\":1", "\"round\":2", "远程视频勘验");
  }

  @Test
  void failedTwiceByVideoFallsBackToOnSiteInspection() {
    ProcessInstance pi = request("FOOD_BUSINESS");
    schedule(pi);
    inspect(pi, "Task_InspectByVideo", false);
    correlate(pi, "InspectionRectificationReported", Map.of());
    inspect(pi, "Task_InspectByVideo", false);

    assertThat(pi).hasPassed("Task_NotifyOnSite").isWaitingAt("Task_InspectOnSite");
    assertThat(candidateGroups(task(pi, "Task_InspectOnSite"))).containsExactly("inspectors");
    assertThat(variable(pi, "videoFailures")).isEqualTo(2);
    assertThat(noticeTypes(pi)).containsExactly("VIDEO_INSPECTION_SCHEDULED", "VIDEO_INSPECTION_RECTIFICATION",
        "VIDEO_INSPECTION_ON_SITE");

    inspect(pi, "Task_InspectOnSite", false);
    assertThat(pi).isEnded().hasPassed("Task_RecordOnSiteRound", "Event_InspectionFinished");
    assertThat(variable(pi, "inspectionResult")).isEqualTo("FAILED");
    assertThat(variable(pi, "inspectionMethod")).isEqualTo("ON_SITE");
    assertThat(variable(pi, "caseStatus")).isEqualTo("INSPECTION_FAILED");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("INSPECTION_FAILED");
    assertThat(variable(pi, "decidedAt")).isNotNull();
    assertThat(notices(pi).get(3).body()).contains("未通过", "现场勘验");
  }

  @Test
  void rectificationOverdueGoesOnSiteWhereThePremisesPass() {
    ProcessInstance pi = request("FOOD_BUSINESS");
    schedule(pi);
    inspect(pi, "Task_InspectByVideo", false);

    fireTimer(pi, "Event_RectificationOverdue");

    assertThat(pi).isWaitingAt("Task_InspectOnSite").hasPassed("Event_RectificationOverdue");
    inspect(pi, "Task_InspectOnSite", true);
    assertThat(pi).isEnded();
    assertThat(variable(pi, "inspectionResult")).isEqualTo("PASSED");
    assertThat(variable(pi, "inspectionMethod")).isEqualTo("ON_SITE");
    assertThat(variable(pi, "videoInspectionCount")).isEqualTo(1);
  }

  @Test
  void drugRetailGoesOnSiteAfterOneFailedVideoInspection() {
    ProcessInstance pi = request("DRUG_RETAIL");
    schedule(pi);
    completeAs("inspector1", pi, "Task_InspectByVideo", Map.of("inspectionOutcome", "FAIL",
        "failedChecks", CaseVariables.json(List.of("执业药师在岗并佩戴标识")), "inspectionFindings", "执业药师不在岗"));
    assertThat(pi).isWaitingAt("Task_InspectOnSite").hasNotPassed("Task_NotifyRectification");
  }

  @Test
  void anOverdueInspectionIsEscalatedToSupervisionWithoutStoppingIt() {
    ProcessInstance pi = request("MUNICIPAL_UTILITY");
    schedule(pi);
    fireTimer(pi, "Event_VideoInspectionOverdue");
    assertThat(pi).isWaitingAt("Task_InspectByVideo", "Task_SuperviseOverdueInspection");
    assertThat(candidateGroups(task(pi, "Task_SuperviseOverdueInspection"))).containsExactly("supervision");
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);
  }
}
