package cn.gaoxin.approval.reforms.licensing;

import cn.gaoxin.approval.decisions.ReviewDecision;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refused 退回补正 (RETURN) on review tasks that had no return path: 证照联办, 简易注销 and the partner district's side
 * of 跨区通办 before their models gained one. No current model uses it; it stays because review tasks of cases
 * started on those earlier model versions still name this listener, and they must remain completable (with the
 * rules of the version they were started on) until they end. Remove once no such case is open.
 */
@Deprecated(forRemoval = true)
@Component("requireFinalDecision")
public class RequireFinalDecisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (ReviewDecision.parse(task.getVariable("reviewDecision")) == ReviewDecision.RETURN) {
      throw new NotValidException("本环节须作出准予或不予许可的决定, 不能退回补正; 需要补正的材料由窗口在受理前一次性告知");
    }
  }
}
