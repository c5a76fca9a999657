package cn.gaoxin.approval.audit.simulation.construction;

import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import cn.gaoxin.approval.cases.CaseVariables;
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
 * Returns: the butler returns the application for correction (退回补正: one notice, correction online, the window
 * re-checks, the butler checks the corrected project); the roadmap review sends the project back to its butler, who
 * checks it again; a stage confirmation sends an item back to be handled again.
 * Day parameters (working days): {@code verifyDays}, {@code resubmitDays}.
 */
@Component
public class LandUseOneMatterDriver implements ReformDriver {

  public static final String KEY = "land-use-one-matter";
  public static final String STAGE = "land-use-stage";
  static final String ITEM = "GX-YDYJS-001";
  /** What a butler asks the applicant to correct when the project data do not match the materials. */
  private static final List<String> CLAIM_RETURN_REASONS = List.of(
      "项目投资协议中的用地面积与用地申请不一致, 请核实后补正",
      "项目建议书未写明年综合能源消费量和主要用能设备, 请补充",
      "总平面布置图未标注拟选址四至范围, 请补正");
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
        new Scenario("RETURNED", "管家核实项目情况后退回补正, 网上补正、窗口复核后重新核实并办结", 6),
        new Scenario("REDONE", "流程图审核退回管家重新核实; 一个阶段确认时退回一个事项重新帮办, 办结", 4),
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
    if (scenario.equals("RETURNED")) {
      ctx.complete(pi, "Task_ClaimProject", Map.of("claimDecision", "RETURN",
          "claimReturnReason", CLAIM_RETURN_REASONS.get(ctx.random().nextInt(CLAIM_RETURN_REASONS.size()))));
      // one notice; the applicant corrects online within the limit and the window re-checks
      ctx.workingDaysLater(Math.max(1, Math.min(4, c.days("resubmitDays", 2))));
      List<String> all = item.materials().stream().map(ServiceItem.Material::code).toList();
      ctx.correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(all)));
      ctx.complete(pi, "Task_RecheckCorrection", Map.of());
      ctx.at(ctx.now().plusMinutes(30 + ctx.random().nextInt(120)));
    }
    Map<String, Object> profile = profile(ctx);
    profile.put("projectName", project.name());
    if (scenario.equals("REDONE")) {
      // recorded with the wrong answer to the assessed-area question; the roadmap review sends it back
      Map<String, Object> wrong = new HashMap<>(profile);
      wrong.put("insideAssessedArea", !Boolean.TRUE.equals(profile.get("insideAssessedArea")));
      ctx.complete(pi, "Task_ClaimProject", wrong);
      ctx.at(ctx.now().plusMinutes(60 + ctx.random().nextInt(180)));
      ctx.complete(pi, ctx.task(pi, "Task_ReviewRoadmap"), Map.of("roadmapDecision", "RETURN",
          "roadmapReturnReason", "是否位于已完成区域评估的片区与项目选址不符, 共享的区域评估成果有误, 请重新核实"));
      ctx.at(ctx.now().plusMinutes(30 + ctx.random().nextInt(90)));
      ctx.complete(pi, ctx.task(pi, "Task_ClaimProject"), profile);
    } else {
      ctx.complete(pi, "Task_ClaimProject", profile);
    }

    if (scenario.equals("ROADMAP_LATE")) {
      ctx.fireTimer(pi, "Event_RoadmapOverdue");
      ctx.workingDaysLater(0);
      ctx.complete(pi, "Task_SuperviseOverdueRoadmap", URGE);
    } else {
      ctx.workingDaysLater(1);
    }
    ctx.complete(pi, ctx.task(pi, "Task_ReviewRoadmap"),
        Map.of("roadmapDecision", "APPROVE", "butlerMessage", "请先准备项目备案和用地预审材料, 管家全程帮办。"));

    for (int stage = 1; stage <= 3; stage++) {
      ctx.workingDaysLater(1);
      handleStage(ctx, ctx.calledInstance(pi), scenario.equals("ITEM_LATE") && stage == 2,
          scenario.equals("REDONE") && stage == 2);
    }
  }

  /**
   * The butler handles every open item of the stage (one found not needed now and then) and confirms the stage; with
   * {@code oneReturned} the confirmation first sends one item back to be handled again.
   */
  private static void handleStage(SimulationContext ctx, ProcessInstance stage, boolean oneLate, boolean oneReturned) {
    List<Task> items = new ArrayList<>(ctx.tasks(stage, "Task_TrackChecklistItem"));
    items.sort(Comparator.comparing(Task::getDueDate));
    Task late = oneLate && !items.isEmpty() ? items.remove(0) : null;
    String sentBack = oneReturned && !items.isEmpty() ? (String) ctx.engine().getTaskService()
        .getVariable(items.get(ctx.random().nextInt(items.size())).getId(), "checklistItemCode") : null;
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
    if (sentBack != null) {
      ctx.at(ctx.now().plusMinutes(20 + ctx.random().nextInt(60)));
      ctx.complete(stage, ctx.task(stage, "Task_ConfirmStage"), Map.of("stageDecision", "RETURN",
          "returnedItems", CaseVariables.json(List.of(sentBack)),
          "stageReturnReason", "批准文号与主管部门系统中的记录不一致, 请核实后重新记录"));
      ctx.workingDaysLater(1);
      trackItem(ctx, stage, ctx.task(stage, "Task_TrackChecklistItem"));
    }
    ctx.complete(stage, ctx.task(stage, "Task_ConfirmStage"),
        Map.of("stageDecision", "CONFIRM", "stageSummary", "本阶段事项已全部办结, 请准备下一阶段材料。"));
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
    p.put("claimDecision", "APPROVE");
    return p;
  }
}
