package cn.gaoxin.approval.licences;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Revokes (or, with input {@code status} = SUSPENDED, suspends) the licence whose number is in the variable
 * named by input {@code licenceVariable} (default {@code licenceNumber}); input {@code reason} is recorded.
 * Nothing happens when the case issued no licence. Sets {@code licenceStatus}.
 */
@Component("revokeLicence")
public class RevokeLicenceDelegate implements JavaDelegate {

  private final LicenceRegister register;

  public RevokeLicenceDelegate(LicenceRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object variable = execution.getVariableLocal("licenceVariable");
    Object number = execution.getVariable(variable == null ? "licenceNumber" : variable.toString());
    if (number == null) {
      return;
    }
    Object status = execution.getVariableLocal("status");
    LicenceStatus target = status == null ? LicenceStatus.REVOKED : LicenceStatus.valueOf(status.toString());
    Object reason = execution.getVariableLocal("reason");
    register.changeStatus(number.toString(), target, reason == null ? null : reason.toString());
    execution.setVariable("licenceStatus", target.name());
  }
}
