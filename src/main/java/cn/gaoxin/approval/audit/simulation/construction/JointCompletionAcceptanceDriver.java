package cn.gaoxin.approval.audit.simulation.construction;

import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.reforms.construction.RectificationReports;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Plays 竣工联合验收 / 一企一证 ({@code joint-completion-acceptance}) cases: five departments accept their items in
 * parallel; failed items are returned for rectification in one notice once the round is done, and after the
 * applicant's online report only they are accepted again (or the rectification runs out); the certificate is
 * issued and, where asked, the title registered at once (竣工即办证). Day parameters (working days):
 * {@code verifyDays}, {@code reviewDays} (the departments' acceptance; 0: all on the day of acceptance),
 * {@code supplementDays} (rectification), {@code resubmitDays}.
 */
@Component
public class JointCompletionAcceptanceDriver implements ReformDriver {

  public static final String KEY = "joint-completion-acceptance";
  static final String ITEM = "GX-LHYS-001";

  private final ServiceCatalog catalog;
  private final RectificationReports rectifications;

  public JointCompletionAcceptanceDriver(ServiceCatalog catalog, RectificationReports rectifications) {
    this.catalog = catalog;
    this.rectifications = rectifications;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("APPROVED", "五项并联验收合格, 核发一企一证", 30),
        new Scenario("TITLE_ISSUED", "验收合格, 竣工即办证", 15),
        new Scenario("TITLE_REJECTED", "验收合格, 不动产登记暂不予办理", 4),
        new Scenario("TITLE_RETURNED", "验收合格, 登记退回补正, 网上补正后登记发证", 4),
        new Scenario("RECTIFIED", "一项验收不合格, 一次性整改通知, 网上报告整改后只复验该项, 合格", 10),
        new Scenario("FAILED", "一项验收不合格, 逾期未整改, 联合验收未通过", 4),
        new Scenario("APPROVED_LATE", "一项验收超期, 效能监察督办后合格", 8),
        new Scenario("RESUBMITTED", "材料不全, 一次性告知后补正", 5),
        new Scenario("NOT_ACCEPTED", "材料不全, 逾期未补正, 不予受理", 3),
        new Scenario("OPEN", "并联验收中 (未办结)", 4));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    ServiceItem item = catalog.require(ITEM);
    String scenario = c.scenario();
    Projects.Project project = Projects.pick(ctx.random());
    Map<String, Object> details =
        new HashMap<>(Map.of("projectName", project.name(), "projectAddress", project.address()));
    details.put("titleRegistrationRequested", scenario.startsWith("TITLE"));
    ProcessInstance pi = WindowIntake.apply(c, ctx, item, 2, details);
    if (scenario.equals("NOT_ACCEPTED") || scenario.equals("OPEN")) {
      return;
    }

    // the departments finish on different days, all within the shortest promised limit (5 working days)
    List<Task> items = new ArrayList<>(ctx.tasks(pi, "Task_AcceptItem"));
    Collections.shuffle(items, ctx.random());
    Task last = items.remove(items.size() - 1);
    int days = Math.max(0, Math.min(4, c.days("reviewDays", 2)));
    ctx.workingDaysLater(Math.max(0, days - 1));
    for (Task t : items) {
      ctx.at(ctx.now().plusMinutes(10 + ctx.random().nextInt(120)));
      ctx.complete(pi, t, Map.of("acceptanceResult", "PASS", "acceptanceFindings", "符合要求"));
    }
    String lastItem = (String) ctx.engine().getTaskService().getVariable(last.getId(), "itemCode");
    switch (scenario) {
      case "RECTIFIED", "FAILED" -> {
        ctx.workingDaysLater(1);
        ctx.complete(pi, last, Map.of("acceptanceResult", "FAIL", "acceptanceFindings", "现场与竣工图不符, 须限期整改: "
            + ctx.engine().getTaskService().getVariable(last.getId(), "itemName")));
        if (scenario.equals("FAILED")) {
          ctx.fireTimer(pi, "Event_RectificationOverdue");
          return;
        }
        ctx.workingDaysLater(Math.max(1, Math.min(6, c.days("supplementDays", 3))));
        rectifications.report(pi.getBusinessKey(), null, Map.of("rectificationReport", "已按整改通知完成整改"))
            .orElseThrow(() -> new IllegalStateException("案件 " + pi.getBusinessKey() + " 的 " + lastItem + " 不在整改中"));
        ctx.runJobs(pi);
        ctx.workingDaysLater(1 + ctx.random().nextInt(2));
        ctx.complete(pi, ctx.taskWhere(pi, "Task_AcceptItem", "itemCode", lastItem),
            Map.of("acceptanceResult", "PASS", "acceptanceFindings", "整改到位, 复验合格"));
      }
      case "APPROVED_LATE" -> {
        ctx.fireTimer(pi, "Event_ItemAcceptanceOverdue");
        ctx.workingDaysLater(0);
        ctx.complete(pi, "Task_SuperviseItemOverdue",
            Map.of("supervisionAction", "URGE", "supervisionOpinion", "验收已超承诺时限, 请尽快组织现场验收"));
        ctx.workingDaysLater(1);
        ctx.complete(pi, last, Map.of("acceptanceResult", "PASS", "acceptanceFindings", "符合要求"));
      }
      default -> {
        ctx.workingDaysLater(days == 0 ? 0 : ctx.random().nextInt(2));
        ctx.complete(pi, last, Map.of("acceptanceResult", "PASS", "acceptanceFindings", "符合要求"));
      }
    }
    if (scenario.startsWith("TITLE")) {
      ctx.workingDaysLater(ctx.random().nextInt(2));
      if (scenario.equals("TITLE_RETURNED")) {
        ctx.complete(pi, "Task_RegisterTitle",
            Map.of("titleRegistrationResult", "RETURN", "titleRegistrationNote", "房屋面积测绘报告未加盖测绘单位公章"));
        ctx.workingDaysLater(Math.max(1, Math.min(4, c.days("resubmitDays", 2))));
        ctx.correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS,
            CaseVariables.json(item.materials().stream().map(ServiceItem.Material::code).toList())));
        ctx.workingDaysLater(1);
      }
      ctx.complete(pi, "Task_RegisterTitle", !scenario.equals("TITLE_REJECTED")
          ? Map.of("titleRegistrationResult", "REGISTERED")
          : Map.of("titleRegistrationResult", "REJECTED", "titleRegistrationNote", "土地出让价款尚未缴清"));
    }
  }
}
