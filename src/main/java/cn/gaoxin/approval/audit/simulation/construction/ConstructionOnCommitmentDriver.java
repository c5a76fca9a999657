package cn.gaoxin.approval.audit.simulation.construction;

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
 * Plays 承诺即开工 ({@code construction-on-commitment}) cases: the permit on the signed commitment within two hours
 * and the post-start video inspection it calls (played with {@link RemoteVideoInspectionDriver}'s steps), the
 * regular procedure for high-risk production, refusals, returns, the commitment never signed and the stop-work
 * order after a failed inspection. Day parameters (working days): {@code verifyDays}, {@code reviewDays} (regular
 * review), {@code supplementDays} (until the commitment is signed or the rectification reported),
 * {@code resubmitDays}.
 */
@Component
public class ConstructionOnCommitmentDriver implements ReformDriver {

  public static final String KEY = "construction-on-commitment";
  static final String ITEM = "ZJ-SGXK-001";
  private static final List<String> COMMITMENT_TYPES =
      List.of("RESEARCH_OFFICE", "INDUSTRIAL_PLANT", "RESIDENTIAL", "PUBLIC_BUILDING", "MUNICIPAL", "WAREHOUSE");
  private static final Map<String, Object> URGE =
      Map.of("supervisionAction", "URGE", "supervisionOpinion", "已超承诺时限, 请立即办结");

  private final ServiceCatalog catalog;
  private final RemoteVideoInspectionDriver inspections;

  public ConstructionOnCommitmentDriver(ServiceCatalog catalog, RemoteVideoInspectionDriver inspections) {
    this.catalog = catalog;
    this.inspections = inspections;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("APPROVED", "凭承诺 2 小时内核发, 开工后视频核查通过", 30),
        new Scenario("APPROVED_LATE", "凭承诺核发超过 2 小时, 效能监察督办", 8),
        new Scenario("SIGNED_LATER", "受理后补签承诺书, 凭承诺核发", 8),
        new Scenario("COMMITMENT_EXPIRED", "期限内未签署承诺书, 申请终止", 3),
        new Scenario("REGULAR", "高危产品生产储存, 一般程序核发", 8),
        new Scenario("REGULAR_LATE", "一般程序审查超期, 效能监察督办后核发", 4),
        new Scenario("RETURNED", "一般程序审查退回补正, 补正后核发", 4),
        new Scenario("RETURNED_ON_COMMITMENT", "凭承诺核发时退回补正, 网上补正后 2 小时内核发", 4),
        new Scenario("REJECTED", "不予许可", 5),
        new Scenario("RESUBMITTED", "材料不全, 一次性告知后补正", 5),
        new Scenario("NOT_ACCEPTED", "材料不全, 逾期未补正, 不予受理", 3),
        new Scenario("INSPECTION_RECTIFIED", "开工后核查未通过, 整改后复验通过", 5),
        new Scenario("STOP_WORK", "开工后核查不合格, 中止施工许可并责令停工", 3),
        new Scenario("OPEN", "凭承诺核发中 (未办结)", 4));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    ServiceItem item = catalog.require(ITEM);
    String scenario = c.scenario();
    boolean regular = scenario.startsWith("REGULAR") || scenario.equals("RETURNED");
    boolean unsigned = scenario.equals("SIGNED_LATER") || scenario.equals("COMMITMENT_EXPIRED");
    Projects.Project project = Projects.pick(ctx.random());
    Map<String, Object> details = new HashMap<>();
    details.put("projectName", project.name());
    details.put("projectAddress", project.address());
    details.put("projectType", regular ? (ctx.random().nextBoolean() ? "INDUSTRIAL_PLANT" : "WAREHOUSE")
        : COMMITMENT_TYPES.get(ctx.random().nextInt(COMMITMENT_TYPES.size())));
    details.put("highRiskProduct",
        regular ? (ctx.random().nextBoolean() ? "HAZARDOUS_CHEMICALS" : "FIREWORKS") : "NONE");
    details.put("totalFloorArea", 8000 + ctx.random().nextInt(60) * 1000);
    details.put("commitmentSigned", !unsigned);

    ProcessInstance pi = WindowIntake.apply(c, ctx, item, 1, details);
    if (scenario.equals("NOT_ACCEPTED")) {
      return;
    }

    switch (scenario) {
      case "COMMITMENT_EXPIRED" -> ctx.fireTimer(pi, "Event_CommitmentWaitExpired");
      case "SIGNED_LATER" -> {
        ctx.workingDaysLater(Math.min(4, c.days("supplementDays", 2)));
        ctx.correlate(pi, "ConstructionCommitmentSigned", Map.of("commitmentSigned", true));
        permitWithinTwoHours(ctx, pi);
        inspectAfterStart(ctx, pi, c, true);
      }
      case "APPROVED_LATE" -> {
        ctx.fireTimer(pi, "Event_PermitLate");
        ctx.at(ctx.now().plusMinutes(20));
        ctx.complete(pi, "Task_SuperviseLatePermit", URGE);
        ctx.at(ctx.now().plusMinutes(30 + ctx.random().nextInt(90)));
        ctx.complete(pi, "Task_IssuePermitOnCommitment",
            Map.of("reviewDecision", "APPROVE", "decisionReason", "经督办后核发"));
        inspectAfterStart(ctx, pi, c, true);
      }
      case "REJECTED" -> {
        ctx.at(ctx.now().plusMinutes(30 + ctx.random().nextInt(60)));
        ctx.complete(pi, "Task_IssuePermitOnCommitment",
            Map.of("reviewDecision", "REJECT", "decisionReason", "建设工程规划许可证与申请的建设地点不一致"));
      }
      case "REGULAR" -> regularReview(ctx, pi, Math.min(6, c.days("reviewDays", 3)), "APPROVE", "经审查符合条件");
      case "REGULAR_LATE" -> {
        ctx.fireTimer(pi, "Event_RegularReviewOverdue");
        ctx.workingDaysLater(0);
        ctx.complete(pi, "Task_SuperviseOverdueRegular", URGE);
        regularReview(ctx, pi, 1, "APPROVE", "经督办后审查完毕, 符合条件");
      }
      case "RETURNED" -> {
        regularReview(ctx, pi, Math.min(3, c.days("reviewDays", 2)), "RETURN",
            "1. 危险化学品仓库安全条件审查意见书未提交; 2. 消防设计审查意见书已过期");
        ctx.workingDaysLater(Math.min(4, c.days("resubmitDays", 2)));
        WindowIntake.resubmit(ctx, pi, item.materials().stream().map(ServiceItem.Material::code).toList());
        regularReview(ctx, pi, Math.min(3, c.days("reviewDays", 2)), "APPROVE", "补正后符合条件");
      }
      case "RETURNED_ON_COMMITMENT" -> {
        ctx.at(ctx.now().plusMinutes(20 + ctx.random().nextInt(60)));
        ctx.complete(pi, "Task_IssuePermitOnCommitment",
            Map.of("reviewDecision", "RETURN", "decisionReason", "监理合同未加盖监理单位公章"));
        ctx.workingDaysLater(Math.min(4, c.days("resubmitDays", 2)));
        WindowIntake.resubmit(ctx, pi, item.materials().stream().map(ServiceItem.Material::code).toList());
        permitWithinTwoHours(ctx, pi);
        inspectAfterStart(ctx, pi, c, true);
      }
      case "OPEN" -> { }
      default -> {
        permitWithinTwoHours(ctx, pi);
        inspectAfterStart(ctx, pi, c, !scenario.equals("STOP_WORK") && !scenario.equals("INSPECTION_RECTIFIED"));
      }
    }
  }

  private static void permitWithinTwoHours(SimulationContext ctx, ProcessInstance pi) {
    ctx.at(ctx.now().plusMinutes(20 + ctx.random().nextInt(90)));
    ctx.complete(pi, "Task_IssuePermitOnCommitment", Map.of("reviewDecision", "APPROVE", "decisionReason", "承诺事项齐全"));
  }

  private static void regularReview(SimulationContext ctx, ProcessInstance pi, int days, String decision,
      String reason) {
    ctx.workingDaysLater(days);
    ctx.complete(pi, "Task_ReviewPermitRegular", Map.of("reviewDecision", decision, "decisionReason", reason));
  }

  /**
   * The post-start inspection the permit calls: passed by video, or (scenarios INSPECTION_RECTIFIED, STOP_WORK)
   * failed, rectified and inspected again; a case that fails by video twice and on site gets the stop-work order.
   */
  private void inspectAfterStart(SimulationContext ctx, ProcessInstance pi, PlannedCase c, boolean pass) {
    ProcessInstance inspection = ctx.calledInstance(pi);
    ctx.workingDaysLater(1 + ctx.random().nextInt(2));
    inspections.schedule(ctx, inspection);
    if (pass) {
      inspections.inspect(ctx, inspection, "Task_InspectByVideo", true);
      return;
    }
    inspections.inspect(ctx, inspection, "Task_InspectByVideo", false);
    inspections.reportRectification(ctx, inspection, Math.min(3, c.days("supplementDays", 2)));
    ctx.workingDaysLater(1);
    boolean stop = c.scenario().equals("STOP_WORK");
    inspections.inspect(ctx, inspection, "Task_InspectByVideo", !stop);
    if (!stop) {
      return;
    }
    ctx.workingDaysLater(1);
    inspections.inspect(ctx, inspection, "Task_InspectOnSite", false);
    ctx.workingDaysLater(0);
    boolean revoke = ctx.random().nextInt(3) == 0;
    ctx.complete(pi, "Task_DecideSanction", Map.of("sanctionStatus", revoke ? "REVOKED" : "SUSPENDED",
        "sanctionReason", revoke ? "承诺的建设资金未落实, 属虚假承诺" : "关键岗位人员未到岗, 违反施工许可告知承诺"));
  }
}
