package cn.gaoxin.approval.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.audit.simulation.DemoHistory;
import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * Plays every scenario of a demo-history driver once (a hand-made plan, fixed seed) and checks what a user would
 * see afterwards: the case's status and whether it ended (case summary), nothing left behind (no incident, no
 * async step, no timer that fell due before the case's last step) and the reform on the scorecard.
 */
final class DemoDriverChecks {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final String[] FIRMS = {"湘潭三益智宅家居有限公司", "湖南蓝恒环保科技有限公司", "青岛海科食品有限公司",
      "长春金赛药业有限责任公司"};

  /** The expected end of a scenario: the case status and whether the case has ended (else it is still open). */
  record End(String status, boolean ended) {}

  static End ended(String status) {
    return new End(status, true);
  }

  static End open(String status) {
    return new End(status, false);
  }

  private final DemoHistory demo;
  private final ScorecardService scorecards;
  private final CaseSummaryStore summaries;
  private final ProcessEngine engine;

  DemoDriverChecks(DemoHistory demo, ScorecardService scorecards, CaseSummaryStore summaries, ProcessEngine engine) {
    this.demo = demo;
    this.scorecards = scorecards;
    this.summaries = summaries;
    this.engine = engine;
  }

  /**
   * One case per scenario of the driver, submitted a few minutes apart from {@code first} on, alternating online
   * and counter; returns the plan.
   */
  static List<PlannedCase> plan(ReformDriver driver, LocalDateTime first, long seed) {
    List<PlannedCase> plan = new ArrayList<>();
    Random codes = new Random(seed);
    int i = 0;
    for (ReformDriver.Scenario s : driver.scenarios()) {
      plan.add(new PlannedCase(driver.processKey(), null, s.name(), first.plusMinutes(7L * i),
          i % 2 == 0 ? "ONLINE" : "COUNTER", FIRMS[i % FIRMS.length], DemoHistory.creditCode(codes),
          Map.of("verifyDays", i % 3 == 0 ? 1 : 0, "reviewDays", 2 + i % 3, "supplementDays", 2, "resubmitDays", 2)));
      i++;
    }
    return plan;
  }

  /** Plays one case of every scenario of the driver from {@code first} on, and checks each (see below). */
  void playEveryScenario(ReformDriver driver, LocalDateTime first, Map<String, End> expected) {
    playAndCheck(driver, plan(driver, first, driver.processKey().hashCode()), expected, this::caseOf);
  }

  /**
   * Plays the plan and checks every case, found by {@code caseOf}, against {@code expected} (by scenario); every
   * scenario of the driver must be expected.
   */
  void playAndCheck(ReformDriver driver, List<PlannedCase> plan, Map<String, End> expected,
      Function<PlannedCase, CaseSummary> caseOf) {
    assertThat(expected.keySet()).as("every scenario of " + driver.processKey() + " is checked")
        .containsExactlyInAnyOrderElementsOf(driver.scenarios().stream().map(ReformDriver.Scenario::name).toList());
    DemoHistory.Report report = demo.run(plan, 20260101);
    assertThat(report.failures()).as("simulation failures").isEmpty();
    assertThat(report.played().get(driver.processKey())).as("played per scenario")
        .containsOnlyKeys(expected.keySet()).allSatisfy((s, n) -> assertThat(n).isEqualTo(1));
    assertThat(report.skipped()).doesNotContainAnyElementsOf(driver.coveredKeys());

    for (PlannedCase c : plan) {
      CaseSummary summary = caseOf.apply(c);
      End end = expected.get(c.scenario());
      String what = driver.processKey() + "/" + c.scenario() + " " + summary.caseNumber();
      assertThat(summary.caseStatus()).as(what + " status").isEqualTo(end.status());
      assertThat(summary.endState()).as(what + " ended")
          .isEqualTo(end.ended() ? CaseSummary.COMPLETED : CaseSummary.RUNNING);
      nothingLeftBehind(summary.processInstanceId(), what);
    }

    LocalDate from = plan.get(0).start().toLocalDate();
    Scorecard card = scorecards.scorecard(from, from.plusDays(60));
    assertThat(card.reforms()).filteredOn(r -> r.key().equals(driver.processKey())).singleElement()
        .satisfies(r -> assertThat(r.figures().cases()).as("scorecard cases")
            .isGreaterThanOrEqualTo(plan.size()));
  }

  /**
   * The case a planned case started: the top-level case of that reform submitted then, or later by its applicant
   * (a case that follows another one of the same plan).
   */
  CaseSummary caseOf(PlannedCase c) {
    Timestamp start = Timestamp.from(c.start().atZone(SHANGHAI).toInstant());
    List<String> numbers = summaries.jdbc().queryForList("select case_number from app_case_summary "
        + "where process_key = ? and top_level = true and submitted_at >= ? and (credit_code = ? or submitted_at = ?)",
        String.class, c.processKey(), start, c.creditCode(), start);
    assertThat(numbers).as("the case of " + c.processKey() + "/" + c.scenario()).hasSize(1);
    return summaries.byCaseNumber(numbers.get(0)).orElseThrow();
  }

  /** The follow-up of the case of that reform the planned applicant submitted at the planned time. */
  CaseSummary followUpOf(PlannedCase c, String originalReform) {
    String number = summaries.jdbc().queryForObject("select follow_up_case_number from app_case_summary "
        + "where process_key = ? and credit_code = ? and submitted_at = ?", String.class, originalReform,
        c.creditCode(), Timestamp.from(c.start().atZone(SHANGHAI).toInstant()));
    assertThat(number).as("follow-up of " + c.scenario()).isNotNull();
    return summaries.byCaseNumber(number).orElseThrow();
  }

  /** No incident, no pending async step and no timer due before the last step, in the case and what it called. */
  private void nothingLeftBehind(String processInstanceId, String what) {
    var history = engine.getHistoryService();
    List<HistoricProcessInstance> tree = history.createHistoricProcessInstanceQuery()
        .rootProcessInstanceId(processInstanceId).list();
    assertThat(tree).as(what + " process tree").isNotEmpty();
    Date last = null;
    for (HistoricProcessInstance p : tree) {
      assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(p.getId()).count())
          .as(what + " incidents").isZero();
      var activities = history.createHistoricActivityInstanceQuery().processInstanceId(p.getId()).list();
      for (HistoricActivityInstance a : activities) {
        Date t = a.getEndTime() != null ? a.getEndTime() : a.getStartTime();
        last = last == null || t.after(last) ? t : last;
      }
    }
    var jobs = engine.getManagementService();
    assertThat(jobs.createJobQuery().rootProcessInstanceId(processInstanceId).messages().count())
        .as(what + " pending async steps").isZero();
    assertThat(jobs.createJobQuery().rootProcessInstanceId(processInstanceId).timers().duedateLowerThan(last).list())
        .as(what + " timers due before its last step (" + last + ")").isEmpty();
  }
}
