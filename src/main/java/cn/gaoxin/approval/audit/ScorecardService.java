package cn.gaoxin.approval.audit;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import cn.gaoxin.approval.followup.FollowUpPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Computes the {@link Scorecard} with two aggregating queries over the summary table (sums per reform and item, and
 * a histogram of working days to decision per reform and item); medians and percentiles come from the histograms,
 * so the cost is one scan whatever the number of cases, and nothing per case is held in memory.
 */
@Component
public class ScorecardService {

  private final CaseSummaryStore store;
  private final ServiceCatalog catalog;
  private final RepositoryService repositoryService;
  private final EngineClock clock;
  private final ObjectProvider<FollowUpPolicy> followUpPolicy;

  public ScorecardService(CaseSummaryStore store, ServiceCatalog catalog, ProcessEngine engine, EngineClock clock,
      ObjectProvider<FollowUpPolicy> followUpPolicy) {
    this.followUpPolicy = followUpPolicy;
    this.store = store;
    this.catalog = catalog;
    this.repositoryService = engine.getRepositoryService();
    this.clock = clock;
  }

  /** Sums of one reform and item. */
  static final class Totals {
    long cases, decided, approved, rejected, withdrawn, open, onTime, onTimeKnown, visits, visitsKnown, atMostOne,
        materials, materialsKnown, tolerant, supervision, supervised, completed, followed, rated, satisfied, scoreSum;
    final TreeMap<Integer, Long> days = new TreeMap<>();

    void add(Totals o) {
      cases += o.cases; decided += o.decided; approved += o.approved; rejected += o.rejected;
      withdrawn += o.withdrawn; open += o.open; onTime += o.onTime; onTimeKnown += o.onTimeKnown;
      visits += o.visits; visitsKnown += o.visitsKnown; atMostOne += o.atMostOne; materials += o.materials;
      materialsKnown += o.materialsKnown; tolerant += o.tolerant; supervision += o.supervision;
      supervised += o.supervised; completed += o.completed; followed += o.followed; rated += o.rated;
      satisfied += o.satisfied; scoreSum += o.scoreSum;
      o.days.forEach((d, n) -> days.merge(d, n, Long::sum));
    }
  }

