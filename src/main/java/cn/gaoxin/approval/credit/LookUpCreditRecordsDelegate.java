package cn.gaoxin.approval.credit;

import cn.gaoxin.approval.cases.CaseVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Looks up the applicant's credit records in force, for the decision tables that follow. Writes
 * {@code creditDishonest} (true when any record in force is a dishonesty record) and {@code creditRecordCategories}
 * (JSON list). With input parameters {@code flagCategory} and {@code flagVariable} it also writes whether a record
 * of that one category is in force into that variable (e.g. "曾被终止简易注销程序").
 */
@Component("lookUpCreditRecords")
public class LookUpCreditRecordsDelegate implements JavaDelegate {

  private final CreditRegister register;

  public LookUpCreditRecordsDelegate(CreditRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object creditCode = execution.getVariable(CaseVariables.CREDIT_CODE);
    List<CreditRecord> records = creditCode == null ? List.of() : register.inForce(creditCode.toString());
    execution.setVariable("creditDishonest", records.stream().anyMatch(r -> r.category().dishonesty()));
    execution.setVariable("creditRecordCategories",
        CaseVariables.json(records.stream().map(r -> r.category().name()).distinct().toList()));
    Object flagCategory = execution.getVariableLocal("flagCategory");
    Object flagVariable = execution.getVariableLocal("flagVariable");
    if (flagCategory != null && flagVariable != null && !flagVariable.toString().isBlank()) {
      CreditCategory category = CreditCategory.parse(flagCategory);
      execution.setVariable(flagVariable.toString(), records.stream().anyMatch(r -> r.category() == category));
    }
  }
}
