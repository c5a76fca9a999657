package cn.gaoxin.approval.publicity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * An objection to a public notice is closed only with a result ({@code objectionResult}: UPHELD or DISMISSED) and
 * the facts found ({@code objectionFinding}); the objector and auditors read them later.
 */
@Component("validateObjectionFinding")
public class ValidateObjectionFindingListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    Object result = task.getVariable("objectionResult");
    if (!"UPHELD".equals(result) && !"DISMISSED".equals(result)) {
      problems.add("请选择核查结论: 异议成立 (UPHELD) 或 异议不成立 (DISMISSED)");
    }
    Object finding = task.getVariable("objectionFinding");
    if (finding == null || finding.toString().isBlank()) {
      problems.add("请写明核查认定的事实和理由");
    }
    if (!problems.isEmpty()) {
      throw new NotValidException(String.join("; ", problems));
    }
  }
}