  public Scorecard scorecard(LocalDate from, LocalDate to) {
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("结束日期不能早于开始日期");
    }
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where top_level = true");
    if (from != null) {
      where.append(" and submitted_at >= ?");
      args.add(Timestamp.from(from.atStartOfDay(clock.zone()).toInstant()));
    }
    if (to != null) {
      where.append(" and submitted_at < ?");
      args.add(Timestamp.from(to.plusDays(1).atStartOfDay(clock.zone()).toInstant()));
    }
    Map<String, Map<String, Totals>> byReform = new TreeMap<>();
    store.jdbc().query("""
        select process_key, coalesce(item_code, '') item_code, count(*) cases,
          sum(case when decided_at is not null then 1 else 0 end) decided,
          sum(case when decision_status = 'APPROVED' then 1 else 0 end) approved,
          sum(case when decision_status = 'REJECTED' then 1 else 0 end) rejected,
          sum(case when case_status = 'WITHDRAWN' then 1 else 0 end) withdrawn,
          sum(case when end_state = 'RUNNING' then 1 else 0 end) open_cases,
          sum(case when on_time = true then 1 else 0 end) on_time,
          sum(case when on_time is not null then 1 else 0 end) on_time_known,
          sum(coalesce(in_person_visits, 0)) visits,
          sum(case when in_person_visits is not null then 1 else 0 end) visits_known,
          sum(case when in_person_visits <= 1 then 1 else 0 end) at_most_one,
          sum(coalesce(materials_asked, 0)) materials,
          sum(case when materials_asked is not null then 1 else 0 end) materials_known,
          sum(case when tolerant_acceptance = true then 1 else 0 end) tolerant,
          sum(supervision_events) supervision,
          sum(case when supervision_events > 0 then 1 else 0 end) supervised,
          sum(case when end_state = 'COMPLETED' then 1 else 0 end) completed,
          sum(case when end_state = 'COMPLETED' and followed_up_at is not null then 1 else 0 end) followed,
          sum(case when satisfaction_score is not null then 1 else 0 end) rated,
          sum(case when satisfaction_score >= 4 then 1 else 0 end) satisfied,
          sum(coalesce(satisfaction_score, 0)) score_sum
        from app_case_summary""" + where + " group by process_key, coalesce(item_code, '')", rs -> {
      Totals t = totals(byReform, rs.getString("process_key"), rs.getString("item_code"));
      t.cases = rs.getLong("cases"); t.decided = rs.getLong("decided"); t.approved = rs.getLong("approved");
      t.rejected = rs.getLong("rejected"); t.withdrawn = rs.getLong("withdrawn"); t.open = rs.getLong("open_cases");
      t.onTime = rs.getLong("on_time"); t.onTimeKnown = rs.getLong("on_time_known"); t.visits = rs.getLong("visits");
      t.visitsKnown = rs.getLong("visits_known"); t.atMostOne = rs.getLong("at_most_one");
      t.materials = rs.getLong("materials"); t.materialsKnown = rs.getLong("materials_known");
      t.tolerant = rs.getLong("tolerant"); t.supervision = rs.getLong("supervision");
      t.supervised = rs.getLong("supervised"); t.completed = rs.getLong("completed");
      t.followed = rs.getLong("followed"); t.rated = rs.getLong("rated"); t.satisfied = rs.getLong("satisfied");
      t.scoreSum = rs.getLong("score_sum");
    }, args.toArray());
    store.jdbc().query("select process_key, coalesce(item_code, '') item_code, days_to_decision, count(*) n "
        + "from app_case_summary" + where + " and days_to_decision is not null "
        + "group by process_key, coalesce(item_code, ''), days_to_decision", rs -> {
      totals(byReform, rs.getString("process_key"), rs.getString("item_code")).days
          .merge(rs.getInt("days_to_decision"), rs.getLong("n"), Long::sum);
    }, args.toArray());

    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Boolean> followedUp = new java.util.HashMap<>();
    FollowUpPolicy policy = followUpPolicy.getIfAvailable();
    repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .sorted(Comparator.comparing(ProcessDefinition::getKey))
        .forEach(d -> {
          names.put(d.getKey(), d.getName() == null ? d.getKey() : d.getName());
          followedUp.put(d.getKey(), policy == null || policy.appliesTo(d.getKey(), d.getId()));
        });
    for (String key : byReform.keySet()) {
      names.putIfAbsent(key, key);
    }
    List<Scorecard.Reform> reforms = new ArrayList<>();
    for (Map.Entry<String, String> reform : names.entrySet()) {
      Map<String, Totals> items = new TreeMap<>(byReform.getOrDefault(reform.getKey(), Map.of()));
      for (ServiceItem item : catalog.items()) {
        if (item.processes().contains(reform.getKey())) {
          items.putIfAbsent(item.code(), new Totals());
        }
      }
      Totals all = new Totals();
      items.values().forEach(all::add);
      List<Scorecard.Item> itemRows = new ArrayList<>();
      items.forEach((code, t) -> {
        ServiceItem item = catalog.item(code).orElse(null);
        Scorecard.Figures f = withoutFollowUp(figures(t), followedUp.getOrDefault(reform.getKey(), true));
        itemRows.add(new Scorecard.Item(code.isEmpty() ? null : code,
            item == null ? (code.isEmpty() ? "(无事项)" : code) : item.name(), f, baseline(item, f)));
      });
      reforms.add(new Scorecard.Reform(reform.getKey(), reform.getValue(),
          withoutFollowUp(figures(all), followedUp.getOrDefault(reform.getKey(), true)), itemRows));
    }
    return new Scorecard(from, to, reforms);
  }

  private static Totals totals(Map<String, Map<String, Totals>> byReform, String key, String item) {
    return byReform.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(item, k -> new Totals());
  }

  static Scorecard.Figures figures(Totals t) {
    return new Scorecard.Figures(t.cases, t.decided, t.approved, t.rejected, t.withdrawn, t.open,
        percentile(t.days, 0.5), percentile(t.days, 0.9), ratio(t.onTime, t.onTimeKnown),
        ratio(t.visits, t.visitsKnown), ratio(t.atMostOne, t.visitsKnown), ratio(t.materials, t.materialsKnown),
        t.tolerant, t.supervision, t.supervised, t.completed, t.followed, ratio(t.followed, t.completed), t.rated,
        ratio(t.satisfied, t.rated), ratio(t.scoreSum, t.rated));
  }

  /** Coverage is not measured for models whose cases are not followed up (follow-ups, internal campaigns). */
  static Scorecard.Figures withoutFollowUp(Scorecard.Figures f, boolean followedUp) {
    return followedUp ? f : new Scorecard.Figures(f.cases(), f.decided(), f.approved(), f.rejected(), f.withdrawn(),
        f.open(), f.medianDays(), f.p90Days(), f.onTimeRate(), f.visitsPerCase(), f.atMostOneVisitRate(),
        f.materialsPerCase(), f.tolerantCases(), f.supervisionEvents(), f.supervisedCases(), f.completed(),
        f.followedUp(), null, f.rated(), f.satisfactionRate(), f.averageScore());
  }

  static Scorecard.Baseline baseline(ServiceItem item, Scorecard.Figures f) {
    if (item == null || item.baseline() == null) {
      return null;
    }
    ServiceItem.Baseline b = item.baseline();
    Double materials = b.materials() == null || b.materials() == 0 || f.materialsPerCase() == null ? null
        : round1((b.materials() - f.materialsPerCase()) * 100.0 / b.materials());
    Double days = b.days() == null || b.days() == 0 || f.medianDays() == null ? null
        : round1((b.days() - f.medianDays()) * 100.0 / b.days());
    return new Scorecard.Baseline(b.materials(), b.days(), b.source(), materials, days);
  }

  /** The p-quantile of a histogram (value → count), interpolated between ranks like {@code percentile_cont}. */
  static Double percentile(TreeMap<Integer, Long> histogram, double p) {
    long n = histogram.values().stream().mapToLong(Long::longValue).sum();
    if (n == 0) {
      return null;
    }
    double position = p * (n - 1);
    long lower = (long) Math.floor(position);
    double fraction = position - lower;
    double low = nth(histogram, lower);
    double high = fraction == 0 ? low : nth(histogram, lower + 1);
    return round(low + (high - low) * fraction);
  }

  private static int nth(TreeMap<Integer, Long> histogram, long index) {
    long seen = 0;
    for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
      seen += e.getValue();
      if (index < seen) {
        return e.getKey();
      }
    }
    return histogram.lastKey();
  }

  private static Double ratio(long part, long whole) {
    return whole == 0 ? null : round((double) part / whole);
  }

  static Double round1(double value) {
    return Math.round(value * 10.0) / 10.0;
  }

  static Double round(double value) {
    return Math.round(value * 10000.0) / 10000.0;
  }
}
