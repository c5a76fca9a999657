package cn.gaoxin.approval.reforms.licensing;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Evaluates a decision table the way a business-rule task does and reports which rule matched (from the decision
 * history, which records the rule of every output): each evaluation gets its own instant on the engine clock so
 * its history entry can be found again.
 */
final class DecisionRuleProbe {

  record Evaluation(String ruleId, Map<String, Object> outputs) {}

  private static final AtomicLong SECOND = new AtomicLong();

  private final ProcessEngine engine;
  private final String decisionKey;

  DecisionRuleProbe(ProcessEngine engine, String decisionKey) {
    this.engine = engine;
    this.decisionKey = decisionKey;
  }

  Evaluation evaluate(Map<String, Object> inputs) {
    Instant at = Instant.parse("2030-01-01T00:00:00Z").plusSeconds(SECOND.incrementAndGet() * 10);
    ClockUtil.setCurrentTime(Date.from(at));
    try {
      var result = engine.getDecisionService().evaluateDecisionTableByKey(decisionKey, inputs);
      Map<String, Object> outputs = result.getSingleResult().getEntryMap();
      List<HistoricDecisionInstance> history = engine.getHistoryService().createHistoricDecisionInstanceQuery()
          .decisionDefinitionKey(decisionKey).evaluatedAfter(Date.from(at.minusSeconds(1)))
          .evaluatedBefore(Date.from(at.plusSeconds(1))).includeOutputs().list();
      if (history.size() != 1) {
        throw new AssertionError("expected one evaluation in the decision history, found " + history.size());
      }
      List<String> rules = history.get(0).getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId)
          .distinct().toList();
      if (rules.size() != 1) {
        throw new AssertionError("expected exactly one matched rule (hit policy FIRST), found " + rules);
      }
      return new Evaluation(rules.get(0), outputs);
    } finally {
      ClockUtil.reset();
    }
  }
}
