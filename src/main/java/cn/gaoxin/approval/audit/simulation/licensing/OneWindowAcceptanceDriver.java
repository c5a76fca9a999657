package cn.gaoxin.approval.audit.simulation.licensing;

import static cn.gaoxin.approval.audit.simulation.DriverSteps.byDueDate;
import static cn.gaoxin.approval.audit.simulation.DriverSteps.catchUp;

import cn.gaoxin.approval.audit.simulation.DriverSteps;
import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import cn.gaoxin.approval.bundles.ItemBundle;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Plays 一窗受理、集成服务 ({@code one-window-acceptance}): several items applied for at one window, each
 * department reviewing its own items in parallel (always within its own limit, except in APPROVED_LATE), one
 * combined delivery by post or at the counter. Day parameters: {@code verifyDays}, {@code reviewDays} (the first
 * department's review after acceptance), {@code resubmitDays}.
 */
@Component
public class OneWindowAcceptanceDriver implements ReformDriver {

  public static final String KEY = "one-window-acceptance";
  static final String WINDOW = "ZHCK-YCSL-001";
  static final String REVIEW = "Task_ReviewDepartmentItems";
  /** Items applicants combine: a hotel with a restaurant, a restaurant, a venue, a food shop with rooms. */
  static final List<List<String>> BUNDLES = List.of(
      List.of("SCJG-SPJY-001", "SCJG-BG-001", "WJ-GGWS-001", "XF-AQJC-001"),
      List.of("SCJG-SPJY-001", "XF-AQJC-001"),
      List.of("WJ-GGWS-001", "XF-AQJC-001"),
      List.of("SCJG-SPJY-001", "WJ-GGWS-001"));
  static final Map<String, String> CORRECTIONS = Map.of(
      "market-regulation", "食品经营场所平面布局图未标明操作间和库房",
      "health", "两名从业人员缺健康合格证明",
      "fire-protection", "消防设施平面图未标明疏散通道和安全出口");
  static final Map<String, String> REFUSALS = Map.of(
      "market-regulation", "经营场所布局不符合食品安全要求",
      "health", "从业人员健康合格证明已过期",
      "fire-protection", "未取得消防验收合格凭证");

  private final ServiceCatalog catalog;

  public OneWindowAcceptanceDriver(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("APPROVED", "各部门并联审查均准予, 一次送达", 45),
        new Scenario("PARTIALLY_APPROVED", "一个部门不予许可, 其余准予, 一次送达全部结果", 10),
        new Scenario("REJECTED", "各部门均不予许可, 一次送达决定", 5),
        new Scenario("APPROVED_LATE", "部门审查超期, 效能监察督办后准予", 8),
        new Scenario("RESUBMITTED", "材料不全, 一次性告知全部事项后补正", 12),
        new Scenario("RETURNED", "一个部门退回补正, 补正后窗口复核, 该部门重新审查后准予", 4),
        new Scenario("WITHDRAWN", "部门审查中申请人撤回申请", 2),
        new Scenario("NOT_ACCEPTED", "逾期未补正, 不予受理", 4),
        new Scenario("OPEN", "各部门审查中 (未办结)", 6));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    List<String> items = BUNDLES.get(ctx.random().nextInt(BUNDLES.size()));
    List<ItemBundle.BundleMaterial> materials = ItemBundle.of(catalog, WINDOW, items).bundle().materials();
    List<String> all = materials.stream().map(ItemBundle.BundleMaterial::key).toList();
    boolean counter = "COUNTER".equals(c.channel());
    Map<String, Object> details = new HashMap<>();
    // a counter application already made the one visit: results are posted (只跑一次)
    String delivery = counter || ctx.random().nextBoolean() ? "POST" : "COUNTER";
    details.put("appliedItems", counter ? CaseVariables.json(items) : String.join(",", items));
    details.put("deliveryMethod", delivery);
    details.put("postalAddress", "高新区科园一路 3 号 " + (101 + ctx.random().nextInt(800)) + " 室");

    String scenario = c.scenario();
    ProcessInstance pi = ctx.start(c, WINDOW, List.of("UNIFIED_APPLICATION", "APPLICANT_ID"), false, details);
    // the window ticks what it received: two items' core papers are missing where the scenario says so
    List<String> ticked = new ArrayList<>(all);
    if (scenario.equals("RESUBMITTED") || scenario.equals("NOT_ACCEPTED")) {
      materials.stream().filter(ItemBundle.BundleMaterial::core).skip(2).limit(2).forEach(m -> ticked.remove(m.key()));
    }
    if (!DriverSteps.windowCheck(ctx, c, pi, Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(ticked)), all)
        || scenario.equals("OPEN")) {
      return;
    }

    List<Task> reviews = byDueDate(ctx.tasks(pi, REVIEW));
    String refusing = scenario.equals("PARTIALLY_APPROVED")
        ? ctx.groupOf(reviews.get(ctx.random().nextInt(reviews.size()))) : null;
    String returning = scenario.equals("RETURNED")
        ? ctx.groupOf(reviews.get(ctx.random().nextInt(reviews.size()))) : null;
    for (int i = 0; i < reviews.size(); i++) {
      Task review = reviews.get(i);
      if (scenario.equals("WITHDRAWN") && i == Math.min(1, reviews.size() - 1)) {
        // while a department still reviews: withdrawal is refused once every department has decided
        ctx.workingDaysLaterWithinDue(review, ctx.random().nextInt(2));
        ctx.withdraw(pi, "经营计划调整, 暂不开业");
        return;
      }
      if (i == 0 && scenario.equals("APPROVED_LATE")) {
        // the department with the shortest limit misses it; the others may then run late too
        DriverSteps.overdue(ctx, pi, "Event_DepartmentReviewOverdue");
        ctx.workingDaysLater(1 + ctx.random().nextInt(2));
      } else {
        ctx.workingDaysLaterWithinDue(review, i == 0 ? c.days("reviewDays", 2) : ctx.random().nextInt(2));
      }
      catchUp(ctx, pi);
      String group = ctx.groupOf(review);
      if (group.equals(returning)) {
        decide(ctx, pi, review, "RETURN", CORRECTIONS.getOrDefault(group, "申请材料需补正"));
      } else {
        boolean refuse = scenario.equals("REJECTED") || group.equals(refusing);
        decide(ctx, pi, review, refuse ? "REJECT" : "APPROVE",
            refuse ? REFUSALS.getOrDefault(group, "不符合许可条件") : "符合条件");
      }
    }
    if (returning != null) {
      // one notice lists the corrections; after the window's re-check only the returning department reviews again
      DriverSteps.resubmit(ctx, c, pi, all);
      ctx.complete(pi, "Task_VerifyMaterials", Map.of());
      for (Task again : ctx.tasks(pi, REVIEW)) {
        ctx.workingDaysLaterWithinDue(again, 1);
        catchUp(ctx, pi);
        decide(ctx, pi, again, "APPROVE", "补正后符合条件");
      }
    }

    Task confirm = ctx.task(pi, "Task_ConfirmResults");
    ctx.workingDaysLaterWithinDue(confirm, ctx.random().nextInt(2));
    catchUp(ctx, pi);
    ctx.complete(pi, "Task_ConfirmResults", Map.of("resultsChecked", true));
    ctx.workingDaysLater(1 + ctx.random().nextInt(2));
    if (delivery.equals("COUNTER")) {
      ctx.complete(pi, "Task_HandOverAtCounter", Map.of("recipientName", "张三", "identityChecked", true));
    } else {
      ctx.complete(pi, "Task_DeliverByPost", Map.of("waybillNumber", DriverSteps.mailNumber(ctx)));
    }
    ctx.runJobs(pi);
  }

  private static void decide(SimulationContext ctx, ProcessInstance pi, Task review, String decision, String reason) {
    ctx.complete(pi, review, Map.of("reviewDecision", decision, "decisionReason", reason));
  }
}
