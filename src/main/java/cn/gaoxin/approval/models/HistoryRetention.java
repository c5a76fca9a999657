package cn.gaoxin.approval.models;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One retention setting for all case history ({@code approval.retention.history-days}; 30 years by default:
 * these are government records). Models carry the same value in {@code camunda:historyTimeToLive} (the
 * house-rule test checks it); at start every deployed process and decision definition, including ones
 * deployed from Camunda Modeler, is set to it, so the setting is the one place operators change.
 */
@Component
public class HistoryRetention {

  private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

  private final RepositoryService repositoryService;
  private final int days;

  public HistoryRetention(ProcessEngine engine, @Value("${approval.retention.history-days:10950}") int days) {
    this.repositoryService = engine.getRepositoryService();
    this.days = days;
  }

  public int days() {
    return days;
  }

  /** Sets the retention on every definition whose time to live differs; returns how many were changed. */
  public int apply() {
    int changed = 0;
    for (var definition : repositoryService.createProcessDefinitionQuery().list()) {
      if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
        repositoryService.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
        changed++;
      }
    }
    for (var definition : repositoryService.createDecisionDefinitionQuery().list()) {
      if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
        repositoryService.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
        changed++;
      }
    }
    if (changed > 0) {
      log.info("已将 {} 个流程/决策定义的历史保留期设为 {} 天", changed, days);
    }
    return changed;
  }
}
