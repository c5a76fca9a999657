package cn.gaoxin.approval.inspection;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.supervision.Deadlines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records one inspection round (input {@code method}: VIDEO or ON_SITE) from the inspector's form: appends it to
 * {@code inspectionRounds}, sets {@code inspectionPassed}, {@code inspectionResult} (PASSED / FAILED),
 * {@code lastFindings}, {@code lastFailedChecks}, {@code inspectionMethod}, clears the form's fields for the next
 * round, and counts
 * video rounds ({@code videoInspectionCount}) and failed video rounds ({@code videoFailures}). A failed video round
 * sets the rectification deadline {@code rectificationDueDate}: the item's {@code resubmission} limit in working days.
 * A due date the caller passed in ({@code inspectionDueDate}) binds the first round only and is cleared here.
 */
@Component("recordInspectionRound")
public class RecordInspectionRoundDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final EngineClock clock;

  public RecordInspectionRoundDelegate(Deadlines deadlines, EngineClock clock) {
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object methodInput = execution.getVariableLocal("method");
    String method = methodInput == null ? "VIDEO" : methodInput.toString();
    if (!method.equals("VIDEO") && !method.equals("ON_SITE")) {
      throw new IllegalStateException("勘验方式只能是 VIDEO 或 ON_SITE: " + method);
    }
    InspectionOutcome outcome = InspectionOutcome.parse(execution.getVariable("inspectionOutcome"));
    if (outcome == null) {
      throw new IllegalStateException("勘验结论缺失 (inspectionOutcome)");
    }
    boolean passed = outcome == InspectionOutcome.PASS;
    List<String> failed = passed ? List.of() : CaseVariables.strings(execution, "failedChecks");
    Object findings = execution.getVariable("inspectionFindings");

    List<Map<String, Object>> rounds = new ArrayList<>();
    for (Object r : CaseVariables.list(execution, "inspectionRounds", Map.class)) {
      @SuppressWarnings("unchecked") Map<String, Object> round = (Map<String, Object>) r;
      rounds.add(round);
    }
    Map<String, Object> round = new LinkedHashMap<>();
    round.put("round", rounds.size() + 1);
    round.put("method", method);
    round.put("methodText", method.equals("VIDEO") ? "远程视频勘验" : "现场勘验");
    round.put("outcome", outcome.name());
    round.put("outcomeText", outcome.label());
    round.put("failedChecks", failed);
    round.put("findings", findings == null ? "" : findings.toString());
    round.put("inspectedAt", clock.instant().toString());
    rounds.add(round);
    execution.setVariable("inspectionRounds", CaseVariables.json(rounds));

    execution.setVariable("inspectionMethod", method);
    execution.setVariable("inspectionPassed", passed);
    execution.setVariable("inspectionResult", passed ? "PASSED" : "FAILED");
    execution.setVariable("inspectionResultText", outcome.label());
    execution.setVariable("inspectionMethodText", method.equals("VIDEO") ? "远程视频勘验" : "现场勘验");
    execution.setVariable("lastFindings", findings == null ? "" : findings.toString());
    execution.setVariable("lastFailedChecks", CaseVariables.json(failed));
    // the next round's form starts blank: the inspector records that round afresh
    execution.setVariable("inspectionOutcome", null);
    execution.setVariable("inspectionFindings", null);
    execution.setVariable("failedChecks", CaseVariables.json(List.of()));
    if (execution.getVariable("inspectionDueDate") != null) {
      execution.setVariable("inspectionDueDate", null); // a caller's due date binds the first round only
    }
    if (method.equals("VIDEO")) {
      execution.setVariable("videoInspectionCount", count(execution, "videoInspectionCount") + 1);
      if (!passed) {
        execution.setVariable("videoFailures", count(execution, "videoFailures") + 1);
        execution.setVariable("rectificationDueDate", deadlines.fromNow(execution, "resubmission"));
      }
    }
  }

  private static int count(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value instanceof Number n ? n.intValue() : 0;
  }
}
