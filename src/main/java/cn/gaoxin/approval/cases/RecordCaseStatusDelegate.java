package cn.gaoxin.approval.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets the case status named by input parameter {@code status} (a {@link CaseStatus} name). */
@Component("recordCaseStatus")
public class RecordCaseStatusDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object status = execution.getVariableLocal("status");
    CaseStatus parsed;
    try {
      parsed = CaseStatus.valueOf(String.valueOf(status));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("输入参数 status 不是已知的案件状态: " + status);
    }
    execution.setVariable(CaseVariables.CASE_STATUS, parsed.name());
  }
}
