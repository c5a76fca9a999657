package cn.gaoxin.approval.followup;

import cn.gaoxin.approval.tasks.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The reform office reviews a rectification the enterprise still rejects: send it back for more rectification, or
 * close it with a written explanation (e.g. the demand is beyond the department's powers).
 */
@Component("validateBadReviewEscalation")
public class ValidateBadReviewEscalationListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskInputs.requireOneOf(task, "escalationDecision",
        "请选择复核结论: 继续整改 (REWORK) 或 解释说明后销号 (CLOSE)", "REWORK", "CLOSE");
    TaskInputs.requireText(task, "escalationOpinion", "请填写复核意见");
  }
}
