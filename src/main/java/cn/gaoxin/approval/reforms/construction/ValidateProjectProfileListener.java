package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.decisions.ReviewDecision;
import java.util.List;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete the butler's claim until the project profile the roadmap is computed from is complete and
 * plausible; lists every problem at once. Unanswered yes/no questions count as "no". A butler who returns the
 * application for correction ({@code claimDecision} RETURN) records no profile, so nothing is checked then.
 */
@Component("validateProjectProfile")
public class ValidateProjectProfileListener implements TaskListener {

  /** The butler's conclusion on the claim task: APPROVE (the project checks out) or RETURN (back to the applicant). */
  public static final String CLAIM_DECISION = "claimDecision";

  /** Whether the butler returned the application for correction instead of recording the project. */
  static boolean returned(DelegateTask task) {
    return ReviewDecision.RETURN.name().equals(String.valueOf(task.getVariable(CLAIM_DECISION)));
  }

  @Override
  public void notify(DelegateTask task) {
    if (returned(task)) {
      return;
    }
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
