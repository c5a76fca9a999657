package cn.gaoxin.approval.audit.simulation.services;

import cn.gaoxin.approval.audit.simulation.DriverSteps;
import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Plays 火炬积分贷 ({@code innovation-points-loan}), applied for online only: eligibility and the credit limit
 * from the decision tables, the partner bank's online review (within its promise except in APPROVED_LATE),
 * payout. Day parameters: {@code reviewDays} (the bank's review), {@code withdrawDays}.
 */
@Component
public class InnovationPointsLoanDriver implements ReformDriver {

  public static final String KEY = "innovation-points-loan";
  static final String ITEM = "JR-JFD-001";
  static final List<String> MATERIALS = List.of("BUSINESS_LICENCE", "LEGAL_REP_ID", "FINANCIAL_STATEMENTS",
      "CREDIT_AUTHORISATION");
  static final List<String> BANKS = List.of("中国工商银行厦门市分行", "厦门银行股份有限公司", "兴业银行厦门分行");

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("DISBURSED", "按测算额度授信, 在线放款", 40),
        new Scenario("REDUCED", "银行调减额度后授信放款", 10),
        new Scenario("REFUSED", "银行不予授信", 8),
        new Scenario("INELIGIBLE", "不符合申请条件, 一次告知全部原因", 10),
        new Scenario("POINTS_INSUFFICIENT", "创新积分未达授信标准", 6),
        new Scenario("APPROVED_LATE", "银行审批超期, 效能监察督办后授信", 8),
        new Scenario("WITHDRAWN", "银行审批前企业撤回", 6),
        new Scenario("OPEN", "银行审批中 (未办结)", 5));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    String scenario = c.scenario();
    String bank = BANKS.get(ctx.random().nextInt(BANKS.size()));
    ProcessInstance pi = ctx.start(c.withChannel("ONLINE"), ITEM, MATERIALS, false, facts(scenario, bank, ctx));
    switch (scenario) {
      case "INELIGIBLE", "POINTS_INSUFFICIENT" -> { } // answered while the application was submitted
      case "OPEN" -> { }
      case "WITHDRAWN" -> {
        ctx.workingDaysLaterWithinDue(ctx.task(pi, "Task_BankReview"), c.days("withdrawDays", 1));
        ctx.withdraw(pi, "已从其他银行获得贷款");
      }
      case "REFUSED" -> {
        bankReviews(c, ctx, pi);
        ctx.complete(pi, "Task_BankReview", Map.of("creditDecision", "REFUSE",
            "creditDecisionReason", "企业近六个月存在多笔逾期应付账款"));
      }
      case "REDUCED" -> {
        bankReviews(c, ctx, pi);
        long proposed =
            ((Number) ctx.engine().getRuntimeService().getVariable(pi.getId(), "proposedAmount")).longValue();
        ctx.complete(pi, "Task_BankReview", Map.of("creditDecision", "REDUCE", "approvedAmount", proposed * 6 / 10,
            "creditDecisionReason", "结合企业经营现金流, 首次授信按测算额度的六成核定", "lendingBank", bank));
      }
      default -> {
        if (scenario.equals("APPROVED_LATE")) {
          DriverSteps.overdue(ctx, pi, "Event_BankReviewOverdue");
          ctx.workingDaysLater(ctx.random().nextInt(2));
        } else {
          bankReviews(c, ctx, pi);
        }
        ctx.complete(pi, "Task_BankReview", Map.of("creditDecision", "APPROVE", "lendingBank", bank));
      }
    }
    ctx.runJobs(pi);
  }

  /** The bank reviews within its promised working days. */
  private static void bankReviews(PlannedCase c, SimulationContext ctx, ProcessInstance pi) {
    ctx.workingDaysLaterWithinDue(ctx.task(pi, "Task_BankReview"), c.days("reviewDays", 2));
  }

  /** What the 火炬金融服务平台 knows of the firm: time in the zone, size, credit, revenue and innovation points. */
  private static Map<String, Object> facts(String scenario, String bank, SimulationContext ctx) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("monthsInZone", 14 + ctx.random().nextInt(60));
    facts.put("enterpriseScale", ctx.random().nextInt(3) == 0 ? "MICRO" : "SMALL");
    facts.put("badCreditRecord", false);
    facts.put("lendingBank", bank);
    switch (ctx.random().nextInt(3)) {
      case 0 -> { // 专精特新
        facts.put("annualRevenue", 20_000_000 + ctx.random().nextInt(60_000_000));
        facts.put("specialisedSme", true);
        facts.put("innovationPoints", 600 + ctx.random().nextInt(350));
        facts.put("requestedAmount", 5_000_000);
      }
      case 1 -> { // 初创型, no revenue yet
        facts.put("annualRevenue", 0);
        facts.put("innovationPoints", 400 + ctx.random().nextInt(400));
      }
      default -> {
        facts.put("annualRevenue", 2_000_000 + ctx.random().nextInt(20_000_000));
        facts.put("specialisedSme", false);
        facts.put("innovationPoints", 250 + ctx.random().nextInt(600));
      }
    }
    if (scenario.equals("INELIGIBLE")) {
      facts.put("monthsInZone", 3 + ctx.random().nextInt(9));
      facts.put("badCreditRecord", ctx.random().nextBoolean());
    } else if (scenario.equals("POINTS_INSUFFICIENT")) {
      facts.put("annualRevenue", 3_000_000);
      facts.put("specialisedSme", false);
      facts.put("innovationPoints", 80 + ctx.random().nextInt(100));
    }
    return facts;
  }
}
