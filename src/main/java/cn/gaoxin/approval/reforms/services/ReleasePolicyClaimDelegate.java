package cn.gaoxin.approval.reforms.services;

import cn.gaoxin.approval.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Releases the case's unpaid policy claim (政策兑现) when the case ends without payment (review refused, objection
 * upheld, materials never completed), so the firm may claim the policy again. Writes {@code claimReleased}.
 */
@Component("releasePolicyClaim")
public class ReleasePolicyClaimDelegate implements JavaDelegate {

  private final PolicyClaims claims;

  public ReleasePolicyClaimDelegate(PolicyClaims claims) {
    this.claims = claims;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("claimReleased", claims.release((String) execution.getVariable(CaseVariables.CASE_NUMBER)));
  }
}
