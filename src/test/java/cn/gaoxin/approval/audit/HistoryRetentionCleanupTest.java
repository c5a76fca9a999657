package cn.gaoxin.approval.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.support.ScenarioTest;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * History cleanup follows the retention setting (30 days here, 30 years in production): a finished case is kept
 * until its end time plus the retention period and removed after it, with its audit summary; a running case stays.
 */
@TestPropertySource(properties = "approval.retention.history-days=30")
class HistoryRetentionCleanupTest extends ScenarioTest {

  @Autowired HistoryCleanupSettings retention;
  @Autowired CaseSummaryStore summaries;

  @Test
  void theEngineIsConfiguredFromTheRetentionSetting() {
    var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("incomplete-materials-acceptance").latestVersion().singleResult().getHistoryTimeToLive())
        .isEqualTo(30);
  }

  @Test
  void nothingIsRemovedBeforeItsTime() {
    clockAt(LocalDateTime.of(2026, 3, 2, 10, 0));
    ProcessInstance finished = apply("SCJG-SPJY-001", List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID",
        "PREMISES_PROOF", "LAYOUT_PLAN", "SAFETY_RULES"), false);
    ProcessInstance running = apply("SCJG-SPJY-001", List.of("APPLICATION"), false);
    completeAs("window1", finished, "Task_VerifyMaterials", Map.of());
    completeAs("market1", finished, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "同意"));
    assertThat(ended(finished)).isTrue();

    // one hour before the case's time is up (ended 2 March 10:00 + 30 days)
    clockAt(LocalDateTime.of(2026, 4, 1, 9, 0));
    cleanUp();
    assertThat(historyCount(finished)).isEqualTo(1);
    assertThat(activityCount(finished)).isPositive();
    assertThat(summaries.byProcessInstance(finished.getId())).isPresent();

    // one hour after
    clockAt(LocalDateTime.of(2026, 4, 1, 11, 0));
    cleanUp();
    assertThat(historyCount(finished)).isZero();
    assertThat(activityCount(finished)).isZero();
    assertThat(summaries.byProcessInstance(finished.getId())).isEmpty();
    // a running case is never removed, however old
    assertThat(historyCount(running)).isEqualTo(1);
    assertThat(summaries.byProcessInstance(running.getId())).isPresent();
  }

  private void cleanUp() {
    Job job = engine.getHistoryService().cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(job.getId());
    retention.removeExpiredSummaries();
  }

  private boolean ended(ProcessInstance pi) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).finished()
        .count() == 1;
  }

  private long historyCount(ProcessInstance pi) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).count();
  }

  private long activityCount(ProcessInstance pi) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).count();
  }
}
