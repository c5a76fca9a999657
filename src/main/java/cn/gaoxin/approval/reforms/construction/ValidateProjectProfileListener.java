package cn.gaoxin.approval.reforms.construction;

import java.util.List;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete the butler's claim until the project profile the roadmap is computed from is complete and
 * plausible; lists every problem at once. Unanswered yes/no questions count as "no".
 */
@Component("validateProjectProfile")
public class ValidateProjectProfileListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    for (String flag : ProjectProfile.FLAGS.keySet()) {
      if (task.getVariable(flag) == null) {
        task.setVariable(flag, false);
      }
    }
    List<String> problems = ProjectProfile.problems(task);
    if (!problems.isEmpty()) {
      throw new NotValidException("项目信息不完整, 无法生成专属审批流程图: " + String.join("; ", problems));
    }
  }
}
