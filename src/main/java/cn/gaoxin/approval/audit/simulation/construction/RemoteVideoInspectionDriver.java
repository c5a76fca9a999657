package cn.gaoxin.approval.audit.simulation.construction;

import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import cn.gaoxin.approval.calendar.WorkingDayCalendar;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.reforms.construction.RectificationReports;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Plays 远程视频勘验 ({@code remote-video-inspection}) cases requested at the window or online: the inspector books
 * the video appointment, inspects by video, failed premises rectify and are inspected again, repeated failures
 * (or a drug retailer's first) go on site. The same steps serve the post-start inspection that 承诺即开工 calls.
 * Day parameters (working days): {@code verifyDays} until the appointment is booked, {@code supplementDays} until
 * the rectification is reported.
 */
@Component
public class RemoteVideoInspectionDriver implements ReformDriver {

  public static final String KEY = "remote-video-inspection";
  static final String ITEM = "GX-YCKY-001";
  private static final DateTimeFormatter APPOINTMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  private static final Map<String, Object> URGE =
      Map.of("supervisionAction", "URGE", "supervisionOpinion", "勘验已超期, 请尽快完成视频勘验");

  private final WorkingDayCalendar calendar;
  private final RectificationReports rectifications;

  public RemoteVideoInspectionDriver(WorkingDayCalendar calendar, RectificationReports rectifications) {
    this.calendar = calendar;
    this.rectifications = rectifications;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("PASSED", "首次视频勘验通过", 50),
        new Scenario("RECTIFIED", "视频勘验未通过, 整改后视频复验通过", 12),
        new Scenario("ON_SITE_FAILED", "两次视频勘验未通过, 现场勘验仍不合格", 4),
        new Scenario("RECTIFICATION_OVERDUE", "逾期未报告整改, 转现场勘验合格", 5),
        new Scenario("DRUG_ON_SITE", "药品零售视频勘验未通过, 直接转现场勘验合格", 6),
        new Scenario("APPROVED_LATE", "勘验超期, 效能监察督办后通过", 8),
        new Scenario("OPEN", "已申请, 待预约 (未办结)", 4));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    List<String> scenes = switch (c.scenario()) {
      case "DRUG_ON_SITE" -> List.of("DRUG_RETAIL");
      // a drug retailer goes on site after one failed video inspection: the rectification rounds are for the others
      case "RECTIFIED", "ON_SITE_FAILED", "RECTIFICATION_OVERDUE" -> List.of("FOOD_BUSINESS", "MUNICIPAL_UTILITY");
      default -> List.of("FOOD_BUSINESS", "FOOD_BUSINESS", "DRUG_RETAIL", "MUNICIPAL_UTILITY");
    };
    String scene = scenes.get(ctx.random().nextInt(scenes.size()));
    Projects.Project site = Projects.pick(ctx.random());
    ProcessInstance pi = ctx.start(c, ITEM, List.of("INSPECTION_REQUEST", "VIDEO_DEVICE"), false,
        Map.of("inspectionSubject", c.applicantName(), "inspectionAddress", site.address(), "inspectionScene", scene));
    if (c.scenario().equals("OPEN")) {
      return;
    }
    ctx.workingDaysLater(c.days("verifyDays", 0));
    schedule(ctx, pi);
    switch (c.scenario()) {
      case "RECTIFIED" -> {
        inspect(ctx, pi, "Task_InspectByVideo", false);
        reportRectification(ctx, pi, c.days("supplementDays", 2));
        ctx.workingDaysLater(1);
        inspect(ctx, pi, "Task_InspectByVideo", true);
      }
      case "ON_SITE_FAILED" -> {
        inspect(ctx, pi, "Task_InspectByVideo", false);
        reportRectification(ctx, pi, c.days("supplementDays", 2));
        ctx.workingDaysLater(1);
        inspect(ctx, pi, "Task_InspectByVideo", false);
        ctx.workingDaysLater(1);
        inspect(ctx, pi, "Task_InspectOnSite", false);
      }
      case "RECTIFICATION_OVERDUE" -> {
        inspect(ctx, pi, "Task_InspectByVideo", false);
        ctx.fireTimer(pi, "Event_RectificationOverdue");
        ctx.workingDaysLater(1);
        inspect(ctx, pi, "Task_InspectOnSite", true);
      }
      case "DRUG_ON_SITE" -> {
        inspect(ctx, pi, "Task_InspectByVideo", false);
        ctx.workingDaysLater(1);
        inspect(ctx, pi, "Task_InspectOnSite", true);
      }
      case "APPROVED_LATE" -> {
        ctx.fireTimer(pi, "Event_VideoInspectionOverdue");
        ctx.workingDaysLater(0);
        ctx.complete(pi, "Task_SuperviseOverdueInspection", URGE);
        ctx.workingDaysLater(1);
        inspect(ctx, pi, "Task_InspectByVideo", true);
      }
      default -> inspect(ctx, pi, "Task_InspectByVideo", true);
    }
  }

  /** The inspector books the video appointment 1 or 2 working days ahead; the clock moves to it. */
  void schedule(SimulationContext ctx, ProcessInstance inspection) {
    var day = calendar.addWorkingDays(ctx.now().toLocalDate(), 1 + ctx.random().nextInt(2));
    var at = day.atTime(9 + ctx.random().nextInt(7), ctx.random().nextBoolean() ? 0 : 30);
    ctx.complete(inspection, "Task_ScheduleInspection", Map.of("videoAppointmentAt", at.format(APPOINTMENT),
        "videoChannel", ctx.random().nextBoolean() ? "政务视频勘验系统" : "微信视频通话"));
    ctx.at(at);
  }

  /** One round of inspection: a pass, or a failure naming one or two checks of the case's checklist. */
  void inspect(SimulationContext ctx, ProcessInstance inspection, String taskKey, boolean pass) {
    if (pass) {
      ctx.complete(inspection, taskKey, Map.of("inspectionOutcome", "PASS"));
      return;
    }
    List<String> checklist = CaseVariables.strings(
        ctx.engine().getRuntimeService().getVariable(inspection.getId(), "inspectionChecklist"));
    int first = ctx.random().nextInt(checklist.size());
    List<String> failed = ctx.random().nextBoolean() || checklist.size() < 2 ? List.of(checklist.get(first))
        : List.of(checklist.get(first), checklist.get((first + 1) % checklist.size()));
    ctx.complete(inspection, taskKey, Map.of("inspectionOutcome", "FAIL", "failedChecks", CaseVariables.json(failed),
        "inspectionFindings", "现场不符合: " + String.join("; ", failed) + ", 须限期整改"));
  }

  /** The applicant reports the rectification online (by case number) after {@code days} working days. */
  void reportRectification(SimulationContext ctx, ProcessInstance inspection, int days) {
    ctx.workingDaysLater(Math.max(1, Math.min(days, 4)));
    rectifications.report(inspection.getBusinessKey(), null, Map.of("rectificationReport", "已按整改通知完成整改, 请复验"))
        .orElseThrow(() -> new IllegalStateException("案件 " + inspection.getBusinessKey() + " 没有等待整改报告的勘验"));
    ctx.runJobs(inspection);
  }
}
