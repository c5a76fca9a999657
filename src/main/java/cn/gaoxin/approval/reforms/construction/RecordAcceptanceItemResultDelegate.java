package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.decisions.ReviewReturns;
import cn.gaoxin.approval.supervision.Deadlines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the acceptance items of a joint completion acceptance in {@code acceptanceResults} (one entry per item,
 * replaced at every round). Input {@code outcome}, in an item's branch (its {@code itemCode} is local there):
 * PASSED (the item is accepted) or RECTIFY (it failed this round: its findings and round are kept until the round
 * ends, see {@link AcceptanceRectifications}). At case level, once every branch of the round has ended: RETURN (整改,
 * the 退回补正 of this model: the failed items' findings become ONE numbered list {@code rectificationFindings} with
 * {@code rectificationDepartments}, the deadline {@code rectificationDueDate} is set from the item's
 * {@code resubmission} limit in working days, the case status becomes RETURNED and {@code returnCount} grows) or
 * OVERDUE (the rectification deadline passed: every item still waiting fails). Keeps {@code acceptedItemNames}
 * (catalog order, printed on the one certificate) and {@code failedAcceptanceItemCount} up to date.
 */
@Component("recordAcceptanceItemResult")
public class RecordAcceptanceItemResultDelegate implements JavaDelegate {

  private final ConstructionCatalog catalog;
  private final Deadlines deadlines;
  private final EngineClock clock;
  private final AcceptanceRectifications rectifications;

  public RecordAcceptanceItemResultDelegate(ConstructionCatalog catalog, Deadlines deadlines, EngineClock clock,
      AcceptanceRectifications rectifications) {
    this.catalog = catalog;
    this.deadlines = deadlines;
    this.clock = clock;
    this.rectifications = rectifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = String.valueOf(execution.getVariableLocal("outcome"));
    List<Map<String, Object>> results = results(execution);
    switch (outcome) {
      case "PASSED", "RECTIFY" -> {
        String itemCode = (String) execution.getVariable("itemCode");
        int round = execution.getVariable("acceptanceRound") instanceof Number n ? n.intValue() : 1;
        results.removeIf(r -> itemCode.equals(r.get("itemCode")));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("itemCode", itemCode);
        entry.put("itemName", catalog.itemName(itemCode));
        entry.put("department", catalog.departmentName(itemCode));
        entry.put("result", outcome);
        entry.put("resultText", outcome.equals("PASSED") ? "验收合格" : "验收不合格, 待整改");
        entry.put("rounds", round);
        entry.put("findings", text(execution.getVariable("acceptanceFindings")));
        entry.put("decidedAt", clock.instant().toString());
        results.add(entry);
      }
      case "RETURN" -> {
        List<ReviewReturns.Returned> returns = rectifications.toRectify(execution);
        if (returns.isEmpty()) {
          throw new IllegalStateException("没有待整改的验收事项, 不能发送整改通知");
        }
        execution.setVariable("rectificationFindings", ReviewReturns.reasons(returns));
        execution.setVariable("rectificationDepartments", ReviewReturns.departments(returns));
        execution.setVariable("rectificationItemCodes", String.join(",", rectifications.itemCodesToRectify(execution)));
        execution.setVariable("rectificationDueDate", deadlines.fromNow(execution, "resubmission"));
        execution.setVariable(CaseVariables.CASE_STATUS, CaseStatus.RETURNED.name());
        Object count = execution.getVariable("returnCount");
        execution.setVariable("returnCount", count instanceof Number n ? n.intValue() + 1 : 1);
        return;
      }
      case "OVERDUE" -> results.stream().filter(r -> AcceptanceRectifications.RECTIFY.equals(r.get("result")))
          .forEach(r -> {
            r.put("result", "FAILED");
            r.put("resultText", "整改逾期, 验收不合格");
            r.put("decidedAt", clock.instant().toString());
          });
      default -> throw new IllegalStateException("输入参数 outcome 只能是 PASSED、RECTIFY、RETURN 或 OVERDUE: " + outcome);
    }
    execution.setVariable(AcceptanceRectifications.RESULTS, CaseVariables.json(results));
    List<String> passed = new ArrayList<>();
    for (String code : catalog.bundle(AcceptanceRectifications.BUNDLE)) {
      if (results.stream().anyMatch(r -> code.equals(r.get("itemCode")) && "PASSED".equals(r.get("result")))) {
        passed.add(catalog.itemName(code));
      }
    }
    execution.setVariable("acceptedItemNames", CaseVariables.json(passed));
    execution.setVariable("failedAcceptanceItemCount",
        (int) results.stream().filter(r -> "FAILED".equals(r.get("result"))).count());
  }

  private static List<Map<String, Object>> results(DelegateExecution execution) {
    List<Map<String, Object>> results = new ArrayList<>();
    for (Object r : CaseVariables.list(execution, AcceptanceRectifications.RESULTS, Map.class)) {
      @SuppressWarnings("unchecked") Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) r);
      results.add(entry);
    }
    return results;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
