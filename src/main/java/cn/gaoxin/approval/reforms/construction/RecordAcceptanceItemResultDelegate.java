package cn.gaoxin.approval.reforms.construction;

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
 * Records one acceptance item of a joint completion acceptance (its {@code itemCode} is local to the item's
 * branch). Input {@code outcome}: RECTIFY (the item failed this round: the round is counted, its findings kept in
 * {@code rectificationFindings}, the rectification deadline {@code rectificationDueDate} set from the item's
 * {@code resubmission} limit in working days, and the form cleared for re-acceptance), PASSED or FAILED (the item's final
 * result, appended to {@code acceptanceResults}). Keeps {@code acceptedItemNames} (catalog order, printed on the
 * one certificate) and {@code failedAcceptanceItemCount} up to date.
 */
@Component("recordAcceptanceItemResult")
public class RecordAcceptanceItemResultDelegate implements JavaDelegate {

  private final ConstructionCatalog catalog;
  private final Deadlines deadlines;
  private final EngineClock clock;

  public RecordAcceptanceItemResultDelegate(ConstructionCatalog catalog, Deadlines deadlines, EngineClock clock) {
    this.catalog = catalog;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = String.valueOf(execution.getVariableLocal("outcome"));
    String itemCode = (String) execution.getVariable("itemCode");
    Object findings = execution.getVariable("acceptanceFindings");
    int round = execution.getVariable("acceptanceRound") instanceof Number n ? n.intValue() : 1;
    switch (outcome) {
      case "RECTIFY" -> {
        execution.setVariable("rectificationFindings", findings == null ? "" : findings.toString());
        execution.setVariable("acceptanceRound", round + 1);
        execution.setVariable("rectificationDueDate", deadlines.fromNow(execution, "resubmission"));
        execution.setVariable("acceptanceResult", null);
        execution.setVariable("acceptanceFindings", null);
        return;
      }
      case "PASSED", "FAILED" -> { }
      default -> throw new IllegalStateException("输入参数 outcome 只能是 RECTIFY、PASSED 或 FAILED: " + outcome);
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (Object r : CaseVariables.list(execution, "acceptanceResults", Map.class)) {
      @SuppressWarnings("unchecked") Map<String, Object> entry = (Map<String, Object>) r;
      if (!itemCode.equals(entry.get("itemCode"))) {
        results.add(entry);
      }
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("itemCode", itemCode);
    entry.put("itemName", catalog.itemName(itemCode));
    entry.put("department", catalog.departmentName(itemCode));
    entry.put("result", outcome);
    entry.put("resultText", outcome.equals("PASSED") ? "验收合格" : "整改逾期, 验收不合格");
    entry.put("rounds", round);
    entry.put("findings", outcome.equals("PASSED") ? text(findings) : text(execution.getVariable("rectificationFindings")));
    entry.put("decidedAt", clock.instant().toString());
    results.add(entry);
    execution.setVariable("acceptanceResults", CaseVariables.json(results));
    List<String> passed = new ArrayList<>();
    for (String code : catalog.bundle("joint-completion-acceptance")) {
      if (results.stream().anyMatch(r -> code.equals(r.get("itemCode")) && "PASSED".equals(r.get("result")))) {
        passed.add(catalog.itemName(code));
      }
    }
    execution.setVariable("acceptedItemNames", CaseVariables.json(passed));
    execution.setVariable("failedAcceptanceItemCount",
        (int) results.stream().filter(r -> "FAILED".equals(r.get("result"))).count());
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
