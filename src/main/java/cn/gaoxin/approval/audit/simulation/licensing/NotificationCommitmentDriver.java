package cn.gaoxin.approval.audit.simulation.licensing;

import static cn.gaoxin.approval.audit.simulation.DriverSteps.codes;

import cn.gaoxin.approval.audit.simulation.DriverSteps;
import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Plays 告知承诺制 ({@code notification-commitment}): filings on the spot, changes and renewals of the food
 * business licence decided on the applicant's commitment and checked afterwards (承诺不实 revokes the licence),
 * and the ordinary review where no commitment applies. Day parameters: {@code reviewDays} (ordinary review),
 * {@code resubmitDays}, {@code withdrawDays}; the post-approval check takes 5 to 18 working days.
 */
@Component
public class NotificationCommitmentDriver implements ReformDriver {

  public static final String KEY = "notification-commitment";
  static final String FILING = "SCJG-SPBA-YBZ";
  static final String CHANGE = "SCJG-SPJY-BG";
  static final String RENEWAL = "SCJG-SPJY-YX";

  private final ServiceCatalog catalog;

  public NotificationCommitmentDriver(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("FILED", "仅销售预包装食品, 当场备案", 12),
        new Scenario("COMMITMENT_CONFIRMED", "签署告知承诺书当场准予, 事后核查属实", 30),
        new Scenario("COMMITMENT_REVOKED", "当场准予, 事后核查承诺不实, 撤销许可并记入信用记录", 4),
        new Scenario("POST_CHECK_LATE", "当场准予, 事后核查超期, 效能监察督办后核查属实", 5),
        new Scenario("REVIEW_APPROVED", "未签署承诺书, 一般程序审查准予", 14),
        new Scenario("REVIEW_LATE", "一般程序审查超期, 效能监察督办后准予", 4),
        new Scenario("REJECTED", "高风险业态按一般程序审查, 不予许可", 5),
        new Scenario("RETURNED", "审查退回补正, 补正后准予", 5),
        new Scenario("RESUBMITTED", "缺核心材料, 一次性告知后补正, 当场准予并核查", 5),
        new Scenario("NOT_ACCEPTED", "逾期未补正, 不予受理", 3),
        new Scenario("WITHDRAWN", "一般程序审查中申请人撤回", 4),
        new Scenario("OPEN", "一般程序审查中 (未办结)", 4));
  }

  /** A post-approval check takes long: closed cases start early enough to be checked before "today". */
  @Override
  public int caseSpanDays() {
    return 45;
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    String scenario = c.scenario();
    boolean onCommitment = scenario.startsWith("COMMITMENT") || scenario.equals("POST_CHECK_LATE")
        || scenario.equals("RESUBMITTED");
    boolean filing = scenario.equals("FILED") || scenario.equals("NOT_ACCEPTED");
    // a licence holder who now sells pre-packaged food only is filed instead of changing the licence
    String itemCode = filing ? (scenario.equals("FILED") && ctx.random().nextInt(4) == 0 ? CHANGE : FILING)
        : scenario.equals("REJECTED") || ctx.random().nextBoolean() ? RENEWAL : CHANGE;
    ServiceItem item = catalog.require(itemCode);
    List<String> all = codes(item.materials());
    List<String> submitted = all;
    if (scenario.equals("NOT_ACCEPTED") || scenario.equals("RESUBMITTED")) {
      submitted = all.subList(0, 1);
    } else if (onCommitment && ctx.random().nextBoolean()) {
      submitted = codes(item.coreMaterials()); // the commitment stands in for the deferrable proof
    }
    Map<String, Object> details = new HashMap<>();
    details.put("commitmentSigned", onCommitment || scenario.equals("REJECTED"));
    details.put("prepackagedOnly", filing);
    details.put("businessFormat", scenario.equals("REJECTED") ? "COLLECTIVE_MEAL"
        : filing ? "FOOD_SALES" : ctx.random().nextBoolean() ? "CATERING" : "FOOD_SALES");
    ProcessInstance pi = ctx.start(c, item.code(), submitted, false, details);

    switch (scenario) {
      case "FILED" -> { } // filed while the application was submitted
      case "NOT_ACCEPTED" -> ctx.fireTimer(pi, "Event_ResubmissionDeadlinePassed");
      case "RESUBMITTED" -> {
        DriverSteps.resubmit(ctx, c, pi, codes(item.coreMaterials()));
        postCheck(ctx, pi, "CONFORMS");
      }
      case "COMMITMENT_CONFIRMED" -> postCheck(ctx, pi, "CONFORMS");
      case "COMMITMENT_REVOKED" -> postCheck(ctx, pi, "FALSE_COMMITMENT");
      case "POST_CHECK_LATE" -> {
        DriverSteps.overdue(ctx, pi, "Event_PostCheckOverdue");
        ctx.workingDaysLater(1 + ctx.random().nextInt(3));
        ctx.complete(pi, "Task_PostApprovalCheck", Map.of("postCheckResult", "CONFORMS"));
      }
      case "REVIEW_LATE" -> {
        DriverSteps.overdue(ctx, pi, "Event_ReviewOverdue");
        ctx.workingDaysLater(ctx.random().nextInt(2));
        DriverSteps.decide(ctx, pi, "Task_ReviewApplication", "APPROVE", "经督办后审查办结, 符合条件");
      }
      case "REJECTED" -> review(c, ctx, pi, "REJECT", "集体用餐配送车辆无冷藏设施");
      case "RETURNED" -> {
        review(c, ctx, pi, "RETURN", "1. 变更后的布局图未标注更衣室; 2. 缺少新增经营项目的操作流程");
        DriverSteps.resubmit(ctx, c, pi, all);
        review(c, ctx, pi, "APPROVE", "补正后符合要求");
      }
      case "WITHDRAWN" -> {
        ctx.workingDaysLaterWithinDue(ctx.task(pi, "Task_ReviewApplication"), c.days("withdrawDays", 1));
        ctx.withdraw(pi, "暂不变更, 撤回申请");
      }
      case "OPEN" -> { }
      default -> review(c, ctx, pi, "APPROVE", "符合许可条件");
    }
    ctx.runJobs(pi);
  }

  /** The ordinary review, on time. */
  private static void review(PlannedCase c, SimulationContext ctx, ProcessInstance pi, String decision, String reason) {
    ctx.workingDaysLaterWithinDue(ctx.task(pi, "Task_ReviewApplication"), c.days("reviewDays", 2));
    DriverSteps.decide(ctx, pi, "Task_ReviewApplication", decision, reason);
  }

  /** Inspectors check the commitment afterwards, within the post-check limit. */
  private static void postCheck(SimulationContext ctx, ProcessInstance pi, String result) {
    ctx.workingDaysLaterWithinDue(ctx.task(pi, "Task_PostApprovalCheck"), 5 + ctx.random().nextInt(14));
    ctx.complete(pi, "Task_PostApprovalCheck", result.equals("CONFORMS") ? Map.of("postCheckResult", result)
        : Map.of("postCheckResult", result, "postCheckFindings", "现场核查: 后厨未设置承诺的专间, 冷藏设施不足"));
  }
}
