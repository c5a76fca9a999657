package cn.gaoxin.approval.reforms.services;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;

/** Evaluates a deployed decision table as the engine does and tells which rules matched (from decision history). */
final class DecisionTables {

  record Evaluation(List<Map<String, Object>> results, Set<String> matchedRules) {
    Map<String, Object> single() {
      if (results.size() != 1) {
        throw new AssertionError("期望一个结果, 实际为 " + results);
      }
      return results.get(0);
    }
  }

  private DecisionTables() {}

  static Evaluation evaluate(ProcessEngine engine, String key, Map<String, Object> variables) {
    Set<String> before = ids(engine, key);
    List<Map<String, Object>> results = engine.getDecisionService().evaluateDecisionTableByKey(key, variables)
        .getResultList();
    HistoricDecisionInstance instance = engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(key).includeOutputs().list().stream()
        .filter(d -> !before.contains(d.getId())).findFirst()
        .orElseThrow(() -> new AssertionError("没有记录决策历史: " + key));
    Set<String> rules = instance.getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId)
        .collect(Collectors.toSet());
    return new Evaluation(results, rules);
  }

  /** Every rule id of the table in the model file. */
  static Set<String> ruleIds(String file) {
    return Dmn.readModelFromFile(Path.of("processes/services", file).toFile()).getModelElementsByType(Rule.class)
        .stream().map(Rule::getId).collect(Collectors.toSet());
  }

  private static Set<String> ids(ProcessEngine engine, String key) {
    return new HashSet<>(engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey(key)
        .list().stream().map(HistoricDecisionInstance::getId).toList());
  }
}
