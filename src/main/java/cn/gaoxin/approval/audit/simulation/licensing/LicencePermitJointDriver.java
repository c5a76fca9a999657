package cn.gaoxin.approval.audit.simulation.licensing;

import static cn.gaoxin.approval.audit.simulation.DriverSteps.byDueDate;
import static cn.gaoxin.approval.audit.simulation.DriverSteps.catchUp;
import static cn.gaoxin.approval.audit.simulation.DriverSteps.codes;

import cn.gaoxin.approval.audit.simulation.DriverSteps;
import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Plays 证照联办 ({@code licence-permit-joint}) through its six scenarios (餐饮店, 便利店, 药店, 医疗器械, 宾馆,
 * 游泳馆): the business licence and the industry permit reviewed in parallel by their departments, issued and
 * delivered together; a review returning the application for correction (退回补正: one notice once both reviews
 * are done, the correction checked at the window, only the returning review again). Day parameters:
 * {@code verifyDays}, {@code reviewDays}, {@code resubmitDays}, {@code withdrawDays}.
 */
@Component
public class LicencePermitJointDriver implements ReformDriver {

  public static final String KEY = "licence-permit-joint";

  private final ServiceCatalog catalog;

  public LicencePermitJointDriver(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("APPROVED", "营业执照和许可证同时核发, 一并送达", 45),
        new Scenario("LICENCE_ONLY", "许可不予, 申请人选择先照后证, 只发营业执照", 6),
        new Scenario("REJECTED", "许可不予, 两证均不核发", 6),
        new Scenario("APPROVED_LATE", "审查超期, 效能监察督办后同发", 8),
        new Scenario("RESUBMITTED", "材料不全, 一次性告知两证所需材料后补正", 9),
        new Scenario("NOT_ACCEPTED", "逾期未补正, 不予受理", 3),
        new Scenario("RETURNED", "一项审查退回补正, 补正后窗口复核, 该项重新审查后两证同发", 5),
        new Scenario("WITHDRAWN", "审查中申请人撤回", 5),
        new Scenario("OPEN", "两证审查中 (未办结)", 5));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    ServiceItem item = DriverSteps.itemOf(catalog, KEY, c, ctx);
    List<String> all = codes(item.materials());
    String scenario = c.scenario();
    ProcessInstance pi = ctx.start(c, item.code(), DriverSteps.submitted(c, item), false,
        Map.of("licenceWithoutPermit", scenario.equals("LICENCE_ONLY")));
    if (!DriverSteps.windowCheck(ctx, c, pi, Map.of(), all) || scenario.equals("OPEN")) {
      return;
    }

    List<Task> reviews = byDueDate(List.of(ctx.task(pi, "Task_ReviewLicence"), ctx.task(pi, "Task_ReviewPermit")));
    if (scenario.equals("WITHDRAWN")) {
      ctx.workingDaysLaterWithinDue(reviews.get(0), c.days("withdrawDays", 1));
      ctx.withdraw(pi, "选址变更, 另行申请");
      return;
    }
    if (scenario.equals("APPROVED_LATE")) {
      // the review due first runs late
      DriverSteps.overdue(ctx, pi, reviews.get(0).getTaskDefinitionKey().equals("Task_ReviewPermit")
          ? "Event_PermitReviewOverdue" : "Event_LicenceReviewOverdue");
      ctx.workingDaysLater(ctx.random().nextInt(2));
      catchUp(ctx, pi);
    }
    // RETURNED: one of the two reviews (drawn) returns the application for correction
    Task returning = scenario.equals("RETURNED") ? reviews.get(ctx.random().nextInt(reviews.size())) : null;
    for (Task review : reviews) {
      int days = reviews.indexOf(review) == 0 ? c.days("reviewDays", 2) : ctx.random().nextInt(2);
      ctx.workingDaysLaterWithinDue(review, days);
      boolean permit = review.getTaskDefinitionKey().equals("Task_ReviewPermit");
      boolean refused = permit && (scenario.equals("LICENCE_ONLY") || scenario.equals("REJECTED"));
      if (review == returning) {
        ctx.complete(pi, review, Map.of("reviewDecision", "RETURN", "decisionReason",
            permit ? "经营设施设备布局图未标明各功能区域" : "章程未载明经营期限"));
      } else {
        ctx.complete(pi, review, Map.of("reviewDecision", refused ? "REJECT" : "APPROVE",
            "decisionReason", refused ? "经营场所现场核查不符合许可条件" : permit ? "符合许可条件" : "登记事项符合规定"));
      }
    }
    ctx.runJobs(pi);
    if (returning != null) {
      // after the correction and the window's re-check only the returning review runs again
      DriverSteps.resubmit(ctx, c, pi, all);
      ctx.complete(pi, "Task_VerifyMaterials", Map.of());
      ctx.runJobs(pi);
      Task again = ctx.task(pi, returning.getTaskDefinitionKey());
      ctx.workingDaysLaterWithinDue(again, 1);
      catchUp(ctx, pi);
      ctx.complete(pi, again, Map.of("reviewDecision", "APPROVE", "decisionReason", "补正后符合要求"));
      ctx.runJobs(pi);
    }
  }
}
