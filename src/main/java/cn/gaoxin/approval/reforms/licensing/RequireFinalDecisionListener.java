package cn.gaoxin.approval.reforms.licensing;

import cn.gaoxin.approval.decisions.ReviewDecision;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * For review tasks that must end in a decision: 退回补正 (RETURN) is refused. Kept where the model has no return
 * path by design: 证照联办 (both reviews decide on materials the window checked and notified once before
 * acceptance), 简易注销 (the registration is decided after the 45-day public notice; papers are settled before it)
 * and the partner district's side of 跨区通办 (the applicant deals with the accepting district only). 一窗受理,
 * 一业一证 and 企业开办 model 退回补正 as a path of their own. Use after {@code validateDecision}.
 */
@Component("requireFinalDecision")
public class RequireFinalDecisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (ReviewDecision.parse(task.getVariable("reviewDecision")) == ReviewDecision.RETURN) {
      throw new NotValidException("本环节须作出准予或不予许可的决定, 不能退回补正; 需要补正的材料由窗口在受理前一次性告知");
    }
  }
}
