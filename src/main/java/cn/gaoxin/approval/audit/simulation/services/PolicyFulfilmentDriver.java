package cn.gaoxin.approval.audit.simulation.services;

import static cn.gaoxin.approval.audit.simulation.DriverSteps.catchUp;
import static cn.gaoxin.approval.audit.simulation.DriverSteps.codes;

import cn.gaoxin.approval.audit.simulation.DriverSteps;
import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.publicity.PublicNotices;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Plays 政策兑现 ({@code policy-fulfilment}) for its four policies (新三板挂牌, 上市, 科技创新券, 高新技术企业认定):
 * eligibility and amount from the decision table, the finance bureau's review, the public notice (objections
 * lodged through the public-notice service), payment. Day parameters: {@code reviewDays} (within the promise
 * except in APPROVED_LATE), {@code resubmitDays}, {@code withdrawDays}.
 */
@Component
public class PolicyFulfilmentDriver implements ReformDriver {

  public static final String KEY = "policy-fulfilment";

  private final ServiceCatalog catalog;
  private final PublicNotices publicNotices;

  public PolicyFulfilmentDriver(ServiceCatalog catalog, PublicNotices publicNotices) {
    this.catalog = catalog;
    this.publicNotices = publicNotices;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("PAID", "审核同意, 公示无异议, 资金拨付", 40),
        new Scenario("OBJECTION_DISMISSED", "公示期内有异议, 核查不成立, 资金拨付", 6),
        new Scenario("OBJECTION_UPHELD", "公示期内异议成立, 不予兑现", 4),
        new Scenario("NOT_GRANTED", "财政局审核不予兑现", 7),
        new Scenario("INELIGIBLE", "不符合政策条件, 告知原因", 6),
        new Scenario("RETURNED", "审核退回补正, 补正后同意并拨付", 5),
        new Scenario("RESUBMITTED", "材料不全, 一次性告知后补正", 7),
        new Scenario("NOT_ACCEPTED", "逾期未补正, 不予受理", 3),
        new Scenario("APPROVED_LATE", "审核超期, 效能监察督办后同意并拨付", 7),
        new Scenario("WITHDRAWN", "审核前企业撤回", 5),
        new Scenario("OPEN", "财政局审核中 (未办结)", 5));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    ServiceItem policy = DriverSteps.itemOf(catalog, KEY, c, ctx);
    List<String> all = codes(policy.materials());
    String scenario = c.scenario();
    ProcessInstance pi = ctx.start(c, policy.code(), DriverSteps.submitted(c, policy), false,
        facts(policy.code(), scenario.equals("INELIGIBLE"), ctx));
    switch (scenario) {
      case "INELIGIBLE" -> { return; } // told why while the claim was submitted
      case "NOT_ACCEPTED" -> {
        ctx.fireTimer(pi, "Event_ResubmissionDeadlinePassed");
        return;
      }
      case "RESUBMITTED" -> DriverSteps.resubmit(ctx, c, pi, all);
      case "OPEN" -> { return; }
      case "WITHDRAWN" -> {
        ctx.workingDaysLaterWithinDue(ctx.task(pi, "Task_ReviewClaim"), c.days("withdrawDays", 1));
        ctx.withdraw(pi, "申请主体填写有误, 撤回后重新申请");
        return;
      }
      case "NOT_GRANTED" -> {
        review(c, ctx, pi, "REJECT", "申请主体与挂牌 (认定) 主体不一致");
        return;
      }
      case "RETURNED" -> {
        review(c, ctx, pi, "RETURN", "1. 申请表未加盖公章; 2. 银行账户信息与营业执照名称不一致");
        DriverSteps.resubmit(ctx, c, pi, all);
      }
      default -> { }
    }

    if (scenario.equals("APPROVED_LATE")) {
      DriverSteps.overdue(ctx, pi, "Event_ReviewOverdue");
      ctx.workingDaysLater(ctx.random().nextInt(2));
      DriverSteps.decide(ctx, pi, "Task_ReviewClaim", "APPROVE", "经督办后审核办结, 同意兑现");
    } else {
      review(c, ctx, pi, "APPROVE", "符合政策条件, 同意兑现");
    }
    if (scenario.startsWith("OBJECTION")) {
      // objections come online on any day of the notice; the bureau checks each within its limit
      ctx.at(ctx.now().plusDays(1).withHour(10 + ctx.random().nextInt(8)));
      publicNotices.object(pi.getBusinessKey(), new PublicNotices.Objection("王某", "13900001111",
          "该企业注册地和税收户管地已迁出高新区, 请核实"));
      ctx.workingDaysLaterWithinDue(ctx.task(pi, "Task_VerifyObjection"), 1 + ctx.random().nextInt(2));
      catchUp(ctx, pi); // the notice may have ended meanwhile: payment then waits for this check
      boolean upheld = scenario.equals("OBJECTION_UPHELD");
      ctx.complete(pi, "Task_VerifyObjection", Map.of("objectionResult", upheld ? "UPHELD" : "DISMISSED",
          "objectionFinding", upheld ? "经核实, 企业已于申请前迁出高新区" : "经核实, 企业注册地和税收户管地均在高新区"));
      if (upheld) {
        return;
      }
    }
    boolean noticeRunning = ctx.engine().getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId("Event_NoticePeriodEnded").count() > 0;
    if (noticeRunning) {
      ctx.fireTimer(pi, "Event_NoticePeriodEnded");
    }
    ctx.runJobs(pi);
  }

  /** The finance bureau reviews within its promised working days. */
  private static void review(PlannedCase c, SimulationContext ctx, ProcessInstance pi, String decision, String reason) {
    ctx.workingDaysLaterWithinDue(ctx.task(pi, "Task_ReviewClaim"), c.days("reviewDays", 3));
    DriverSteps.decide(ctx, pi, "Task_ReviewClaim", decision, reason);
  }

  /** The facts a claim states for its policy; an ineligible claim misses the policy's condition. */
  private static Map<String, Object> facts(String policy, boolean ineligible, SimulationContext ctx) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("registeredInZone", true);
    switch (policy) {
      case "CZ-ZCDX-001" -> {
        facts.put("listingBoard", ineligible ? "CHINEXT" : "NEEQ");
        facts.put("stockCode", String.valueOf(870_000 + ctx.random().nextInt(9_999)));
      }
      case "CZ-ZCDX-002" -> {
        List<String> boards = List.of("SSE_MAIN", "SZSE_MAIN", "CHINEXT");
        facts.put("listingBoard", ineligible ? "NEEQ" : boards.get(ctx.random().nextInt(boards.size())));
        facts.put("stockCode", String.valueOf(300_000 + ctx.random().nextInt(9_999)));
      }
      case "CZ-ZCDX-003" -> {
        facts.put("voucherServiceAmount", ineligible ? 6_000 : 12_000 + ctx.random().nextInt(150_000));
        facts.put("techSme", ctx.random().nextBoolean());
      }
      default -> facts.put("highTechCertification", ineligible ? "RENEWAL" : "FIRST");
    }
    return facts;
  }
}
