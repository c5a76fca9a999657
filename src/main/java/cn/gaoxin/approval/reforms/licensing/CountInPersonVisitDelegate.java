package cn.gaoxin.approval.reforms.licensing;

import cn.gaoxin.approval.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Counts one in-person visit of the applicant (只跑一次: the reformed paths need at most one) in
 * {@code inPersonVisits}, e.g. when a licence is collected at the counter. Input parameter {@code applies}
 * (default true) lets the model count only in that case, e.g. {@code ${deliveryMethod == 'COUNTER'}}.
 */
@Component("countInPersonVisit")
public class CountInPersonVisitDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object applies = execution.getVariableLocal("applies");
    if (applies != null && !Boolean.parseBoolean(applies.toString())) {
      return;
    }
    Object visits = execution.getVariable(CaseVariables.IN_PERSON_VISITS);
    execution.setVariable(CaseVariables.IN_PERSON_VISITS, visits instanceof Number n ? n.intValue() + 1 : 1);
  }
}
