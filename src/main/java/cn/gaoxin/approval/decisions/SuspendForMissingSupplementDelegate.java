package cn.gaoxin.approval.decisions;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The 容缺 commitment was broken (supplement deadline passed): an approval already given is revoked; a case
 * still under review is suspended. Sets {@code decisionStatus} and {@code caseStatus}.
 */
@Component("suspendForMissingSupplement")
public class SuspendForMissingSupplementDelegate implements JavaDelegate {

  private final EngineClock clock;

  public SuspendForMissingSupplementDelegate(EngineClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean approved = CaseStatus.APPROVED.name().equals(execution.getVariable("decisionStatus"));
    CaseStatus status = approved ? CaseStatus.REVOKED : CaseStatus.SUSPENDED;
    execution.setVariable("decisionStatus", status.name());
    execution.setVariable(CaseVariables.CASE_STATUS, status.name());
    execution.setVariable("suspendedAt", clock.now());
  }
}
