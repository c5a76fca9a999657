package cn.gaoxin.approval.reforms.services;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.payments.Amounts;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the bank officer's credit decision ({@code creditDecision}: APPROVE, REDUCE, REFUSE): the granted
 * {@code approvedAmount} (the proposed amount, the reduced amount, or 0) with {@code approvedAmountText},
 * {@code decisionStatus} (APPROVED / REJECTED), the officer's reason as {@code decisionReason}, {@code decidedAt} and
 * the case status.
 */
@Component("recordCreditDecision")
public class RecordCreditDecisionDelegate implements JavaDelegate {

  private final EngineClock clock;

  public RecordCreditDecisionDelegate(EngineClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CreditDecision decision = CreditDecision.parse(execution.getVariable("creditDecision"));
    BigDecimal approved = switch (decision) {
      case APPROVE -> Amounts.yuan(execution.getVariable("proposedAmount"));
      case REDUCE -> Amounts.yuan(execution.getVariable("approvedAmount"));
      case REFUSE -> BigDecimal.ZERO;
    };
    boolean granted = decision != CreditDecision.REFUSE;
    execution.setVariable("approvedAmount", Amounts.variable(approved));
    execution.setVariable("approvedAmountText", Amounts.text(approved));
    execution.setVariable("creditDecisionText", decision.label());
    execution.setVariable("decisionStatus", granted ? CaseStatus.APPROVED.name() : CaseStatus.REJECTED.name());
    Object reason = execution.getVariable("creditDecisionReason");
    execution.setVariable("decisionReason", reason == null || reason.toString().isBlank() ? decision.label() : reason.toString().trim());
    execution.setVariable("decidedAt", clock.now());
    execution.setVariable(CaseVariables.CASE_STATUS,
        granted ? CaseStatus.CREDIT_APPROVED.name() : CaseStatus.CREDIT_REFUSED.name());
  }
}
