package cn.gaoxin.approval.audit;

import cn.gaoxin.approval.calendar.EngineClock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds summary rows from the engine's history for cases that have none: on the first start after the summary
 * table was introduced (an existing database with history), and on demand for single cases. Cases are read in
 * pages, oldest first, so a large history is filled in without holding it in memory.
 */
@Component
public class CaseSummaryBackfill {

  private static final Logger log = LoggerFactory.getLogger(CaseSummaryBackfill.class);
  static final int PAGE = 500;

  private final HistoryService historyService;
  private final CaseSummaries summaries;
  private final CaseSummaryStore store;
  private final EngineClock clock;
  private final boolean onStart;

  public CaseSummaryBackfill(ProcessEngine engine, CaseSummaries summaries, CaseSummaryStore store, EngineClock clock,
      @Value("${approval.audit.summary.backfill-on-start:true}") boolean onStart) {
    this.historyService = engine.getHistoryService();
    this.summaries = summaries;
    this.store = store;
    this.clock = clock;
    this.onStart = onStart;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    if (!onStart || store.count() > 0 || historyService.createHistoricProcessInstanceQuery().count() == 0) {
      return;
    }
    Thread thread = new Thread(() -> {
      try {
        int added = backfillMissing();
        log.info("审计案件摘要已从历史数据补齐 {} 件", added);
      } catch (RuntimeException e) {
        log.error("审计案件摘要补齐失败: {}", e.toString(), e);
      }
    }, "case-summary-backfill");
    thread.setDaemon(true);
    thread.start();
  }

  /** Adds a summary for every historic case that has none; returns how many were added. */
  public int backfillMissing() {
    int added = 0;
    for (int first = 0; ; first += PAGE) {
      List<HistoricProcessInstance> page = historyService.createHistoricProcessInstanceQuery()
          .orderByProcessInstanceStartTime().asc().orderByProcessInstanceId().asc().listPage(first, PAGE);
      if (page.isEmpty()) {
        return added;
      }
      Set<String> present = new HashSet<>(store.jdbc().queryForList(
          "select process_instance_id from app_case_summary where process_instance_id in ("
              + String.join(",", page.stream().map(p -> "?").toList()) + ")",
          String.class, page.stream().map(HistoricProcessInstance::getId).toArray()));
      List<HistoricProcessInstance> missing = page.stream().filter(p -> !present.contains(p.getId())).toList();
      if (!missing.isEmpty()) {
        write(missing);
        added += missing.size();
      }
    }
  }

  /** Rewrites the summary of one case from history. */
  public void rebuild(String processInstanceId) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (instance != null) {
      write(List.of(instance));
    }
  }

  private void write(List<HistoricProcessInstance> instances) {
    Map<String, Map<String, Object>> variables = new HashMap<>();
    List<HistoricVariableInstance> all = historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
        .variableNameIn(summaries.variableNames().toArray(String[]::new))
        .disableCustomObjectDeserialization().list();
    for (HistoricVariableInstance v : all) {
      boolean instanceScope = v.getProcessInstanceId().equals(v.getActivityInstanceId());
      Map<String, Object> vars = variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>());
      Object value = AuditTrailService.plain(v.getTypedValue());
      if (value != null && (instanceScope || !vars.containsKey(v.getName()))) {
        vars.put(v.getName(), value);
      }
    }
    for (HistoricProcessInstance p : instances) {
      String state = p.getState();
      String endState = p.getEndTime() == null ? CaseSummary.RUNNING
          : HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(state) ? CaseSummary.CANCELED
          : CaseSummary.COMPLETED;
      Map<String, Object> vars = variables.getOrDefault(p.getId(), Map.of());
      CaseSummary summary = summaries.build(p.getId(), p.getBusinessKey(), p.getProcessDefinitionKey(),
          p.getProcessDefinitionId(), p.getSuperProcessInstanceId() == null, p.getStartTime().toInstant(),
          p.getEndTime() == null ? null : p.getEndTime().toInstant(), endState, vars);
      store.save(summary, clock.instant());
      String followed = summaries.followedUpCase(vars);
      if (followed != null) {
        String rating = summaries.rating(vars);
        store.recordFollowUp(followed, summary.caseNumber(), summary.startedAt(), rating, CaseSummaries.score(rating));
      }
    }
  }
}
