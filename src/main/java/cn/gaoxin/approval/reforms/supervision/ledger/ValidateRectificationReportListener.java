package cn.gaoxin.approval.reforms.supervision.ledger;

import cn.gaoxin.approval.tasks.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A department reports its rectification with the measures taken (整改措施); an empty report is refused. */
@Component("validateRectificationReport")
public class ValidateRectificationReportListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskInputs.requireText(task, LedgerVariables.RECTIFICATION_MEASURES, "请填写整改措施及整改情况");
    TaskInputs.requireMaxLength(task, LedgerVariables.RECTIFICATION_MEASURES, 4000, "整改措施及整改情况");
  }
}
