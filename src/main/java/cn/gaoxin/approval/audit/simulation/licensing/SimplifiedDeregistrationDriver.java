package cn.gaoxin.approval.audit.simulation.licensing;

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
 * Plays 企业简易注销 ({@code simplified-deregistration}): the eligibility table, the window check, the 45-day public
 * notice (objections lodged through the public-notice service and checked by the registrar), then the
 * deregistration within one working day, or the registrar returning the application for correction (退回补正:
 * corrected online, checked at the window, decided by the registrar without a second notice). Day parameters: {@code verifyDays}, {@code reviewDays} (capped at the
 * promise except in REGISTRATION_LATE), {@code resubmitDays}, {@code withdrawDays} (working days into the notice).
 */
@Component
public class SimplifiedDeregistrationDriver implements ReformDriver {

  public static final String KEY = "simplified-deregistration";
  static final String ITEM = "SCJG-JYZX-001";

  private final ServiceCatalog catalog;
  private final PublicNotices publicNotices;

  public SimplifiedDeregistrationDriver(ServiceCatalog catalog, PublicNotices publicNotices) {
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
        new Scenario("DEREGISTERED", "公示 45 日无异议, 准予注销, 证照同步缴销", 45),
        new Scenario("NOT_ELIGIBLE", "不适用简易注销, 一次性告知全部情形", 10),
        new Scenario("OBJECTION_DISMISSED", "公示期内有异议, 核查不成立, 准予注销", 6),
        new Scenario("TERMINATED", "公示期内异议成立, 终止简易注销程序", 5),
        new Scenario("REFUSED", "公示期满, 登记机关不予注销", 4),
        new Scenario("REGISTRATION_LATE", "注销登记超期, 效能监察督办后准予", 6),
        new Scenario("RESUBMITTED", "材料不全, 一次性告知后补正", 6),
        new Scenario("NOT_ACCEPTED", "逾期未补正, 不予受理", 3),
        new Scenario("RETURNED", "公示期满后登记机关退回补正, 补正后窗口复核, 准予注销", 4),
        new Scenario("WITHDRAWN", "公示期间申请人撤回", 5),
        new Scenario("OPEN", "公示中 (未办结)", 5));
  }

  /** The public notice alone runs 45 calendar days. */
  @Override
  public int caseSpanDays() {
    return 55;
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    ServiceItem item = catalog.require(ITEM);
    List<String> all = codes(item.materials());
    String scenario = c.scenario();
    Map<String, Object> details = new HashMap<>();
    details.put("entityType", List.of("LLC", "LLC", "SOLE_PROPRIETORSHIP", "PARTNERSHIP").get(ctx.random().nextInt(4)));
    details.put("hasOutstandingDebts", scenario.equals("NOT_ELIGIBLE"));
    details.put("hasPendingCases", false);
    details.put("equityFrozenOrPledged", scenario.equals("NOT_ELIGIBLE") && ctx.random().nextBoolean());
    details.put("branchesNotDeregistered", false);
    details.put("commitmentSigned", true);
    ProcessInstance pi = ctx.start(c, ITEM, DriverSteps.submitted(c, item), false, details);
    if (scenario.equals("NOT_ELIGIBLE")) {
      return; // told every reason while the application was submitted
    }

    if (!DriverSteps.windowCheck(ctx, c, pi, Map.of(), all)) {
      return;
    }

    switch (scenario) {
      case "OPEN" -> { return; }
      case "WITHDRAWN" -> {
        ctx.workingDaysLater(3 + c.days("withdrawDays", 1) * 5);
        ctx.withdraw(pi, "公司决定继续经营");
        return;
      }
      case "OBJECTION_DISMISSED", "TERMINATED" -> {
        // a creditor objects some weeks into the notice; the registrar checks it within the promise
        ctx.workingDaysLater(5 + ctx.random().nextInt(15));
        publicNotices.object(pi.getBusinessKey(), new PublicNotices.Objection(
            List.of("青岛恒信融资租赁有限公司", "王某", "湘潭宏达机电设备有限公司").get(ctx.random().nextInt(3)),
            "13698765432", "该公司尚欠我方设备租金及货款未付, 不符合简易注销条件"));
        ctx.workingDaysLaterWithinDue(ctx.task(pi, "Task_HandleObjection"), 1);
        boolean upheld = scenario.equals("TERMINATED");
        ctx.complete(pi, "Task_HandleObjection", Map.of("objectionResult", upheld ? "UPHELD" : "DISMISSED",
            "objectionFinding", upheld ? "经核实, 租赁合同尚在履行, 债务未清偿" : "异议人所称债务属于其他公司, 与本公司无关"));
        if (upheld) {
          return;
        }
      }
      default -> { }
    }

    ctx.fireTimer(pi, "Event_PublicNoticeEnded");
    if (scenario.equals("REGISTRATION_LATE")) {
      DriverSteps.overdue(ctx, pi, "Event_RegistrationOverdue");
      ctx.workingDaysLater(ctx.random().nextInt(2));
    } else {
      ctx.workingDaysLaterWithinDue(ctx.task(pi, "Task_RegisterDeregistration"), c.days("reviewDays", 1));
    }
    catchUp(ctx, pi);
    if (scenario.equals("REFUSED")) {
      DriverSteps.decide(ctx, pi, "Task_RegisterDeregistration", "REJECT", "公示期间企业被立案调查");
    } else if (scenario.equals("RETURNED")) {
      DriverSteps.decide(ctx, pi, "Task_RegisterDeregistration", "RETURN", "全体投资人承诺书缺少一名股东签字");
      DriverSteps.resubmit(ctx, c, pi, all);
      ctx.complete(pi, "Task_VerifyMaterials", Map.of());
      catchUp(ctx, pi);
      DriverSteps.decide(ctx, pi, "Task_RegisterDeregistration", "APPROVE", "补正后符合规定, 准予注销");
    } else {
      DriverSteps.decide(ctx, pi, "Task_RegisterDeregistration", "APPROVE", "公示期满无异议, 准予注销");
    }
    ctx.runJobs(pi);
  }
}
