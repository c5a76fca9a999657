package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Appends the outcome of one checklist item of a land-use stage to {@code stageResults}: the item
 * ({@code checklistItemCode}, {@code checklistItemName}) and the butler's record ({@code itemResult} DONE or
 * NOT_NEEDED, {@code documentNumber}, {@code itemNote}); an item handled again after the stage confirmation returned it
 * replaces its earlier result and keeps the reason it was returned for ({@code itemReturnReason}).
 */
@Component("recordChecklistItemResult")
public class RecordChecklistItemResultDelegate implements JavaDelegate {

  private final EngineClock clock;

  public RecordChecklistItemResultDelegate(EngineClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object code = execution.getVariable("checklistItemCode");
    if (code == null) {
      throw new IllegalStateException("缺少清单事项编码 checklistItemCode");
    }
    LandUseItemResult result = LandUseItemResult.valueOf(String.valueOf(execution.getVariable("itemResult")));
    List<Map<String, Object>> results = new ArrayList<>();
    for (Object r : CaseVariables.list(execution, "stageResults", Map.class)) {
      @SuppressWarnings("unchecked") Map<String, Object> entry = (Map<String, Object>) r;
      results.add(entry);
    }
    results.removeIf(r -> code.toString().equals(r.get("code")));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("code", code.toString());
    entry.put("name", execution.getVariable("checklistItemName"));
    entry.put("result", result.name());
    entry.put("documentNumber", text(execution.getVariable("documentNumber")));
    entry.put("note", text(execution.getVariable("itemNote")));
    entry.put("completedAt", clock.instant().toString());
    String returnReason = text(execution.getVariable("itemReturnReason"));
    if (!returnReason.isEmpty()) {
      entry.put("returnReason", returnReason);
    }
    results.add(entry);
    execution.setVariable("stageResults", CaseVariables.json(results));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }
}
