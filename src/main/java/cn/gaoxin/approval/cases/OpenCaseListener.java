package cn.gaoxin.approval.cases;

import static cn.gaoxin.approval.cases.CaseVariables.*;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.identifiers.FieldChecks;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/**
 * Opens a case on the start event of any reform model: assigns the case number (the business key) unless the
 * applicant API already did, and copies what clerks need from the catalog (item name, department, material
 * options for the forms). A counter submission counts as the applicant's one visit; online submissions none.
 */
@Component("openCase")
public class OpenCaseListener implements ExecutionListener {

  private final CaseNumbers caseNumbers;
  private final ServiceCatalog catalog;
  private final EngineClock clock;

  public OpenCaseListener(CaseNumbers caseNumbers, ServiceCatalog catalog, EngineClock clock) {
    this.caseNumbers = caseNumbers;
    this.catalog = catalog;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // a case opened from a Tasklist start form (or the REST API) gets the applicant API's identifier checks:
    // refused with a clear message (400, web/EngineRestRefusals), nothing started
    List<String> problems = FieldChecks.problems(execution.getVariables());
    if (!problems.isEmpty()) {
      throw new NotValidException("申请未被接收: " + String.join("; ", problems));
    }
    String caseNumber = execution.getProcessBusinessKey();
    if (caseNumber == null || caseNumber.isBlank()) {
      caseNumber = caseNumbers.next();
      execution.setProcessBusinessKey(caseNumber);
    }
    execution.setVariable(CASE_NUMBER, caseNumber);
    execution.setVariable(SUBMITTED_AT, clock.now());
    execution.setVariable(CASE_STATUS, CaseStatus.RECEIVED.name());
    String channel = execution.hasVariable(CHANNEL) ? String.valueOf(execution.getVariable(CHANNEL)) : "COUNTER";
    execution.setVariable(CHANNEL, channel);
    if (!execution.hasVariable(IN_PERSON_VISITS)) {
      execution.setVariable(IN_PERSON_VISITS, "COUNTER".equals(channel) ? 1 : 0);
    }
    Object itemCode = execution.getVariable(ITEM_CODE);
    if (itemCode == null) {
      return; // reforms whose case is not about one catalog item (e.g. campaigns) describe themselves
    }
    // an unknown item is bad input: nothing is started (the applicant API checks the same before starting)
    ServiceItem item = catalog.item(itemCode.toString())
        .orElseThrow(() -> new NotValidException("申请未被接收: 事项目录中没有编码为 " + itemCode + " 的事项"));
    execution.setVariable(ITEM_NAME, item.name());
    execution.setVariable(DEPARTMENT, item.department());
    execution.setVariable(DEPARTMENT_NAME, catalog.department(item.department()).map(d -> d.name()).orElse(""));
    if (item.licence() != null) {
      execution.setVariable("licenceType", item.licence().type());
      execution.setVariable("licenceTitle", item.licence().title());
      if (item.licence().validYears() != null) {
        execution.setVariable("licenceValidYears", item.licence().validYears());
      }
    }
    List<Map<String, String>> options = item.materials().stream()
        .map(m -> Map.of("value", m.code(), "label", m.name() + (m.core() ? " (核心要件)" : " (容缺项)")))
        .toList();
    execution.setVariable("materialOptions", CaseVariables.json(options));
    execution.setVariable(SUBMITTED_MATERIALS, CaseVariables.json(CaseVariables.strings(execution, SUBMITTED_MATERIALS)));
  }
}
