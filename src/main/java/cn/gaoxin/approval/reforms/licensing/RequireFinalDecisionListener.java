package cn.gaoxin.approval.reforms.licensing;

import cn.gaoxin.approval.decisions.ReviewDecision;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * For review tasks that must end in a decision: 退回补正 (RETURN) is refused. In 一窗受理 and 一业一证 the
 * departments review in parallel on materials the window checked once and notified once (一次性告知); one department
 * sending the case back on its own would reopen a check the others rely on. Use after {@code validateDecision}.
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
