package cn.gaoxin.approval.reforms.supervision;

import cn.gaoxin.approval.tasks.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A supervision review that approves the earlier step's work or sends it back to that step: {@code reviewResult}
 * {@code PASS} or {@code RETURN}; a return needs {@code returnReason}, which the earlier step's form shows when the
 * work comes back (as observer-suggestion's verification does with REWORK). Who returned it and when is the task's
 * completion in the history; the reason is the completion's variable.
 */
@Component("validateReviewReturn")
public class ValidateReviewReturnListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String result = TaskInputs.requireOneOf(task, "reviewResult",
        "请选择审核结论: 通过 (PASS) 或 退回前一环节重新办理 (RETURN)", "PASS", "RETURN");
    if ("RETURN".equals(result)) {
      TaskInputs.requireText(task, "returnReason", "退回必须写明退回理由 (需要更正之处)");
    }
    TaskInputs.requireMaxLength(task, "returnReason", 2000, "退回理由");
  }
}
