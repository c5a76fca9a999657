package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.identifiers.ResidentIdNumber;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks one unit's buyer before registration (inside the unit's branch): the resident ID number must be valid
 * (GB 11643 check digit). A wrong ID is a business error {@code UNIT_PROBLEM} for this unit only.
 */
@Component("validateHandoverBuyer")
public class ValidateHandoverBuyerDelegate implements JavaDelegate {

  public static final String ERROR = "UNIT_PROBLEM";

  @Override
  public void execute(DelegateExecution execution) {
    Object id = execution.getVariable("buyerIdNumber");
    ResidentIdNumber.problem(id == null ? null : id.toString()).ifPresent(problem -> {
      throw new BpmnError(ERROR, "购房人" + execution.getVariable("buyerName") + "的身份证号码有误: " + problem);
    });
  }
}
