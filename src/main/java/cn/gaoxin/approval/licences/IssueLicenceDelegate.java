package cn.gaoxin.approval.licences;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Issues a licence, permit or certificate into the register (idempotent per case, type and subject).
 * Input parameters: {@code licenceType} and {@code title} (required); {@code permits} (what it authorises, JSON
 * list or comma-separated; defaults to the title); {@code subject} (e.g. a housing unit, when one case issues
 * several of a type); {@code validYears}; {@code holderName} / {@code holderCreditCode} (default: the applicant);
 * {@code resultVariable} (default {@code licenceNumber}). Writes the number to the result variable, its signed
 * verification link to {@code <resultVariable>Url}, and appends the number to {@code issuedLicences}.
 */
@Component("issueLicence")
public class IssueLicenceDelegate implements JavaDelegate {

  private final LicenceRegister register;
  private final LicenceSigner signer;
  private final EngineClock clock;

  public IssueLicenceDelegate(LicenceRegister register, LicenceSigner signer, EngineClock clock) {
    this.register = register;
    this.signer = signer;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String type = required(execution, "licenceType");
    String title = required(execution, "title");
    List<String> permits = CaseVariables.strings(execution.getVariableLocal("permits"));
    if (permits.isEmpty()) {
      permits = List.of(title);
    }
    Object validYears = execution.getVariableLocal("validYears");
    String holderName = text(execution, "holderName", CaseVariables.APPLICANT_NAME);
    String holderCode = text(execution, "holderCreditCode", CaseVariables.CREDIT_CODE);
    Object issuedBy = execution.getVariable(CaseVariables.DEPARTMENT_NAME);
    Object subject = execution.getVariableLocal("subject");
    Licence licence = register.issue(new LicenceRegister.IssueRequest(
        (String) execution.getVariable(CaseVariables.CASE_NUMBER), execution.getProcessInstanceId(), type, title,
        holderName, holderCode, subject == null ? null : subject.toString(), permits,
        issuedBy == null || issuedBy.toString().isBlank() ? "高新区行政审批局" : issuedBy.toString(),
        validYears == null ? null : clock.today().plusYears(Long.parseLong(validYears.toString()))));
    Object resultVariable = execution.getVariableLocal("resultVariable");
    String result = resultVariable == null ? "licenceNumber" : resultVariable.toString();
    execution.setVariable(result, licence.number());
    execution.setVariable(result + "Url", signer.verificationUrl(licence.number()));
    List<String> issued = new ArrayList<>(CaseVariables.strings(execution, "issuedLicences"));
    if (!issued.contains(licence.number())) {
      issued.add(licence.number());
      execution.setVariable("issuedLicences", CaseVariables.json(issued));
    }
  }

  private static String required(DelegateExecution execution, String name) {
    Object value = execution.getVariableLocal(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("发证环节缺少输入参数 " + name);
    }
    return value.toString();
  }

  private static String text(DelegateExecution execution, String input, String caseVariable) {
    Object value = execution.getVariableLocal(input);
    if (value == null) {
      value = execution.getVariable(caseVariable);
    }
    return value == null ? null : value.toString();
  }
}
