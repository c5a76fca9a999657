package cn.gaoxin.approval.audit.simulation.construction;

import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Plays 工业项目用地一件事 ({@code land-use-one-matter}) cases and the three land-use stages each calls
 * ({@code land-use-stage}, never a case of its own): the project butler claims the project with its profile, reviews
 * the roadmap the decision tables compose, then handles every checklist item of each stage and confirms the stage.
 * Day parameters (working days): {@code verifyDays}, {@code resubmitDays}.
 */
@Component
public class LandUseOneMatterDriver implements ReformDriver {

  public static final String KEY = "land-use-one-matter";
  public static final String STAGE = "land-use-stage";
  static final String ITEM = "GX-YDYJS-001";
  private static final Map<String, Object> URGE =
      Map.of("supervisionAction", "URGE", "supervisionOpinion", "已超时限, 请管家尽快办理");

  private final ServiceCatalog catalog;

  public LandUseOneMatterDriver(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<String> coveredKeys() {
    return List.of(KEY, STAGE);
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("COMPLETED", "管家认领, 出具专属流程图, 三个阶段全部办结", 45),
        new Scenario("CLAIM_LATE", "项目认领超期, 效能监察督办", 8),
        new Scenario("ROADMAP_LATE", "流程图审核超期, 效能监察督办", 6),
        new Scenario("ITEM_LATE", "土地供应阶段一个事项超期, 效能监察督办", 6),
        new Scenario("RESUBMITTED", "材料不全, 一次性告知后补正", 5),
        new Scenario("NOT_ACCEPTED", "材料不全, 逾期未补正, 不予受理", 3),
        new Scenario("OPEN", "待管家认领 (未办结)", 4));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    ServiceItem item = catalog.require(ITEM);
    String scenario = c.scenario();
    Projects.Project project = Projects.pick(ctx.random());
    ProcessInstance pi = WindowIntake.apply(c, ctx, item, 1,
        Map.of("projectName", project.name(), "projectAddress", project.address()));
    if (scenario.equals("NOT_ACCEPTED") || scenario.equals("OPEN")) {
      return;
    }

    if (scenario.equals("CLAIM_LATE")) {
      ctx.fireTimer(pi, "Event_ClaimOverdue");
      ctx.workingDaysLater(0);
      ctx.complete(pi, "Task_SuperviseUnclaimedProject", URGE);
    }
    ctx.at(ctx.now().plusMinutes(30 + ctx.random().nextInt(120)));
    Map<String, Object> profile = profile(ctx);
    profile.put("projectName", project.name());
    ctx.complete(pi, "Task_ClaimProject", profile);

    if (scenario.equals("ROADMAP_LATE")) {
      ctx.fireTimer(pi, "Event_RoadmapOverdue");
      ctx.workingDaysLater(0);
      ctx.complete(pi, "Task_SuperviseOverdueRoadmap", URGE);
    } else {
      ctx.workingDaysLater(1);
    }
    ctx.complete(pi, ctx.task(pi, "Task_ReviewRoadmap"), Map.of("butlerMessage", "请先准备项目备案和用地预审材料, 管家全程帮办。"));

    for (int stage = 1; stage <= 3; stage++) {
      ctx.workingDaysLater(1);
      handleStage(ctx, ctx.calledInstance(pi), scenario.equals("ITEM_LATE") && stage == 2);
    }
  }

  /** The butler handles every open item of the stage (one found not needed now and then) and confirms the stage. */
  private static void handleStage(SimulationContext ctx, ProcessInstance stage, boolean oneLate) {
    List<Task> items = new ArrayList<>(ctx.tasks(stage, "Task_TrackChecklistItem"));
    items.sort(Comparator.comparing(Task::getDueDate));
    Task late = oneLate && !items.isEmpty() ? items.remove(0) : null;
    for (Task t : items) {
      trackItem(ctx, stage, t);
    }
    if (late != null) {
      ctx.fireTimer(stage, "Event_ItemOverdue");
      ctx.workingDaysLater(0);
      ctx.complete(stage, "Task_SuperviseOverdueItem", URGE);
      ctx.workingDaysLater(1);
      trackItem(ctx, stage, late);
    }
    ctx.complete(stage, ctx.task(stage, "Task_ConfirmStage"), Map.of("stageSummary", "本阶段事项已全部办结, 请准备下一阶段材料。"));
  }

  private static void trackItem(SimulationContext ctx, ProcessInstance stage, Task t) {
    ctx.at(ctx.now().plusMinutes(3 + ctx.random().nextInt(15)));
    String code = (String) ctx.engine().getTaskService().getVariable(t.getId(), "checklistItemCode");
    ctx.complete(stage, t, ctx.random().nextInt(12) == 0
        ? Map.of("itemResult", "NOT_NEEDED", "itemNote", "经主管部门确认本项目无需单独办理")
        : Map.of("itemResult", "DONE", "documentNumber", "高新审批〔" + ctx.now().getYear() + "〕" + code));
  }

  /** The project as the butler records it on claiming: one of the three kinds of project the park sees most. */
  private static Map<String, Object> profile(SimulationContext ctx) {
    return switch (ctx.random().nextInt(3)) {
      case 0 -> profile("BIO_MEDICINE", 60, 38000, 36, "TABLE", true, 1200, false, false, false, false);
      case 1 -> profile("GENERAL_MANUFACTURING", 120, 45000, 24, "REPORT", false, 6000, true, true, true, false);
      default -> profile("HAZARDOUS_CHEMICALS", 30, 12000, 30, "REPORT", true, 8000, false, false, false, true);
    };
  }

  private static Map<String, Object> profile(String industry, double landArea, double floorArea, double height,
      String eia, boolean inside, double energy, boolean water, boolean farmland, boolean underground, boolean night) {
    Map<String, Object> p = new HashMap<>();
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
    return p;
  }
}
