package cn.gaoxin.approval.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts cases started and finished per reform (process key) for every model, with nothing in the models: the
 * engine's Spring event bridge publishes its history events (camunda.bpm.eventing.history, on by default), and
 * the process-instance start and end events say which process, which case and how it ended. A count is taken only
 * when the engine's transaction commits, so a rolled-back start or a retried step is never counted. Counters are
 * per node: Prometheus adds the nodes up ({@code sum by (reform) (increase(approval_cases_started_total[1d]))}).
 *
 * <p>The history event classes live in the engine's impl package (as ClockUtil does for calendar/EngineClock);
 * they are what the starter's eventing documents to publish. Each start and end is also logged; the engine puts the
 * case number into the log context ({@code logging-context-business-key: caseNumber}), so the line carries it.
 */
@Component
public class CaseMetrics {

  private static final Logger log = LoggerFactory.getLogger(CaseMetrics.class);
  /** The log-context key the engine uses for the business key (camunda.bpm.generic-properties: logging-context-business-key). */
  static final String CASE_NUMBER_KEY = "caseNumber";

  private final MeterRegistry registry;

  public CaseMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @EventListener
  public void onProcessInstanceHistory(HistoricProcessInstanceEventEntity event) {
    String reform = event.getProcessDefinitionKey();
    if (HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(event.getEventType())) {
      Counter counter = Counter.builder("approval.cases.started").description("已开始的案件 (按改革流程)")
          .tag("reform", reform).register(registry);
      logWithCaseNumber(event.getBusinessKey(), "案件开始: 流程 {}", reform);
      afterCommit(counter::increment);
    } else if (HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(event.getEventType())) {
      String outcome = outcome(event.getState());
      Counter counter = Counter.builder("approval.cases.finished").description("已结束的案件 (按改革流程与结果)")
          .tag("reform", reform).tag("outcome", outcome).register(registry);
      logWithCaseNumber(event.getBusinessKey(), "案件结束: 流程 {} ({})", reform, outcome);
      afterCommit(counter::increment);
    }
  }

  /** completed (reached an end event), terminated (a terminate end event, a withdrawal or an operator's deletion). */
  static String outcome(String state) {
    return state == null || HistoricProcessInstance.STATE_COMPLETED.equals(state) ? "completed" : "terminated";
  }

  /** The engine sets the log context once it works inside the case; a case's very first event comes before that. */
  private static void logWithCaseNumber(String caseNumber, String message, Object... args) {
    if (MDC.get(CASE_NUMBER_KEY) != null || caseNumber == null) {
      log.info(message, args);
      return;
    }
    try (MDC.MDCCloseable ignored = MDC.putCloseable(CASE_NUMBER_KEY, caseNumber)) {
      log.info(message, args);
    }
  }

  static void afterCommit(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          action.run();
        }
      });
    } else {
      action.run();
    }
  }
}
