package cn.gaoxin.approval.followup;

import cn.gaoxin.approval.tasks.TaskInputs;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A follow-up call records the enterprise's evaluation (好评 / 中评 / 差评) and how the enterprise was reached; a bad
 * review must say what the enterprise complained about, since that is what the department has to rectify.
 */
@Component("validateServiceEvaluation")
public class ValidateServiceEvaluationListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ServiceEvaluation evaluation = ServiceEvaluation.of(task.getVariable("evaluation"));
    if (evaluation == null) {
      throw new NotValidException("请选择企业的评价: 好评 (GOOD)、中评 (MEDIUM) 或 差评 (BAD)");
    }
    TaskInputs.requireOneOf(task, "contactMethod", "请选择回访方式: 电话、短信、上门或网上评价",
        "PHONE", "SMS", "VISIT", "ONLINE");
    if (evaluation == ServiceEvaluation.BAD) {
      TaskInputs.requireText(task, "evaluationComment", "差评必须记录企业反映的具体问题 (将交承办部门整改)");
    }
    TaskInputs.requireMaxLength(task, "evaluationComment", 2000, "评价意见");
  }
}
