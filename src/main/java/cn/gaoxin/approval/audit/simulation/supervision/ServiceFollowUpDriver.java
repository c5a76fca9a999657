package cn.gaoxin.approval.audit.simulation.supervision;

import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.followup.FollowUpRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Plays 好差评回访 ({@code service-follow-up}) cases. A follow-up is never started by hand: the platform starts one
 * when any case finishes. So, as the scenario tests do, each simulated follow-up begins with the case it follows
 * up — a 食品经营许可 application under 容缺受理, decided by market regulation — and then the service agent calls
 * the enterprise; a bad review goes to the deciding department for rectification and is followed up again.
 * (Follow-ups of the other simulated cases start the same way and stay waiting for their call.) Day parameters
 * (working days): {@code verifyDays} and {@code reviewDays} of the original case, {@code supplementDays} (until
 * the call), {@code resubmitDays} (rectification).
 */
@Component
public class ServiceFollowUpDriver implements ReformDriver {

  public static final String KEY = "service-follow-up";
  static final String ORIGINAL_REFORM = "incomplete-materials-acceptance";
  static final String ORIGINAL_ITEM = "SCJG-SPJY-001";
  private static final String[] GOOD = {"一次办结, 很满意", "网上提交, 没跑腿", "窗口服务热情", ""};
  private static final String[] BAD = {"现场核查预约等了一周", "窗口解释不清楚, 多跑了一次", "审批结果通知太晚"};

  private final ServiceCatalog catalog;
  private final FollowUpRegistry registry;

  public ServiceFollowUpDriver(ServiceCatalog catalog, FollowUpRegistry registry) {
    this.catalog = catalog;
    this.registry = registry;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("GOOD", "回访好评, 办结", 55),
        new Scenario("MEDIUM", "回访中评, 办结", 15),
        new Scenario("BAD_RESOLVED", "差评, 承办部门整改后再次回访认可", 8),
        new Scenario("BAD_EXPLAINED", "差评整改后仍不认可, 改革办复核解释后销号", 4),
        new Scenario("BAD_REWORK", "差评整改后仍不认可, 改革办退回继续整改后认可", 3),
        new Scenario("CONTACT_LATE", "回访超期, 效能监察督办", 6),
        new Scenario("OPEN", "待回访 (未办结)", 4));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    String scenario = c.scenario();
    boolean open = scenario.equals("OPEN");
    ProcessInstance followUp = followUpOf(finishedOriginal(c, ctx, open), ctx);
    if (open) {
      return;
    }
    if (scenario.equals("CONTACT_LATE")) {
      ctx.fireTimer(followUp, "Event_ContactOverdue");
      ctx.workingDaysLater(0);
      ctx.complete(followUp, "Task_SuperviseOverdueContact",
          Map.of("supervisionAction", "URGE", "supervisionOpinion", "回访已超期, 请当日完成"));
    } else {
      ctx.workingDaysLater(Math.min(2, c.days("supplementDays", 1)));
    }
    String bad = BAD[ctx.random().nextInt(BAD.length)];
    switch (scenario) {
      case "MEDIUM" -> contact(ctx, followUp, "Task_ContactEnterprise", "MEDIUM", "结果满意, 但希望提前告知办理进度");
      case "BAD_RESOLVED", "BAD_EXPLAINED", "BAD_REWORK" -> {
        contact(ctx, followUp, "Task_ContactEnterprise", "BAD", bad);
        rectify(ctx, followUp, c);
        if (scenario.equals("BAD_RESOLVED")) {
          contact(ctx, followUp, "Task_SecondContact", "GOOD", "已改进, 认可");
          return;
        }
        contact(ctx, followUp, "Task_SecondContact", "BAD", "仍不满意: " + bad);
        ctx.workingDaysLater(1);
        if (scenario.equals("BAD_EXPLAINED")) {
          ctx.complete(followUp, "Task_ReviewUnresolvedBadReview",
              Map.of("escalationDecision", "CLOSE", "escalationOpinion", "经核实办理合法合规, 已向企业解释说明"));
          return;
        }
        ctx.complete(followUp, "Task_ReviewUnresolvedBadReview",
            Map.of("escalationDecision", "REWORK", "escalationOpinion", "请建立预约时限公示制度"));
        rectify(ctx, followUp, c);
        contact(ctx, followUp, "Task_SecondContact", "GOOD", "制度已公开, 认可整改");
      }
      default -> contact(ctx, followUp, "Task_ContactEnterprise", "GOOD", GOOD[ctx.random().nextInt(GOOD.length)]);
    }
  }

  /** The case followed up: submitted, checked at the window, decided (mostly approved) and so finished. */
  private ProcessInstance finishedOriginal(PlannedCase c, SimulationContext ctx, boolean open) {
    ServiceItem item = catalog.require(ORIGINAL_ITEM);
    List<String> all = item.materials().stream().map(ServiceItem.Material::code).toList();
    PlannedCase original = new PlannedCase(ORIGINAL_REFORM, ORIGINAL_ITEM, "APPROVED", c.start(), c.channel(),
        c.applicantName(), c.creditCode(), c.days());
    ProcessInstance pi = ctx.start(original, ORIGINAL_ITEM, all, false);
    ctx.workingDaysLater(open ? 0 : Math.min(1, c.days("verifyDays", 0)));
    ctx.complete(pi, "Task_VerifyMaterials", Map.of());
    ctx.workingDaysLater(open ? 0 : Math.max(1, Math.min(4, c.days("reviewDays", 2))));
    boolean approve = ctx.random().nextInt(7) > 0;
    ctx.complete(pi, "Task_ReviewApplication", Map.of("reviewDecision", approve ? "APPROVE" : "REJECT",
        "decisionReason", approve ? "材料齐全, 符合条件" : "经营场所不符合食品安全要求"));
    if (!ctx.isEnded(pi)) {
      throw new IllegalStateException("被回访的案件 " + pi.getBusinessKey() + " 未办结");
    }
    return pi;
  }

  private ProcessInstance followUpOf(ProcessInstance original, SimulationContext ctx) {
    String id = registry.forOriginal(original.getId()).map(FollowUpRegistry.FollowUp::followUpProcessInstanceId)
        .orElseThrow(() -> new IllegalStateException("案件 " + original.getBusinessKey() + " 办结后未启动回访"));
    return ctx.engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private static void contact(SimulationContext ctx, ProcessInstance followUp, String taskKey, String evaluation,
      String comment) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("contactMethod", ctx.random().nextInt(5) == 0 ? "SMS" : "PHONE");
    vars.put("evaluation", evaluation);
    vars.put("evaluationComment", comment);
    ctx.complete(followUp, taskKey, vars);
  }

  /** The department that decided the case rectifies within a few working days; the agent calls again soon after. */
  private static void rectify(SimulationContext ctx, ProcessInstance followUp, PlannedCase c) {
    ctx.workingDaysLater(Math.max(2, Math.min(6, c.days("resubmitDays", 3))));
    ctx.complete(followUp, "Task_RectifyBadReview", Map.of("rectificationMeasures", "现场核查改为 2 个工作日内预约, 办理进度短信告知"));
    ctx.workingDaysLater(1);
  }
}
