package cn.gaoxin.approval.reforms.licensing;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener (event {@code complete}) that refuses to complete a task whose outcome is missing or unknown, or
 * whose outcome needs a written reason that is missing. Configured by input parameters of the user task:
 * {@code outcomeVariable}, {@code outcomes} (allowed values, comma-separated), {@code outcomeLabel} (what the
 * clerk calls it, e.g. 核查结论), {@code reasonVariable}, {@code reasonRequiredFor} (outcomes needing a reason,
 * comma-separated, or * for all) and {@code reasonLabel}. Throwing rolls the completion back; Tasklist shows
 * the message and nothing changes.
 */
@Component("requireOutcomeAndReason")
public class RequireOutcomeAndReasonListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String outcomeVariable = config(task, "outcomeVariable", null);
    if (outcomeVariable == null) {
      throw new NotValidException("任务 " + task.getName() + " 的校验未配置 outcomeVariable");
    }
    String outcomeLabel = config(task, "outcomeLabel", "办理结论");
    List<String> allowed = list(config(task, "outcomes", ""));
    Object outcome = task.getVariable(outcomeVariable);
    if (outcome == null || outcome.toString().isBlank() || !allowed.isEmpty() && !allowed.contains(outcome.toString())) {
      throw new NotValidException("请选择" + outcomeLabel);
    }
    String reasonVariable = config(task, "reasonVariable", null);
    if (reasonVariable == null) {
      return;
    }
    List<String> needReason = list(config(task, "reasonRequiredFor", ""));
    if (needReason.contains("*") || needReason.contains(outcome.toString())) {
      Object reason = task.getVariable(reasonVariable);
      if (reason == null || reason.toString().isBlank()) {
        throw new NotValidException(outcomeLabel + "为此项时必须填写" + config(task, "reasonLabel", "理由")
            + " (" + reasonVariable + ")");
      }
    }
  }

  private static String config(DelegateTask task, String name, String fallback) {
    Object value = task.getExecution().getVariableLocal(name);
    return value == null || value.toString().isBlank() ? fallback : value.toString();
  }

  private static List<String> list(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
