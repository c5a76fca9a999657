package cn.gaoxin.approval.inspection;

import cn.gaoxin.approval.cases.CaseVariables;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses an inspection record without an outcome, or a failed one that names no failed check or no findings
 * (the applicant must learn exactly what to rectify). Failed checks must come from the case's checklist.
 */
@Component("validateInspectionResult")
public class ValidateInspectionResultListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    InspectionOutcome outcome = InspectionOutcome.parse(task.getVariable("inspectionOutcome"));
    if (outcome == null) {
      throw new NotValidException("请选择勘验结论 (inspectionOutcome: PASS 通过 / FAIL 未通过)");
    }
    if (outcome == InspectionOutcome.PASS) {
      return;
    }
    List<String> failed = CaseVariables.strings(task, "failedChecks");
    Object findings = task.getVariable("inspectionFindings");
    List<String> problems = new ArrayList<>();
    if (failed.isEmpty()) {
      problems.add("勘验未通过时请勾选不符合要求的核查项");
    }
    List<String> checklist = CaseVariables.strings(task, "inspectionChecklist");
    List<String> unknown = failed.stream().filter(f -> !checklist.contains(f)).toList();
    if (!unknown.isEmpty()) {
      problems.add("以下核查项不在本次勘验清单中: " + String.join("、", unknown));
    }
    if (findings == null || findings.toString().isBlank()) {
      problems.add("勘验未通过时必须写明发现的问题和整改要求");
    }
    if (!problems.isEmpty()) {
      throw new NotValidException(String.join("; ", problems));
    }
  }
}
