package cn.gaoxin.approval.decisions;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the reviewer's decision: {@code reviewDecision} (APPROVE or REJECT) becomes {@code decisionStatus}
 * (APPROVED or REJECTED) with {@code decidedAt}; the reason stays in {@code decisionReason}. RETURN records nothing.
 */
@Component("recordDecision")
public class RecordDecisionDelegate implements JavaDelegate {

  private final EngineClock clock;

  public RecordDecisionDelegate(EngineClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewDecision decision = ReviewDecision.parse(execution.getVariable("reviewDecision"));
    if (decision == ReviewDecision.RETURN) {
      return; // no decision: the case goes back for correction (returnForCorrection)
    }
    execution.setVariable("decisionStatus", decision.status().name());
    execution.setVariable(CaseVariables.CASE_STATUS, decision.status().name());
    execution.setVariable("decidedAt", clock.now());
  }
}
