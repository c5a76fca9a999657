package cn.gaoxin.approval.audit.simulation.supervision;

import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import cn.gaoxin.approval.reforms.supervision.yield.YieldEnterpriseDirectory;
import cn.gaoxin.approval.reforms.supervision.yield.YieldEvaluationController;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Plays 工业企业亩产效益综合评价 ({@code per-mu-yield-evaluation}) campaigns over the enterprise directory: the
 * economic development department launches the year's evaluation in Tasklist, collects each enterprise's figures,
 * the enterprises confirm or dispute them through the enterprise API (silence counts as confirmation), the results
 * are approved, publicly noticed (objections reviewed) and published; in RETURNED the approval sends the data back
 * with its reason, one enterprise's figure is corrected, every enterprise confirms again and the approval passes. Day parameters (working days):
 * {@code reviewDays} (collection), {@code supplementDays} (enterprises' answers).
 */
@Component
public class PerMuYieldEvaluationDriver implements ReformDriver {

  public static final String KEY = "per-mu-yield-evaluation";

  private final YieldEnterpriseDirectory directory;
  private final YieldEvaluationController enterpriseApi;

  public PerMuYieldEvaluationDriver(YieldEnterpriseDirectory directory, YieldEvaluationController enterpriseApi) {
    this.directory = directory;
    this.enterpriseApi = enterpriseApi;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("PUBLISHED", "数据确认无误, 公示期满公布结果", 45),
        new Scenario("DISPUTED", "企业对数据提出异议, 核实更正后计分", 12),
        new Scenario("DEEMED", "企业逾期未反馈, 视为无异议", 10),
        new Scenario("EXCLUDED", "一家企业全年停产, 不参评", 8),
        new Scenario("OBJECTION_UPHELD", "公示期异议成立, 更正后重新计分", 6),
        new Scenario("OBJECTION_DISMISSED", "公示期异议不成立, 维持原结果", 6),
        new Scenario("APPROVED_LATE", "数据采集超期, 效能监察督办", 6),
        new Scenario("RETURNED", "审定时退回更正采集数据, 重新核实计分后审定", 6),
        new Scenario("OPEN", "数据采集中 (未办结)", 4));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    ProcessInstance pi = ctx.startAs("economic-development", KEY,
        Map.of("evaluationYear", c.start().getYear(), "contactName", "唐娟", "contactPhone", "13905310000"));
    String scenario = c.scenario();
    if (scenario.equals("OPEN")) {
      return;
    }
    String caseNumber = pi.getBusinessKey();
    List<YieldEnterpriseDirectory.Enterprise> firms = new ArrayList<>(directory.enterprises());
    Collections.shuffle(firms, ctx.random());
    YieldEnterpriseDirectory.Enterprise special = firms.get(0);

    // collection, spread over a few days; the one kept back in APPROVED_LATE runs past the limit
    int days = Math.max(1, Math.min(5, c.days("reviewDays", 2)));
    ctx.workingDaysLater(days - 1);
    for (YieldEnterpriseDirectory.Enterprise f : firms) {
      if (f == special && scenario.equals("APPROVED_LATE")) {
        continue;
      }
      ctx.at(ctx.now().plusMinutes(10 + ctx.random().nextInt(60)));
      collect(ctx, pi, f, f == special && scenario.equals("EXCLUDED"));
    }
    if (scenario.equals("APPROVED_LATE")) {
      ctx.fireTimer(pi, "Event_CollectionOverdue");
      ctx.workingDaysLater(0);
      ctx.complete(pi, "Task_SuperviseOverdueCollection",
          Map.of("supervisionAction", "URGE", "supervisionOpinion", "数据采集已超期, 请尽快完成"));
      ctx.workingDaysLater(1);
      collect(ctx, pi, special, false);
    }

    // the enterprises answer the confirmation request
    boolean late = scenario.equals("APPROVED_LATE"); // then everything after the collection goes quickly
    ctx.workingDaysLater(late ? 1 : Math.max(1, Math.min(3, c.days("supplementDays", 2))));
    for (YieldEnterpriseDirectory.Enterprise f : firms) {
      if (f == special && (scenario.equals("EXCLUDED") || scenario.equals("DEEMED") || scenario.equals("DISPUTED"))) {
        continue;
      }
      ctx.at(ctx.now().plusMinutes(5 + ctx.random().nextInt(90)));
      confirm(ctx, caseNumber, f, true, null);
    }
    if (scenario.equals("DISPUTED")) {
      confirm(ctx, caseNumber, special, false, "实缴税金应含已退库部分, 请按税务部门数据更正");
      ctx.workingDaysLater(1 + ctx.random().nextInt(2));
      ctx.complete(pi, ctx.taskWhere(pi, "Task_RecheckYieldData", "yieldCreditCode", special.creditCode()), Map.of(
          "taxPaid", scaled(special.taxPaid(), 1.1), "recheckNote", "经税务部门核实, 按企业意见更正实缴税金"));
    }
    if (scenario.equals("DEEMED")) {
      ctx.fireTimer(pi, "Event_ConfirmationDeadline");
    }

    ctx.workingDaysLater(late ? 1 : 1 + ctx.random().nextInt(2));
    if (scenario.equals("RETURNED")) {
      ctx.complete(pi, "Task_ApproveYieldResults", Map.of("reviewResult", "RETURN", "returnReason",
          special.name() + "的实缴税金未含已退库部分, 请按税务部门数据更正后重新计分"));
      ctx.workingDaysLater(1);
      for (YieldEnterpriseDirectory.Enterprise f : firms) {
        ctx.at(ctx.now().plusMinutes(10 + ctx.random().nextInt(60)));
        Task t = ctx.taskWhere(pi, "Task_CollectYieldData", "yieldCreditCode", f.creditCode());
        ctx.complete(pi, t, f == special
            ? Map.of("dataStatus", "COLLECTED", "taxPaid", scaled(special.taxPaid(), 1.1), "dataNote", "按税务部门数据更正实缴税金")
            : Map.of("dataStatus", "COLLECTED"));
      }
      ctx.workingDaysLater(1);
      for (YieldEnterpriseDirectory.Enterprise f : firms) {
        ctx.at(ctx.now().plusMinutes(5 + ctx.random().nextInt(90)));
        confirm(ctx, caseNumber, f, true, null);
      }
      ctx.workingDaysLater(1);
    }
    ctx.complete(pi, "Task_ApproveYieldResults", Map.of("reviewResult", "PASS", "approvalOpinion", "同意公示"));
    if (scenario.startsWith("OBJECTION")) {
      ctx.workingDaysLater(1);
      accepted(enterpriseApi.object(caseNumber, new YieldEvaluationController.Objection(special.creditCode(),
          special.contactPhone(), "用地面积含代征道路用地, 评价结果偏低")), caseNumber);
      ctx.runJobs(pi);
      ctx.workingDaysLater(1 + ctx.random().nextInt(2));
      Task review = ctx.taskWhere(pi, "Task_ReviewObjection", "yieldCreditCode", special.creditCode());
      ctx.complete(pi, review, scenario.equals("OBJECTION_UPHELD")
          ? Map.of("objectionDecision", "UPHELD", "landArea", scaled(special.landArea(), 0.8),
              "reviewOpinion", "经自然资源部门核实, 扣除代征道路用地后更正")
          : Map.of("objectionDecision", "DISMISSED", "reviewOpinion", "数据经企业确认无误, 维持原评价结果"));
    }
    ctx.fireTimer(pi, "Event_NoticePeriodEnds");
  }

  private static void collect(SimulationContext ctx, ProcessInstance pi, YieldEnterpriseDirectory.Enterprise f,
      boolean excluded) {
    ctx.complete(pi, ctx.taskWhere(pi, "Task_CollectYieldData", "yieldCreditCode", f.creditCode()), excluded
        ? Map.of("dataStatus", "EXCLUDED", "exclusionReason", "上一年度全年停产")
        : Map.of("dataStatus", "COLLECTED"));
  }

  private void confirm(SimulationContext ctx, String caseNumber, YieldEnterpriseDirectory.Enterprise f,
      boolean confirmed, String note) {
    accepted(enterpriseApi.confirm(caseNumber,
        new YieldEvaluationController.Confirmation(f.creditCode(), f.contactPhone(), confirmed, note)), caseNumber);
    ctx.runJobs(ctx.engine().getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(KEY).singleResult());
  }

  private static void accepted(ResponseEntity<Map<String, Object>> answer, String caseNumber) {
    if (!answer.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException("案件 " + caseNumber + ": " + answer.getBody());
    }
  }

  /** A corrected figure (whole units, as the form takes it). */
  private static long scaled(BigDecimal figure, double factor) {
    return Math.max(1, Math.round((figure == null ? 100 : figure.doubleValue()) * factor));
  }
}
