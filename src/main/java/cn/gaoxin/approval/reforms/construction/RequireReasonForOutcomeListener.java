package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.cases.CaseVariables;
import java.util.List;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks a clerk's outcome on completing a task, configured by the task's input parameters:
 * {@code outcomeVariable} (the form field holding the outcome), {@code outcomes} (the allowed values, comma
 * separated), {@code outcomesWithoutReason} (values that need no explanation; empty: every value needs one),
 * {@code reasonVariable} (the form field holding the explanation) and {@code reasonLabel} (its name in the message).
 * An outcome other than those must be explained: a refusal, a problem or a sanction states its grounds.
 */
@Component("requireReasonForOutcome")
public class RequireReasonForOutcomeListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String outcomeVariable = config(task, "outcomeVariable");
    String reasonVariable = config(task, "reasonVariable");
    List<String> outcomes = CaseVariables.strings(config(task, "outcomes"));
    Object okInput = task.getVariable("outcomesWithoutReason");
    List<String> withoutReason = CaseVariables.strings(okInput == null ? "" : okInput.toString());
    Object labelInput = task.getVariable("reasonLabel");
    String reasonLabel = labelInput == null ? "理由" : labelInput.toString();

    Object outcome = task.getVariable(outcomeVariable);
    if (outcome == null || outcome.toString().isBlank()) {
      throw new NotValidException("请选择办理结果 (" + outcomeVariable + ")");
    }
    if (!outcomes.contains(outcome.toString())) {
      throw new NotValidException("办理结果 " + outcome + " 不在可选范围内 (" + String.join("、", outcomes) + ")");
    }
    Object reason = task.getVariable(reasonVariable);
    if (!withoutReason.contains(outcome.toString()) && (reason == null || reason.toString().isBlank())) {
      throw new NotValidException("该办理结果必须填写" + reasonLabel + " (" + reasonVariable + ")");
    }
  }

  private static String config(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("任务 " + task.getTaskDefinitionKey() + " 缺少输入参数 " + name);
    }
    return value.toString();
  }
}
