package cn.gaoxin.approval.reforms.supervision;

import cn.gaoxin.approval.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Start-event helper for the supervision and evaluation models, whose cases always belong to one catalog item:
 * {@code <camunda:executionListener expression="${supervisionCases.prepare(execution, 'YSHJ-GCY-001', 'INTERNAL')}"
 * event="start" />} placed before {@code openCase} names the item (so due dates come from the catalog) and how the
 * case came in, unless the starter (applicant API, follow-up trigger) already set them. Such cases involve no
 * visit by an applicant.
 */
@Component("supervisionCases")
public class SupervisionCases {

  public void prepare(DelegateExecution execution, String itemCode, String channel) {
    if (execution.getVariable(CaseVariables.ITEM_CODE) == null) {
      execution.setVariable(CaseVariables.ITEM_CODE, itemCode);
    }
    if (execution.getVariable(CaseVariables.CHANNEL) == null) {
      execution.setVariable(CaseVariables.CHANNEL, channel);
    }
    if (execution.getVariable(CaseVariables.IN_PERSON_VISITS) == null) {
      execution.setVariable(CaseVariables.IN_PERSON_VISITS, 0);
    }
  }
}
