package cn.gaoxin.approval.inspection;

import cn.gaoxin.approval.tasks.TaskInputs;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Handling a finding needs a measure (责令改正、列入经营异常名录、立案查处、移送) and what was done. */
@Component("validateInspectionHandling")
public class ValidateInspectionHandlingListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (!InspectionOutcomes.MEASURES.containsKey(TaskInputs.text(task, "handlingMeasure"))) {
      throw new NotValidException("请选择处置措施: " + String.join("、", InspectionOutcomes.MEASURES.values()));
    }
    TaskInputs.requireText(task, "handlingNote", "请写明处置情况 (文书编号、整改期限等)");
    TaskInputs.requireMaxLength(task, "handlingNote", 2000, "处置情况");
  }
}
