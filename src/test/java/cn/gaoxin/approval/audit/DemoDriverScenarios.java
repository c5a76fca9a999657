package cn.gaoxin.approval.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.audit.simulation.DemoHistory;
import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.support.ScenarioTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Base of the demo-driver tests: plays every scenario of a reform driver once through {@link DemoHistory#run} and
 * checks what an auditor would see of each case: where it ended (status, open or closed, supervised only when
 * late), nothing left to run or failed behind it, and the reform on the scorecard.
 */
// the same application context as the other audit tests (a web server on a random port)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class DemoDriverScenarios extends ScenarioTest {

  @Autowired DemoHistory demo;
  @Autowired ScorecardService scorecards;
  @Autowired CaseSummaryStore summaries;
  @Autowired List<ReformDriver> drivers;

  /** Where a scenario ends: the case status, and whether the case is still open. */
  record Expected(String caseStatus, boolean open) {
    static Expected ended(String caseStatus) {
      return new Expected(caseStatus, false);
    }

    static Expected open(String caseStatus) {
      return new Expected(caseStatus, true);
    }
  }

  /**
   * Plays one case per scenario of the reform's driver, all submitted at {@code start}, and checks each against
   * its expected end; the reform's scorecard counts them on that day.
   */
  void play(String key, LocalDateTime start, long seed, Map<String, Expected> expected) {
    ReformDriver driver = drivers.stream().filter(d -> d.processKey().equals(key)).findFirst().orElseThrow();
    List<PlannedCase> plan = onePerScenario(driver, start, seed);
    playAndCheck(driver, plan, expected);
    LocalDate day = start.toLocalDate();
    assertThat(figures(key, day, day).cases()).isEqualTo(plan.size());
  }

  /**
   * One planned case per scenario of the driver, all submitted at {@code start}, each by its own applicant (credit
   * code drawn from {@code seed}), online and at the counter in turn, with the working days plan() would draw.
   */
  private static List<PlannedCase> onePerScenario(ReformDriver driver, LocalDateTime start, long seed) {
    Random random = new Random(seed);
    List<PlannedCase> plan = new ArrayList<>();
    for (ReformDriver.Scenario s : driver.scenarios()) {
      Map<String, Integer> days = new HashMap<>(Map.of("verifyDays", plan.size() % 3 == 2 ? 1 : 0, "reviewDays", 2,
          "supplementDays", 2, "resubmitDays", 2, "withdrawDays", 1));
      if (s.name().endsWith("LATE")) {
        days.put("reviewDays", 8);
      }
      plan.add(new PlannedCase(driver.processKey(), null, s.name(), start, plan.size() % 2 == 0 ? "ONLINE" : "COUNTER",
          "湘潭宏达机电设备有限公司", DemoHistory.creditCode(random), days));
    }
    return plan;
  }

  /** Plays the plan and checks every case against what its scenario should reach. */
  private void playAndCheck(ReformDriver driver, List<PlannedCase> plan, Map<String, Expected> expected) {
    assertThat(expected.keySet()).as("an expected end for every scenario of " + driver.processKey())
        .containsExactlyInAnyOrderElementsOf(driver.scenarios().stream().map(ReformDriver.Scenario::name).toList());
    long incidentsBefore = engine.getRuntimeService().createIncidentQuery().count();

    DemoHistory.Report report = demo.run(plan, 7);

    assertThat(report.failures()).as("模拟失败").isEmpty();
    assertThat(report.skipped()).doesNotContainAnyElementsOf(driver.coveredKeys());
    assertThat(report.played().get(driver.processKey())).hasSize(plan.size());
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("no incident").isEqualTo(incidentsBefore);
    for (PlannedCase c : plan) {
      String what = driver.processKey() + "/" + c.scenario();
      List<CaseSummary> found = summaries.jdbc().queryForList("select process_instance_id from app_case_summary "
          + "where credit_code = ? and process_key = ? and top_level = true", String.class, c.creditCode(),
          driver.processKey()).stream().map(id -> summaries.byProcessInstance(id).orElseThrow()).toList();
      assertThat(found).as(what).hasSize(1);
      CaseSummary summary = found.get(0);
      Expected end = expected.get(c.scenario());
      assertThat(summary.caseStatus()).as(what).isEqualTo(end.caseStatus());
      assertThat(summary.endState()).as(what).isEqualTo(end.open() ? CaseSummary.RUNNING : CaseSummary.COMPLETED);
      if (c.scenario().endsWith("LATE")) {
        assertThat(summary.supervisionEvents()).as(what + ": supervised").isPositive();
      } else {
        assertThat(summary.supervisionEvents()).as(what + ": every step within its limit").isZero();
      }
      assertNothingLeftBehind(summary.processInstanceId(), what);
    }
    // cases of the models only this reform's cases start (e.g. a partner district's side) are clean as well
    for (String other : driver.coveredKeys().stream().filter(k -> !k.equals(driver.processKey())).toList()) {
      List<String> started = new ArrayList<>();
      for (PlannedCase c : plan) {
        started.addAll(summaries.jdbc().queryForList("select process_instance_id from app_case_summary "
            + "where credit_code = ? and process_key = ?", String.class, c.creditCode(), other));
      }
      assertThat(started).as("cases of " + other).isNotEmpty();
      started.forEach(id -> assertNothingLeftBehind(id, other + " " + id));
    }
  }

  /** No async step waits, and no timer fell due before the case's last step without firing. */
  private void assertNothingLeftBehind(String processInstanceId, String what) {
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).messages().count())
        .as(what + ": async steps left").isZero();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).withException()
        .count()).as(what + ": failed jobs").isZero();
    Date lastStep = engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).list().stream()
        .map(a -> a.getEndTime() != null ? a.getEndTime() : a.getStartTime()).max(Date::compareTo).orElseThrow();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).timers()
        .duedateLowerThan(lastStep).list()).as(what + ": timers overdue before the last step").isEmpty();
  }

  /** The reform's figures on the scorecard of the period. */
  Scorecard.Figures figures(String key, LocalDate from, LocalDate to) {
    return scorecards.scorecard(from, to).reforms().stream().filter(r -> r.key().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError("评价表中没有 " + key)).figures();
  }
}
