package cn.gaoxin.approval.audit.simulation.licensing;

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
import org.springframework.stereotype.Component;

/**
 * Plays 跨区通办 ({@code cross-region-handling}) together with the partner district's side
 * ({@code cross-region-partner}, started by the forwarding step, never a case of its own): the zone's window
 * accepts, the partner decides, the zone delivers; or the partner returns the application for correction, which
 * the zone tells the applicant, checks and forwards again (a new partner case). Day parameters: {@code verifyDays}, {@code reviewDays} (the
 * partner's decision, within its promise except in APPROVED_LATE), {@code resubmitDays}, {@code withdrawDays}.
 */
@Component
public class CrossRegionHandlingDriver implements ReformDriver {

  public static final String KEY = "cross-region-handling";
  static final String PARTNER = "cross-region-partner";

  private final ServiceCatalog catalog;

  public CrossRegionHandlingDriver(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<String> coveredKeys() {
    return List.of(KEY, PARTNER);
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("APPROVED", "协作地区准予, 本区一次送达证照", 50),
        new Scenario("REJECTED", "协作地区不予许可, 本区告知理由", 10),
        new Scenario("APPROVED_LATE", "协作地区超期, 效能监察督办后准予", 8),
        new Scenario("RESUBMITTED", "材料不全, 一次性告知后补正再转办", 8),
        new Scenario("NOT_ACCEPTED", "逾期未补正, 不予受理", 3),
        new Scenario("RETURNED", "协作地区退回补正, 本区告知并收取补正材料后重新转办, 准予", 5),
        new Scenario("WITHDRAWN", "转办后申请人撤回, 协作地区同步结案", 6),
        new Scenario("OPEN", "协作地区审批中 (未办结)", 5));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    ServiceItem item = DriverSteps.itemOf(catalog, KEY, c, ctx);
    List<String> all = codes(item.materials());
    String scenario = c.scenario();
    ProcessInstance pi = ctx.start(c, item.code(), DriverSteps.submitted(c, item), false, Map.of());
    if (!DriverSteps.windowCheck(ctx, c, pi, Map.of(), all)) {
      return;
    }
    ProcessInstance partner = partnerOf(ctx, pi);
    if (scenario.equals("OPEN")) {
      return;
    }
    if (scenario.equals("WITHDRAWN")) {
      ctx.workingDaysLaterWithinDue(ctx.task(partner, "Task_DecideCase"), c.days("withdrawDays", 1));
      ctx.withdraw(pi, "公司决定暂缓开展该项业务");
      ctx.runJobs(partner);
      return;
    }

    if (scenario.equals("APPROVED_LATE")) {
      DriverSteps.overdue(ctx, pi, "Event_PartnerResultOverdue");
      ctx.workingDaysLater(1 + ctx.random().nextInt(2));
    } else {
      ctx.workingDaysLaterWithinDue(ctx.task(partner, "Task_DecideCase"), c.days("reviewDays", 2));
    }
    if (scenario.equals("RETURNED")) {
      // the partner returns the case for correction; the zone tells the applicant, checks the correction and
      // forwards it again as a new partner case
      ctx.complete(partner, "Task_DecideCase", Map.of("reviewDecision", "RETURN",
          "decisionReason", "经营场所使用证明未注明房屋用途, 请补充不动产权证书复印件"));
      ctx.runJobs(partner);
      ctx.runJobs(pi);
      DriverSteps.resubmit(ctx, c, pi, all);
      ctx.complete(pi, "Task_VerifyMaterials", Map.of());
      ctx.runJobs(pi);
      partner = partnerOf(ctx, pi);
      ctx.workingDaysLaterWithinDue(ctx.task(partner, "Task_DecideCase"), 1);
      catchUp(ctx, pi);
    }
    boolean refused = scenario.equals("REJECTED");
    ctx.complete(partner, "Task_DecideCase", Map.of("reviewDecision", refused ? "REJECT" : "APPROVE",
        "decisionReason", refused ? "经营场所规划用途为住宅, 不得用作经营场所" : "符合许可条件"));
    ctx.runJobs(pi); // the partner's result arrives and the zone notifies the applicant
    if (refused) {
      return;
    }
    catchUp(ctx, pi);
    ctx.workingDaysLater(1 + ctx.random().nextInt(2));
    ctx.complete(pi, "Task_DeliverLocally", ctx.random().nextBoolean() ? Map.of("deliveryMethod", "COUNTER")
        : Map.of("deliveryMethod", "POST", "postTrackingNumber", DriverSteps.mailNumber(ctx)));
    ctx.runJobs(pi);
  }

  /** The partner district's case, opened when the zone forwarded the application. */
  private static ProcessInstance partnerOf(SimulationContext ctx, ProcessInstance pi) {
    Object partnerCase = ctx.engine().getRuntimeService().getVariable(pi.getId(), "partnerCaseNumber");
    ProcessInstance partner = partnerCase == null ? null : ctx.engine().getRuntimeService()
        .createProcessInstanceQuery().processDefinitionKey(PARTNER).processInstanceBusinessKey(partnerCase.toString())
        .singleResult();
    if (partner == null) {
      throw new IllegalStateException("案件 " + pi.getBusinessKey() + " 未转到协作地区");
    }
    return partner;
  }
}
