package cn.gaoxin.approval.reforms.supervision.yield;

import cn.gaoxin.approval.tasks.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** An objection is upheld (with corrected, possible figures) or dismissed, with the reply the enterprise will get. */
@Component("validateObjectionReview")
public class ValidateObjectionReviewListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String decision = TaskInputs.requireOneOf(task, "objectionDecision",
        "请选择复核结论: 异议成立, 更正数据并重新计分 (UPHELD) 或 异议不成立 (DISMISSED)", "UPHELD", "DISMISSED");
    TaskInputs.requireText(task, "reviewOpinion", "请填写复核意见 (将答复企业)");
    if ("UPHELD".equals(decision)) {
      YieldData.from(task);
    }
  }
}
