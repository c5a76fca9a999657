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
 * Plays 一业一证 ({@code one-industry-one-licence}): shared materials asked once, registration (市场监管) and the
 * hygiene permit (卫生健康) reviewed in parallel, one licence whose QR code carries both; a department returning the application for correction (退回补正) or
 * the applicant withdrawing while a review is open (撤回). Day parameters:
 * {@code verifyDays}, {@code reviewDays} (capped at the promise except in APPROVED_LATE), {@code resubmitDays}.
 */
@Component
public class OneIndustryOneLicenceDriver implements ReformDriver {

  public static final String KEY = "one-industry-one-licence";
  static final String ITEM = "YYYZ-GGWS-001";
  /** Venue type and business scope of the public venues this item serves. */
  static final List<List<String>> VENUES = List.of(
      List.of("住宿", "住宿服务; 餐饮管理"),
      List.of("美容美发", "美容服务; 理发服务"),
      List.of("沐浴", "洗浴服务; 足浴服务"));

  private final ServiceCatalog catalog;

  public OneIndustryOneLicenceDriver(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("APPROVED", "两项均准予, 核发一码通行营业执照", 50),
        new Scenario("HYGIENE_REFUSED", "准予登记, 卫生许可不予, 只发营业执照", 8),
        new Scenario("REJECTED", "设立登记不予核准, 两项一并终止", 6),
        new Scenario("APPROVED_LATE", "审查超期, 效能监察督办后准予", 10),
        new Scenario("RESUBMITTED", "共用材料不全, 一次性告知后补正", 10),
        new Scenario("NOT_ACCEPTED", "逾期未补正, 不予受理", 4),
        new Scenario("RETURNED", "一个部门退回补正, 补正后窗口复核, 该部门重新审查后准予", 4),
        new Scenario("WITHDRAWN", "一个部门已审查, 申请人撤回申请", 2),
        new Scenario("OPEN", "两部门审查中 (未办结)", 5));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    ServiceItem item = catalog.require(ITEM);
    List<String> all = codes(item.materials());
    List<String> venue = VENUES.get(ctx.random().nextInt(VENUES.size()));
    String scenario = c.scenario();
    String address = "高新区石桥铺科园四路 " + (1 + ctx.random().nextInt(300)) + " 号";
    ProcessInstance pi = ctx.start(c, ITEM, DriverSteps.submitted(c, item), false,
        Map.of("venueType", venue.get(0), "businessScope", venue.get(1), "registeredAddress", address));
    if (!DriverSteps.windowCheck(ctx, c, pi, Map.of(), all) || scenario.equals("OPEN")) {
      return;
    }

    List<Task> reviews =
        byDueDate(List.of(ctx.task(pi, "Task_ReviewHygiene"), ctx.task(pi, "Task_ReviewRegistration")));
    if (scenario.equals("APPROVED_LATE")) {
      DriverSteps.overdue(ctx, pi, ctx.random().nextBoolean() ? "Event_HygieneOverdue" : "Event_RegistrationOverdue");
      ctx.workingDaysLater(ctx.random().nextInt(2));
      catchUp(ctx, pi); // whatever fell due meanwhile is supervised as well
    }
    // RETURNED: one of the two departments (drawn) returns the application for correction
    Task returning = scenario.equals("RETURNED") ? reviews.get(ctx.random().nextInt(reviews.size())) : null;
    for (Task review : reviews) {
      ctx.workingDaysLaterWithinDue(review, reviews.indexOf(review) == 0 ? c.days("reviewDays", 1) : 0);
      if (scenario.equals("WITHDRAWN") && reviews.indexOf(review) == 1) {
        // while the second review is still open: once both have decided, withdrawal is refused
        ctx.withdraw(pi, "选址变更, 另行申请");
        return;
      }
      boolean hygiene = review.getTaskDefinitionKey().equals("Task_ReviewHygiene");
      if (review == returning) {
        decide(ctx, pi, review, "RETURN", hygiene ? "卫生管理制度缺少公共用品消毒制度" : "章程未载明经营期限");
      } else if (hygiene && scenario.equals("HYGIENE_REFUSED")) {
        decide(ctx, pi, review, "REJECT", "通风和消毒设施不符合卫生规范");
      } else if (!hygiene && scenario.equals("REJECTED")) {
        decide(ctx, pi, review, "REJECT", "拟用名称与在先登记的企业名称相同");
      } else {
        decide(ctx, pi, review, "APPROVE", hygiene ? "卫生条件符合要求" : "准予登记");
      }
    }
    if (returning != null) {
      // after the correction and the window's re-check only the returning department reviews again
      DriverSteps.resubmit(ctx, c, pi, all);
      ctx.complete(pi, "Task_VerifyMaterials", Map.of());
      Task again = ctx.task(pi, returning.getTaskDefinitionKey());
      ctx.workingDaysLaterWithinDue(again, 1);
      catchUp(ctx, pi);
      decide(ctx, pi, again, "APPROVE", "补正后符合要求");
    }
    ctx.runJobs(pi);
  }

  private static void decide(SimulationContext ctx, ProcessInstance pi, Task review, String decision, String reason) {
    ctx.complete(pi, review, Map.of("reviewDecision", decision, "decisionReason", reason));
  }
}
