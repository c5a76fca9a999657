package cn.gaoxin.approval.credit;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records a credit record about the case's applicant. Input parameters: {@code category} (a
 * {@link CreditCategory} name), {@code reason} (text, required), {@code validYears} (how long it stays in force;
 * empty: until removed). Writes {@code creditRecordId}.
 */
@Component("recordCreditRecord")
public class RecordCreditRecordDelegate implements JavaDelegate {

  private final CreditRegister register;
  private final EngineClock clock;

  public RecordCreditRecordDelegate(CreditRegister register, EngineClock clock) {
    this.register = register;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CreditCategory category = CreditCategory.parse(execution.getVariableLocal("category"));
    Object reason = execution.getVariableLocal("reason");
    if (reason == null || reason.toString().isBlank()) {
      throw new IllegalStateException("记录信用信息的环节缺少输入参数 reason");
    }
    Object validYears = execution.getVariableLocal("validYears");
    Object department = execution.getVariable(CaseVariables.DEPARTMENT_NAME);
    CreditRecord record = register.record(new CreditRegister.Entry(
        (String) execution.getVariable(CaseVariables.CREDIT_CODE),
        (String) execution.getVariable(CaseVariables.APPLICANT_NAME), category, reason.toString(),
        (String) execution.getVariable(CaseVariables.CASE_NUMBER),
        department == null || department.toString().isBlank() ? "高新区行政审批局" : department.toString(),
        validYears == null || validYears.toString().isBlank() ? null
            : clock.today().plusYears(Long.parseLong(validYears.toString()))));
    execution.setVariable("creditRecordId", record.id());
  }
}
