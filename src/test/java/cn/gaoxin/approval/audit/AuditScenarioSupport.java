package cn.gaoxin.approval.audit;

import cn.gaoxin.approval.audit.simulation.DemoHistory;
import cn.gaoxin.approval.audit.simulation.PlannedCase;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Known simulated cases for the audit tests. */
final class AuditScenarioSupport {

  static final String REFORM = "incomplete-materials-acceptance";
  static final String FOOD = "SCJG-SPJY-001";

  private AuditScenarioSupport() {}

  static PlannedCase planned(String scenario, LocalDateTime start, String channel, String firm, String creditCode,
      String item, Map<String, Integer> days) {
    return new PlannedCase(REFORM, item, scenario, start, channel, firm, creditCode, days);
  }

  static String creditCode(long seed) {
    return DemoHistory.creditCode(new Random(seed));
  }

  static DemoHistory.Report play(DemoHistory demo, List<PlannedCase> plan) {
    DemoHistory.Report report = demo.run(plan, 7);
    if (!report.failures().isEmpty()) {
      throw new AssertionError("模拟失败: " + report.failures());
    }
    return report;
  }
}
