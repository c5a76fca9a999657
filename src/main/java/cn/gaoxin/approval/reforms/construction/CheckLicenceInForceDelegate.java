package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.licences.Licence;
import cn.gaoxin.approval.licences.LicenceRegister;
import cn.gaoxin.approval.licences.LicenceStatus;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks that a licence a case depends on is in the register, in force, of the expected type and held by the
 * applicant (e.g. 交房即交证 needs the building's 工程验收备案一企一证). Inputs: {@code licenceVariable} (the variable
 * holding the licence number), {@code licenceType}. A failed check is a business error {@code LICENCE_NOT_IN_FORCE}
 * whose message says what is wrong; a passed one sets {@code <licenceVariable>Title}.
 */
@Component("checkLicenceInForce")
public class CheckLicenceInForceDelegate implements JavaDelegate {

  public static final String ERROR = "LICENCE_NOT_IN_FORCE";

  private final LicenceRegister register;

  public CheckLicenceInForceDelegate(LicenceRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String variable = String.valueOf(execution.getVariableLocal("licenceVariable"));
    Object expectedType = execution.getVariableLocal("licenceType");
    Object number = execution.getVariable(variable);
    if (number == null || number.toString().isBlank()) {
      throw new BpmnError(ERROR, "未提供证照编号");
    }
    Licence licence = register.byNumber(number.toString().trim()).orElseThrow(() ->
        new BpmnError(ERROR, "证照库中没有编号为 " + number + " 的证照"));
    if (expectedType != null && !expectedType.toString().equals(licence.type())) {
      throw new BpmnError(ERROR, "证照 " + licence.number() + " 是《" + licence.title() + "》, 不是本事项要求的证照");
    }
    if (licence.status() != LicenceStatus.VALID) {
      throw new BpmnError(ERROR, "证照 " + licence.number() + " 状态为" + licence.status().label() + ", 不能作为办理依据");
    }
    Object holder = execution.getVariable(CaseVariables.CREDIT_CODE);
    if (holder != null && licence.holderCreditCode() != null && !holder.toString().equals(licence.holderCreditCode())) {
      throw new BpmnError(ERROR, "证照 " + licence.number() + " 的持证单位不是本案申请人");
    }
    execution.setVariable(variable + "Title", licence.title());
  }
}
