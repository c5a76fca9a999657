package cn.gaoxin.approval.audit.simulation.supervision;

import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Plays 双随机、一公开 ({@code double-random-inspection}) campaigns. There is no schedule in the platform that starts
 * them: market regulation launches each campaign in Tasklist (start form: title, matters, sample size, seed), as the
 * scenario tests do; the draw then assigns targets and inspectors. The drawn inspector enters each result, findings
 * are handled by market regulation, the results are approved and published; in RETURNED the review sends the results
 * back to the inspectors with its reason, they enter every result again and the review approves. Day parameters (working days):
 * {@code reviewDays} (inspections), {@code supplementDays} (handling a finding).
 */
@Component
public class DoubleRandomInspectionDriver implements ReformDriver {

  public static final String KEY = "double-random-inspection";
  private static final String[][] CAMPAIGNS = {
      {"企业公示信息随机抽查", "企业年度报告公示信息、即时公示信息"},
      {"食品经营企业专项抽查", "食品经营许可事项、食品安全管理制度落实情况"},
      {"特种设备使用单位随机抽查", "特种设备使用登记、定期检验和作业人员持证情况"},
      {"产品质量监督抽查", "产品标准执行和质量标识情况"}};
  private static final String[][] FINDINGS = {
      {"NOT_DISCLOSED", "未按时公示上一年度报告", "ABNORMAL_LIST", "列入经营异常名录, 文书编号 市监异字〔%d〕%d 号"},
      {"UNREACHABLE", "通过登记的住所无法联系", "ABNORMAL_LIST", "列入经营异常名录, 文书编号 市监异字〔%d〕%d 号"},
      {"VIOLATION", "食品安全管理制度未落实, 进货查验记录缺失", "ORDER_CORRECTION", "责令限期改正, 文书编号 市监责改〔%d〕%d 号"},
      {"FALSE_DISCLOSURE", "公示的从业人数与社保记录不符", "CASE_FILED", "立案查处, 立案编号 市监立〔%d〕%d 号"}};

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("PUBLISHED", "抽查未发现问题, 结果公示", 45),
        new Scenario("FINDINGS_HANDLED", "发现问题依法处置后公示", 25),
        new Scenario("APPROVED_LATE", "检查超期, 效能监察督办后公示", 8),
        new Scenario("RETURNED", "公示内容审核退回, 执法人员重新检查录入后公示", 6),
        new Scenario("OPEN", "检查实施中 (未办结)", 4));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    String[] campaign = CAMPAIGNS[ctx.random().nextInt(CAMPAIGNS.length)];
    Map<String, Object> vars = new HashMap<>();
    vars.put("campaignTitle", c.start().getYear() + " 年度" + campaign[0]);
    vars.put("inspectionMatters", campaign[1]);
    vars.put("sampleSize", 2 + ctx.random().nextInt(3));
    vars.put("drawSeed", String.valueOf(c.start().toLocalDate().toEpochDay() * 100 + ctx.random().nextInt(100)));
    vars.put("contactName", "李建国");
    vars.put("contactPhone", "13903750000");
    ProcessInstance pi = ctx.startAs("market-regulation", KEY, vars);
    if (c.scenario().equals("OPEN")) {
      return;
    }

    List<Task> inspections = new ArrayList<>(ctx.tasks(pi, "Task_InspectTarget"));
    Collections.shuffle(inspections, ctx.random());
    int days = Math.max(1, Math.min(10, c.days("reviewDays", 3) * 2));
    Task late = c.scenario().equals("APPROVED_LATE") ? inspections.remove(0) : null;
    int problems = c.scenario().equals("FINDINGS_HANDLED")
        ? 1 + ctx.random().nextInt(Math.min(2, inspections.size())) : 0;
    ctx.workingDaysLater(days);
    for (int i = 0; i < inspections.size(); i++) {
      ctx.at(ctx.now().plusMinutes(30 + ctx.random().nextInt(120)));
      inspect(ctx, pi, inspections.get(i), i < problems ? FINDINGS[ctx.random().nextInt(FINDINGS.length)] : null);
    }
    if (late != null) {
      ctx.fireTimer(pi, "Event_InspectionOverdue");
      ctx.workingDaysLater(0);
      ctx.complete(pi, "Task_SuperviseOverdueInspection",
          Map.of("supervisionAction", "URGE", "supervisionOpinion", "检查已超期, 请尽快完成现场检查并录入结果"));
      ctx.workingDaysLater(1);
      inspect(ctx, pi, late, null);
    }
    for (int i = 0; i < problems; i++) {
      ctx.workingDaysLater(Math.max(1, Math.min(6, c.days("supplementDays", 2))));
      Task handling = ctx.tasks(pi, "Task_HandleFinding").get(0);
      String[] finding =
          finding((String) ctx.engine().getTaskService().getVariable(handling.getId(), "inspectionResult"));
      ctx.complete(pi, handling, Map.of("handlingMeasure", finding[2],
          "handlingNote", finding[3].formatted(ctx.now().getYear(), 10 + ctx.random().nextInt(90))));
    }
    ctx.workingDaysLater(1 + ctx.random().nextInt(3));
    if (c.scenario().equals("RETURNED")) {
      ctx.complete(pi, "Task_ApprovePublication", Map.of("reviewResult", "RETURN",
          "returnReason", "部分企业的检查事项与抽查任务不符, 请逐户核对检查事项和检查结果后重新录入"));
      ctx.workingDaysLater(1 + ctx.random().nextInt(2));
      for (Task t : ctx.tasks(pi, "Task_InspectTarget")) {
        ctx.at(ctx.now().plusMinutes(30 + ctx.random().nextInt(120)));
        inspect(ctx, pi, t, null);
      }
      ctx.workingDaysLater(1);
    }
    ctx.complete(pi, "Task_ApprovePublication", Map.of("reviewResult", "PASS"));
  }

  /** The drawn inspector enters the result: no problem, or the finding. */
  private static void inspect(SimulationContext ctx, ProcessInstance pi, Task task, String[] finding) {
    ctx.complete(pi, task, finding == null ? Map.of("inspectionResult", "NO_PROBLEM")
        : Map.of("inspectionResult", finding[0], "inspectionFindings", finding[1]));
  }

  private static String[] finding(String result) {
    for (String[] f : FINDINGS) {
      if (f[0].equals(result)) {
        return f;
      }
    }
    return FINDINGS[0];
  }
}
