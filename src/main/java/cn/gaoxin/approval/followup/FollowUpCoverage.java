package cn.gaoxin.approval.followup;

import cn.gaoxin.approval.calendar.EngineClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Follow-up coverage (回访覆盖率) for a period: the cases that finished in it and should be followed up, how many
 * have a follow-up and an evaluation, the evaluations, and the finished cases still without a follow-up. The
 * finished cases are read from the engine's history, the follow-ups from the register.
 */
@Service
public class FollowUpCoverage {

  /** Seed 004 (青岛高新区): the figure the zone reports. */
  public static final String BENCHMARK = "青岛高新区回访办事企业 3938 家, 实现企业回访 100% 全覆盖";
  private static final int MISSING_LISTED = 100;

  public record Missing(String caseNumber, String processKey, String reform, Date endedAt) {}

  public record Coverage(LocalDate from, LocalDate to, int finishedCases, int followedUp, int evaluated,
      double coveragePercent, double evaluatedPercent, Map<String, Integer> evaluations, int badReviews,
      List<Missing> notFollowedUp, String benchmark) {}

  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final FollowUpPolicy policy;
  private final FollowUpRegistry registry;
  private final EngineClock clock;

  public FollowUpCoverage(HistoryService historyService, RepositoryService repositoryService, FollowUpPolicy policy,
      FollowUpRegistry registry, EngineClock clock) {
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.policy = policy;
    this.registry = registry;
    this.clock = clock;
  }

  /** Coverage of the cases finished from {@code from} to {@code to} (inclusive, zone dates). */
  public Coverage between(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("统计期间的结束日期不能早于开始日期");
    }
    Date start = Date.from(from.atStartOfDay(clock.zone()).toInstant());
    Date end = Date.from(to.plusDays(1).atStartOfDay(clock.zone()).toInstant());
    List<HistoricProcessInstance> finished = historyService.createHistoricProcessInstanceQuery().finished()
        .rootProcessInstances().finishedAfter(start).finishedBefore(end).list().stream()
        .filter(p -> policy.reasonNotToFollowUp(p).isEmpty())
        .sorted((a, b) -> a.getEndTime().compareTo(b.getEndTime()))
        .toList();
    Map<String, FollowUpRegistry.FollowUp> followUps = registry.forOriginals(finished.stream().map(p -> p.getId()).toList());
    Map<ServiceEvaluation, Integer> counts = new EnumMap<>(ServiceEvaluation.class);
    int evaluated = 0;
    List<Missing> missing = new ArrayList<>();
    Map<String, String> reformNames = new HashMap<>();
    for (HistoricProcessInstance p : finished) {
      FollowUpRegistry.FollowUp f = followUps.get(p.getId());
      if (f == null) {
        if (missing.size() < MISSING_LISTED) {
          String reform = reformNames.computeIfAbsent(p.getProcessDefinitionId(),
              id -> repositoryService.getProcessDefinition(id).getName());
          missing.add(new Missing(p.getBusinessKey(), p.getProcessDefinitionKey(), reform, p.getEndTime()));
        }
        continue;
      }
      ServiceEvaluation e = ServiceEvaluation.of(f.evaluation());
      if (e != null) {
        evaluated++;
        counts.merge(e, 1, Integer::sum);
      }
    }
    Map<String, Integer> evaluations = new java.util.LinkedHashMap<>();
    for (ServiceEvaluation e : ServiceEvaluation.values()) {
      evaluations.put(e.label(), counts.getOrDefault(e, 0));
    }
    int total = finished.size();
    return new Coverage(from, to, total, followUps.size(), evaluated, percent(followUps.size(), total),
        percent(evaluated, total), evaluations, counts.getOrDefault(ServiceEvaluation.BAD, 0), missing, BENCHMARK);
  }

  private static double percent(int part, int whole) {
    return whole == 0 ? 100.0 : Math.round(part * 1000.0 / whole) / 10.0;
  }
}
