package cn.gaoxin.approval.reforms.licensing;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.licences.Licence;
import cn.gaoxin.approval.licences.LicenceRegister;
import cn.gaoxin.approval.licences.LicenceStatus;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * When a market entity ceases to exist (注销), every licence and permit it holds in the register lapses: cancels
 * (注销, not 撤销: nothing was wrongly granted) all of the applicant's licences not yet revoked or cancelled (by
 * unified social credit code), recording input {@code reason}.
 * Writes {@code revokedLicences} (JSON list of numbers) and {@code revokedLicenceCount}; an entity without
 * licences in the register is simply recorded as having none.
 */
@Component("revokeHolderLicences")
public class RevokeHolderLicencesDelegate implements JavaDelegate {

  private final LicenceRegister register;

  public RevokeHolderLicencesDelegate(LicenceRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object reason = execution.getVariableLocal("reason");
    if (reason == null || reason.toString().isBlank()) {
      throw new IllegalStateException("缴销证照的环节缺少输入参数 reason");
    }
    Object creditCode = execution.getVariable(CaseVariables.CREDIT_CODE);
    List<String> revoked = new ArrayList<>();
    if (creditCode != null) {
      for (Licence licence : register.forHolder(creditCode.toString())) {
        if (!licence.status().isFinal()
            && register.changeStatus(licence.number(), LicenceStatus.CANCELLED, reason.toString())
            && !revoked.contains(licence.number())) {
          revoked.add(licence.number());
        }
      }
    }
    execution.setVariable("revokedLicences", CaseVariables.json(revoked));
    execution.setVariable("revokedLicenceCount", revoked.size());
  }
}
