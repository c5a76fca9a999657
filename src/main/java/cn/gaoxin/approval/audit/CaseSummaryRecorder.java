package cn.gaoxin.approval.audit;

import cn.gaoxin.approval.calendar.EngineClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code app_case_summary} up to date for every deployed model, without anything in the models: it listens to
 * the engine's execution events (Camunda Spring Boot starter event bridge, {@code camunda.bpm.eventing.execution}, on
 * by default), notes the case variables of each process instance whenever one of its activities (or the instance
 * itself) ends, and writes one row per instance just before the engine's transaction commits. So the summary commits
 * or rolls back with the engine's own writes, and a transaction that moves a case through many steps writes its row
 * once.
 */
@Component
public class CaseSummaryRecorder {

  private static final Logger log = LoggerFactory.getLogger(CaseSummaryRecorder.class);

  /** What the events of one transaction said about one process instance; the last event wins. */
  record Observation(String processInstanceId, String businessKey, String processKey, String definitionId,
      boolean topLevel, Instant firstSeen, Instant endedAt, String endState, Map<String, Object> variables) {}

  private final CaseSummaries summaries;
  private final CaseSummaryStore store;
  private final EngineClock clock;
  private final Map<String, String> keysByDefinition = new ConcurrentHashMap<>();

  public CaseSummaryRecorder(CaseSummaries summaries, CaseSummaryStore store, EngineClock clock) {
    this.summaries = summaries;
    this.store = store;
    this.clock = clock;
  }

  @EventListener
  public void onExecution(DelegateExecution execution) {
    if (!"end".equals(execution.getEventName())) {
      return;
    }
    DelegateExecution instance = execution.getProcessInstance();
    if (instance == null) {
      return;
    }
    String processInstanceId = instance.getId();
    boolean instanceEnds = processInstanceId.equals(execution.getId())
        && processInstanceId.equals(execution.getActivityInstanceId());
    Map<String, Object> variables = new HashMap<>();
    for (String name : summaries.variableNames()) {
      Object value = instance.getVariable(name);
      if (value != null) {
        variables.put(name, value);
      }
    }
    Instant now = clock.instant();
    Observation observation = new Observation(processInstanceId, instance.getProcessBusinessKey(),
        processKey(execution), instance.getProcessDefinitionId(), instance.getSuperExecution() == null, now,
        instanceEnds ? now : null,
        instanceEnds ? (execution.isCanceled() ? CaseSummary.CANCELED : CaseSummary.COMPLETED) : CaseSummary.RUNNING,
        variables);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
      if (pending == null) {
        pending = new Pending();
        TransactionSynchronizationManager.bindResource(this, pending);
        TransactionSynchronizationManager.registerSynchronization(pending);
      }
      pending.note(observation);
    } else {
      write(observation, observation.firstSeen());
    }
  }

  private String processKey(DelegateExecution execution) {
    String definitionId = execution.getProcessDefinitionId();
    return keysByDefinition.computeIfAbsent(definitionId, id -> {
      String key = CaseSummaries.keyOf(id);
      if (key != null) {
        return key;
      }
      var processes = execution.getBpmnModelInstance().getModelElementsByType(Process.class);
      return processes.size() == 1 ? processes.iterator().next().getId() : id;
    });
  }

  void write(Observation o, Instant firstSeen) {
    CaseSummary summary;
    try {
      summary = summaries.build(o.processInstanceId(), o.businessKey(), o.processKey(), o.definitionId(),
          o.topLevel(), firstSeen, o.endedAt(), o.endState(), o.variables());
    } catch (RuntimeException e) {
      log.error("案件 {} 的审计摘要无法生成, 已跳过 (可用回填补齐): {}", o.businessKey(), e.toString());
      return;
    }
    Instant now = clock.instant();
    store.save(summary, now);
    String followed = summaries.followedUpCase(o.variables());
    if (followed != null && !followed.equals(summary.caseNumber())) {
      String rating = summaries.rating(o.variables());
      store.recordFollowUp(followed, summary.caseNumber(), firstSeen, rating, CaseSummaries.score(rating));
    }
  }

  /** The observations of one transaction, written before it commits. */
  private final class Pending implements TransactionSynchronization {
    private final Map<String, Observation> latest = new LinkedHashMap<>();
    private final Map<String, Instant> firstSeen = new HashMap<>();

    void note(Observation observation) {
      firstSeen.putIfAbsent(observation.processInstanceId(), observation.firstSeen());
      Observation previous = latest.get(observation.processInstanceId());
      if (previous != null && previous.endedAt() != null && observation.endedAt() == null) {
        return; // an instance that ended stays ended (events of inner executions may follow its end event)
      }
      if (previous != null && CaseSummaries.bool(previous.variables().get("tolerantAcceptance"))) {
        observation.variables().put("tolerantAcceptance", true); // 容缺 once, 容缺 for the scorecard
      }
      latest.put(observation.processInstanceId(), observation);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      latest.values().forEach(o -> write(o, firstSeen.get(o.processInstanceId())));
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(CaseSummaryRecorder.this);
    }
  }
}
