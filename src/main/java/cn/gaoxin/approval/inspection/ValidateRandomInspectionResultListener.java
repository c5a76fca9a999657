package cn.gaoxin.approval.inspection;

import cn.gaoxin.approval.tasks.TaskInputs;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * An inspection result needs a result category, findings when something was found, and must be entered by one of
 * the two inspectors the draw sent, who holds the task (a draw that anyone could take over would not be random).
 */
@Component("validateRandomInspectionResult")
public class ValidateRandomInspectionResultListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String result = TaskInputs.text(task, "inspectionResult");
    if (!InspectionOutcomes.RESULTS.containsKey(result)) {
      throw new NotValidException("请选择检查结果: " + String.join("、", InspectionOutcomes.RESULTS.values()));
    }
    if (!InspectionOutcomes.NO_PROBLEM.equals(result)) {
      TaskInputs.requireText(task, "inspectionFindings", "发现问题的, 必须写明检查发现的具体问题");
    }
    TaskInputs.requireMaxLength(task, "inspectionFindings", 2000, "检查发现的问题");
    String assignee = task.getAssignee();
    String lead = TaskInputs.text(task, "inspector");
    String second = TaskInputs.text(task, "coInspector");
    if (assignee == null || !(assignee.equals(lead) || assignee.equals(second))) {
      throw new NotValidException("检查结果只能由随机选派的执法人员 (" + lead + "、" + second + ") 认领后录入");
    }
  }
}
