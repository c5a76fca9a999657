package cn.gaoxin.approval.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.audit.simulation.DemoHistory;
import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.JobQuery;

/**
 * Plays every scenario of a demo-history driver once (a hand-made plan, fixed seed) and checks what a user would
 * see afterwards: the case's status and whether it ended (case summary), supervised only when its scenario is a
 * late one, nothing left behind (no incident, no failed or pending async step, no timer that fell due before the
 * case's last step) in the case, what it called and the cases of the other models the driver covers, and the
 * reform on the scorecard: every case counted, and decision figures (median and P90 working days to decision):
 * some played case must have recorded its decision ({@code decidedAt} on the case, as the summary reads it), with the on-time rate when the reform's catalog
 * item promises a limit.
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
  private final ServiceCatalog catalog;
  private final ProcessEngine engine;

  DemoDriverChecks(DemoHistory demo, ScorecardService scorecards, CaseSummaryStore summaries, ServiceCatalog catalog,
      ProcessEngine engine) {
    this.demo = demo;
    this.scorecards = scorecards;
    this.summaries = summaries;
    this.catalog = catalog;
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

  /**
   * One case per scenario of the driver, all submitted at {@code start} by applicants of the same name (each its
   * own credit code drawn from {@code seed}), online and at the counter in turn; a late scenario's review takes 8
   * working days.
   */
  static List<PlannedCase> planAtOnce(ReformDriver driver, LocalDateTime start, long seed) {
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

  /** Plays one case of every scenario of the driver from {@code first} on, and checks each (see below). */
  void playEveryScenario(ReformDriver driver, LocalDateTime first, Map<String, End> expected) {
    playAndCheck(driver, plan(driver, first, driver.processKey().hashCode()), expected, this::caseOf);
  }

  /** Plays one case of every scenario of the driver, all submitted at {@code start} ({@link #planAtOnce}). */
  void playAtOnce(ReformDriver driver, LocalDateTime start, long seed, Map<String, End> expected) {
    playAndCheck(driver, planAtOnce(driver, start, seed), expected, this::caseOf, 7);
  }

  /**
   * Plays the plan and checks every case, found by {@code caseOf}, against {@code expected} (by scenario); every
   * scenario of the driver must be expected.
   */
  void playAndCheck(ReformDriver driver, List<PlannedCase> plan, Map<String, End> expected,
      Function<PlannedCase, CaseSummary> caseOf) {
    playAndCheck(driver, plan, expected, caseOf, 20260101);
  }

  private void playAndCheck(ReformDriver driver, List<PlannedCase> plan, Map<String, End> expected,
      Function<PlannedCase, CaseSummary> caseOf, long runSeed) {
    assertThat(expected.keySet()).as("every scenario of " + driver.processKey() + " is checked")
        .containsExactlyInAnyOrderElementsOf(driver.scenarios().stream().map(ReformDriver.Scenario::name).toList());
    long incidentsBefore = engine.getRuntimeService().createIncidentQuery().count();
    DemoHistory.Report report = demo.run(plan, runSeed);
    assertThat(report.failures()).as("simulation failures").isEmpty();
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("no new incident anywhere")
        .isEqualTo(incidentsBefore);
    assertThat(report.played().get(driver.processKey())).as("played per scenario")
        .containsOnlyKeys(expected.keySet()).allSatisfy((s, n) -> assertThat(n).isEqualTo(1));
    assertThat(report.skipped()).doesNotContainAnyElementsOf(driver.coveredKeys());

    List<String> decided = new ArrayList<>();
    boolean submittedAsPlanned = true;
    for (PlannedCase c : plan) {
      CaseSummary summary = caseOf.apply(c);
      submittedAsPlanned &= summary.submittedAt().equals(c.start().atZone(SHANGHAI).toInstant());
      End end = expected.get(c.scenario());
      String what = driver.processKey() + "/" + c.scenario() + " " + summary.caseNumber();
      assertThat(summary.caseStatus()).as(what + " status").isEqualTo(end.status());
      assertThat(summary.endState()).as(what + " ended")
          .isEqualTo(end.ended() ? CaseSummary.COMPLETED : CaseSummary.RUNNING);
      if (c.scenario().endsWith("LATE")) {
        // late in the case itself or in a case it called (a stage, a department's part)
        assertThat(supervisionEventsOfTree(summary.processInstanceId())).as(what + ": supervised").isPositive();
      } else {
        assertThat(summary.supervisionEvents()).as(what + ": every step within its limit").isZero();
      }
      nothingLeftBehind(summary.processInstanceId(), what);
      if (summary.decidedAt() != null) { // what the scorecard reads: decidedAt on the case itself
        decided.add(c.scenario());
      }
    }
    // cases of the models only this reform's cases start (e.g. a partner district's side) are clean as well
    for (String other : driver.coveredKeys().stream().filter(k -> !k.equals(driver.processKey())).toList()) {
      List<String> started = new ArrayList<>();
      for (PlannedCase c : plan) {
        started.addAll(summaries.jdbc().queryForList("select process_instance_id from app_case_summary "
            + "where credit_code = ? and process_key = ?", String.class, c.creditCode(), other));
      }
      assertThat(started).as("cases of " + other).isNotEmpty();
      started.forEach(id -> nothingLeftBehind(id, other + " " + id));
    }

    LocalDate first = plan.get(0).start().toLocalDate();
    if (submittedAsPlanned) {
      // the plan's own cases (not follow-ups started later): exactly they are counted on the plan's days
      LocalDate last = plan.get(plan.size() - 1).start().toLocalDate();
      assertThat(figures(driver.processKey(), first, last).cases()).as("scorecard cases submitted in the plan's days")
          .isEqualTo(plan.size());
    }
    Scorecard.Figures figures = figures(driver.processKey(), first, first.plusDays(60));
    assertThat(figures.cases()).as("scorecard cases").isGreaterThanOrEqualTo(plan.size());
    // every reform decides cases: a model that never records its decision would leave the scorecard's days to
    // decision and on-time rate empty, so at least one played scenario must have recorded one
    assertThat(decided).as(driver.processKey() + ": no played scenario recorded a decision (decidedAt on the case)")
        .isNotEmpty();
    String why = driver.processKey() + ": scenarios " + decided + " recorded a decision (decidedAt), ";
    assertThat(figures.medianDays()).as(why + "so the scorecard shows the median days to decision").isNotNull();
    assertThat(figures.p90Days()).as(why + "so the scorecard shows P90 days to decision").isNotNull();
    List<String> promising = catalog.items().stream()
        .filter(i -> i.processes().contains(driver.processKey()) && i.limits() != null
            && i.limits().promised() != null).map(ServiceItem::code).toList();
    if (!promising.isEmpty()) {
      assertThat(figures.onTimeRate()).as(why + "and items " + promising + " promise a limit, so the scorecard "
          + "shows the on-time rate").isNotNull();
    }
  }

  /** Supervision events of the case and every case it called. */
  private int supervisionEventsOfTree(String processInstanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().rootProcessInstanceId(processInstanceId)
        .list().stream().mapToInt(p -> summaries.byProcessInstance(p.getId()).map(CaseSummary::supervisionEvents)
            .orElse(0)).sum();
  }

  /** The reform's figures on the scorecard of the period. */
  Scorecard.Figures figures(String key, LocalDate from, LocalDate to) {
    return scorecards.scorecard(from, to).reforms().stream().filter(r -> r.key().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError("评价表中没有 " + key)).figures();
  }

  /**
   * The case a planned case started: the top-level case of that reform its applicant submitted then or later (a
   * case that follows another one of the same plan), else the one submitted then (a campaign a department
   * launches carries no applicant).
   */
  CaseSummary caseOf(PlannedCase c) {
    Timestamp start = Timestamp.from(c.start().atZone(SHANGHAI).toInstant());
    List<String> numbers = summaries.jdbc().queryForList("select case_number from app_case_summary "
        + "where process_key = ? and top_level = true and submitted_at >= ? and credit_code = ?",
        String.class, c.processKey(), start, c.creditCode());
    if (numbers.isEmpty()) {
      numbers = summaries.jdbc().queryForList("select case_number from app_case_summary "
          + "where process_key = ? and top_level = true and submitted_at = ?", String.class, c.processKey(), start);
    }
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
    boolean root = !tree.isEmpty();
    if (!root) {
      // a case called by another one (e.g. a stage): itself
      tree = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).list();
    }
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
    var management = engine.getManagementService();
    Supplier<JobQuery> jobs = () -> root
        ? management.createJobQuery().rootProcessInstanceId(processInstanceId)
        : management.createJobQuery().processInstanceId(processInstanceId);
    assertThat(jobs.get().messages().count()).as(what + " pending async steps").isZero();
    assertThat(jobs.get().withException().count()).as(what + " failed jobs").isZero();
    assertThat(jobs.get().timers().duedateLowerThan(last).list())
        .as(what + " timers due before its last step (" + last + ")").isEmpty();
  }
}
