package cn.gaoxin.approval.decisions;

import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a review task without a decision, or a refusal without a reason (an administrative
 * refusal must state its grounds). Throwing here rolls the completion back; Tasklist shows the message.
 */
@Component("validateDecision")
public class ValidateDecisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ReviewDecision decision = ReviewDecision.parse(task.getVariable("reviewDecision"));
    Object reason = task.getVariable("decisionReason");
    if (decision != ReviewDecision.APPROVE && (reason == null || reason.toString().isBlank())) {
      throw new NotValidException(decision == ReviewDecision.REJECT
          ? "不予许可必须填写理由 (decisionReason)" : "退回补正必须一次性写明全部需要补正的内容 (decisionReason)");
    }
  }
}
