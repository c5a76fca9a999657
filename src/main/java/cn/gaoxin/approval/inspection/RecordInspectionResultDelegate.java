package cn.gaoxin.approval.inspection;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records one drawn enterprise's inspection in the campaign's results. Input {@code stage}: {@code RESULT} (what the
 * inspectors found: {@code inspectionResult}, {@code inspectionFindings}) or {@code HANDLING} (how a finding was
 * handled: {@code handlingMeasure}, {@code handlingNote}). Reads the target of the multi-instance branch
 * ({@code targetCreditCode}, {@code targetName}, {@code inspector}, {@code coInspector}). Writing again overwrites.
 */
@Component("recordInspectionResult")
public class RecordInspectionResultDelegate implements JavaDelegate {

  private final InspectionRecords records;
  private final EngineClock clock;

  public RecordInspectionResultDelegate(InspectionRecords records, EngineClock clock) {
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object stage = execution.getVariableLocal("stage");
    String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
    String creditCode = text(execution, "targetCreditCode");
    if ("HANDLING".equals(stage)) {
      records.saveHandling(caseNumber, creditCode, text(execution, "handlingMeasure"), text(execution, "handlingNote"),
          clock.instant());
    } else if (stage == null || "RESULT".equals(stage)) {
      records.saveResult(caseNumber, creditCode, text(execution, "targetName"), text(execution, "inspector"),
          text(execution, "coInspector"), text(execution, "inspectionMatters"), text(execution, "inspectionResult"),
          text(execution, "inspectionFindings"), clock.instant());
    } else {
      throw new IllegalStateException("输入参数 stage 只能是 RESULT 或 HANDLING");
    }
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
