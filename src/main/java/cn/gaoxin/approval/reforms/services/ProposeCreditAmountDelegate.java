package cn.gaoxin.approval.reforms.services;

import cn.gaoxin.approval.payments.Amounts;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Proposes the loan amount for the bank officer: the amount the firm asked for ({@code requestedAmount}, yuan),
 * capped by the credit limit the points decision computed ({@code creditLimit}); a firm that named no amount (or
 * none above zero) is proposed the whole limit. Writes {@code proposedAmount} and the texts
 * {@code creditLimitText}, {@code proposedAmountText}, {@code requestedAmountText}.
 */
@Component("proposeCreditAmount")
public class ProposeCreditAmountDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    BigDecimal limit = Amounts.yuan(execution.getVariable("creditLimit"));
    if (limit == null || limit.signum() < 0) {
      throw new IllegalStateException("授信额度 (creditLimit) 缺失或为负数: " + execution.getVariable("creditLimit"));
    }
    BigDecimal requested;
    try {
      requested = Amounts.yuan(execution.getVariable("requestedAmount"));
    } catch (IllegalArgumentException notANumber) {
      requested = null;
    }
    BigDecimal proposed = requested == null || requested.signum() <= 0 || requested.compareTo(limit) > 0 ? limit : requested;
    execution.setVariable("proposedAmount", Amounts.variable(proposed));
    execution.setVariable("creditLimitText", Amounts.text(limit));
    execution.setVariable("proposedAmountText", Amounts.text(proposed));
    execution.setVariable("requestedAmountText", requested == null || requested.signum() <= 0 ? "未指定 (按测算额度)" : Amounts.text(requested));
  }
}
