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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * History cleanup follows the retention setting (10950 days = 30 years): a finished case is kept until its end time
 * plus the retention period and removed after it, with its audit summary; a running case stays.
 */
// the same application context as the audit REST and browser tests (a web server on a random port): one context
// for all audit tests, so no context switch evicts the one the engine REST API depends on
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
        .isEqualTo(10950);
    assertThat(retention.days()).isEqualTo(10950);
  }

  @Test
  void nothingIsRemovedBeforeItsTime() {
    clockAt(LocalDateTime.of(2026, 3, 2, 10, 0));
    ProcessInstance finished = apply("SCJG-SPJY-001", List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID",
        "PREMISES_PROOF", "LAYOUT_PLAN", "SAFETY_RULES"), false);
    ProcessInstance running = apply("SCJG-SPJY-001", List.of("APPLICATION"), false);
    completeAs("window1", finished, "Task_VerifyMaterials", Map.of());
    completeAs("market1", finished, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "同意"));
    runJobs(finished); // the licence is issued by an async step
    assertThat(ended(finished)).isTrue();

    // one hour before the case's time is up (ended 2 March 2026 10:00, plus 10950 days)
    LocalDateTime due = LocalDateTime.of(2026, 3, 2, 10, 0).plusDays(retention.days());
    clockAt(due.minusHours(1));
    cleanUp();
    assertThat(historyCount(finished)).isEqualTo(1);
    assertThat(activityCount(finished)).isPositive();
    assertThat(summaries.byProcessInstance(finished.getId())).isPresent();

    // one hour after
    clockAt(due.plusHours(1));
    cleanUp();
    assertThat(historyCount(finished)).isZero();
    assertThat(activityCount(finished)).isZero();
    assertThat(summaries.byProcessInstance(finished.getId())).isEmpty();
    // a running case is never removed, however old
    assertThat(historyCount(running)).isEqualTo(1);
    assertThat(summaries.byProcessInstance(running.getId())).isPresent();
  }

  /**
   * Runs the cleanup as the window would: batch after batch (cleanup-batch-size rows each) while the job finds more
   * that is due, since the shared test history may hold more expired cases than one batch removes.
   */
  private void cleanUp() {
    var management = engine.getManagementService();
    Job job = engine.getHistoryService().cleanUpHistoryAsync(true);
    for (int batch = 0; batch < 100 && job != null; batch++) {
      management.executeJob(job.getId());
      job = management.createJobQuery().jobId(job.getId()).executable().singleResult();
    }
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
