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
 * The stage confirmation found the stage's work incomplete: the items it names ({@code returnedItems}) go back to
 * the butler's item handling with the reason ({@code stageReturnReason}, shown on each reopened item as
 * {@code returnReason}). Sets {@code stageItems}/{@code stageItemCount} to those items only (the other results stay
 * in {@code stageResults}) and appends the return to {@code stageReturns} (reason, items, time) as the stage's record.
 */
@Component("reopenLandUseStageItems")
public class ReopenLandUseStageItemsDelegate implements JavaDelegate {

  private final ConstructionCatalog catalog;
  private final LandUseRoadmaps roadmaps;
  private final EngineClock clock;

  public ReopenLandUseStageItemsDelegate(ConstructionCatalog catalog, LandUseRoadmaps roadmaps, EngineClock clock) {
    this.catalog = catalog;
    this.roadmaps = roadmaps;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object stageCode = execution.getVariable("stageCode");
    ConstructionCatalog.Stage stage = catalog.stage(stageCode == null ? null : stageCode.toString())
        .orElseThrow(() -> new IllegalStateException("未知的用地阶段 " + stageCode));
    List<String> returned = CaseVariables.strings(execution, ValidateStageReturnListener.RETURNED_ITEMS);
    Object reasonValue = execution.getVariable("stageReturnReason");
    String reason = reasonValue == null ? "" : reasonValue.toString().trim();
    List<Map<String, Object>> reopened = new ArrayList<>();
    for (Map<String, Object> item : roadmaps.openItems(LandUseRoadmaps.read(execution), stage.code())) {
      if (returned.contains(String.valueOf(item.get("code")))) {
        Map<String, Object> copy = new LinkedHashMap<>(item);
        copy.put("returnReason", reason);
        reopened.add(copy);
      }
    }
    if (reopened.isEmpty()) {
      throw new IllegalStateException("退回重办的事项 " + returned + " 不是本阶段的待办事项");
    }
    execution.setVariable("stageItems", CaseVariables.json(reopened));
    execution.setVariable("stageItemCount", reopened.size());

    List<Map<String, Object>> returns = new ArrayList<>();
    for (Object r : CaseVariables.list(execution, "stageReturns", Map.class)) {
      @SuppressWarnings("unchecked") Map<String, Object> entry = (Map<String, Object>) r;
      returns.add(entry);
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("reason", reason);
    entry.put("items", reopened.stream().map(i -> i.get("code")).toList());
    entry.put("returnedAt", clock.instant().toString());
    returns.add(entry);
    execution.setVariable("stageReturns", CaseVariables.json(returns));
  }
}
