package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.cases.CaseVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/**
 * On the stage confirmation: a butler who finds the stage's work incomplete ({@code stageDecision} RETURN) must name
 * the items to be handled again ({@code returnedItems}, codes of items this stage has handled, i.e. in
 * {@code stageResults}); the reason itself is required by {@code requireReasonForOutcome}.
 */
@Component("validateStageReturn")
public class ValidateStageReturnListener implements TaskListener {

  public static final String STAGE_DECISION = "stageDecision";
  public static final String RETURNED_ITEMS = "returnedItems";

  @Override
  public void notify(DelegateTask task) {
    if (!"RETURN".equals(String.valueOf(task.getVariable(STAGE_DECISION)))) {
      return;
    }
    List<String> returned = CaseVariables.strings(task, RETURNED_ITEMS);
    if (returned.isEmpty()) {
      throw new NotValidException("退回重办须选择需要重新帮办的事项 (returnedItems)");
    }
    List<String> handled = CaseVariables.list(task, "stageResults", Map.class).stream()
        .map(r -> String.valueOf(r.get("code"))).toList();
    List<String> unknown = returned.stream().filter(c -> !handled.contains(c)).toList();
    if (!unknown.isEmpty()) {
      throw new NotValidException("只能退回本阶段已办理的事项, 以下事项不在本阶段: " + String.join("、", unknown));
    }
  }
}
