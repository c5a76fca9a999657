package cn.gaoxin.approval.operations.cluster;

import javax.sql.DataSource;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Test-only side effect for the cluster and crash tests (only in application nodes started with
 * {@code approval.probe.enabled=true}): writes one row per executed step into {@code ops_probe_effect}, in the
 * engine's transaction, with the node that ran it. The table has no unique key on purpose, so a step that ran
 * twice shows up as two rows. The case variable {@code work} makes each step take that many milliseconds, like a call to
 * an outside system, so a node killed under load really has jobs in its hands.
 */
@Component("clusterProbe")
@ConditionalOnProperty(name = "approval.probe.enabled", havingValue = "true")
public class ClusterProbeDelegate implements JavaDelegate {

  private final JdbcTemplate jdbc;
  private final String node;

  public ClusterProbeDelegate(DataSource dataSource, @Value("${approval.probe.node:?}") String node) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.node = node;
  }

  @Override
  public void execute(DelegateExecution execution) throws InterruptedException {
    Object work = execution.getVariable("work"); // milliseconds the step "calls an outside system"
    if (work != null) {
      Thread.sleep(Long.parseLong(work.toString()));
    }
    jdbc.update("insert into ops_probe_effect (case_number, step, node, executed_at) values (?, ?, ?, now())",
        execution.getProcessBusinessKey(), String.valueOf(execution.getVariableLocal("step")), node);
  }
}
