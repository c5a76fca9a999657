package cn.gaoxin.approval.reforms.services;

import cn.gaoxin.approval.payments.Amounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks a bank officer's credit decision before the review task completes: a reduced amount must be above zero
 * and below the proposed amount, a reduction or refusal needs its reason, a grant names the lending bank.
 */
@Component("validateCreditDecision")
public class ValidateCreditDecisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    CreditDecision decision = CreditDecision.parse(task.getVariable("creditDecision"));
    List<String> problems = new ArrayList<>();
    Object reason = task.getVariable("creditDecisionReason");
    boolean noReason = reason == null || reason.toString().isBlank();
    if (decision == CreditDecision.REDUCE) {
      BigDecimal proposed = Amounts.yuan(task.getVariable("proposedAmount"));
      BigDecimal approved;
      try {
        approved = Amounts.yuan(task.getVariable("approvedAmount"));
      } catch (IllegalArgumentException e) {
        approved = null;
      }
      if (approved == null || approved.signum() <= 0) {
        problems.add("调减额度时请填写调减后的授信金额 (大于 0 元)");
      } else if (proposed != null && approved.compareTo(proposed) >= 0) {
        problems.add("调减后的授信金额必须低于测算建议金额 " + Amounts.text(proposed));
      }
      if (noReason) {
        problems.add("调减额度必须写明理由");
      }
    }
    if (decision == CreditDecision.REFUSE && noReason) {
      problems.add("不予授信必须写明理由");
    }
    Object bank = task.getVariable("lendingBank");
    if (decision != CreditDecision.REFUSE && (bank == null || bank.toString().isBlank())) {
      problems.add("请填写放款银行");
    }
    if (!problems.isEmpty()) {
      throw new NotValidException(String.join("; ", problems));
    }
  }
}
