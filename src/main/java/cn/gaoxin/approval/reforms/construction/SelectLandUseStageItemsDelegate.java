package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.cases.CaseVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts a land-use stage: from the case's {@code roadmap} and the stage code {@code stageCode}, lists the
 * stage's items still to be handled ({@code stageItems}, JSON; {@code stageItemCount}; {@code stageItemsText} for
 * the butler's form), the items as choices for the stage confirmation's return ({@code stageItemOptions}) and opens
 * an empty {@code stageResults}.
 */
@Component("selectLandUseStageItems")
public class SelectLandUseStageItemsDelegate implements JavaDelegate {

  private final ConstructionCatalog catalog;
  private final LandUseRoadmaps roadmaps;

  public SelectLandUseStageItemsDelegate(ConstructionCatalog catalog, LandUseRoadmaps roadmaps) {
    this.catalog = catalog;
    this.roadmaps = roadmaps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object stageCode = execution.getVariable("stageCode");
    ConstructionCatalog.Stage stage = catalog.stage(stageCode == null ? null : stageCode.toString())
        .orElseThrow(() -> new IllegalStateException("未知的用地阶段 " + stageCode + " (调用活动需传入 stageCode)"));
    List<Map<String, Object>> items = roadmaps.openItems(LandUseRoadmaps.read(execution), stage.code());
    execution.setVariable("stageName", stage.name());
    execution.setVariable("stageItems", CaseVariables.json(items));
    execution.setVariable("stageItemCount", items.size());
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> item = items.get(i);
      text.append(i + 1).append(". ").append(item.get("name")).append(" (").append(item.get("authority"))
          .append(", 承诺 ").append(item.get("promisedDays")).append(" 个工作日)\n");
    }
    execution.setVariable("stageItemsText", items.isEmpty() ? "本阶段没有需要办理的事项" : text.toString().trim());
    execution.setVariable("stageItemOptions", CaseVariables.json(items.stream()
        .map(i -> Map.of("label", i.get("code") + " " + i.get("name"), "value", i.get("code"))).toList()));
    execution.setVariable("stageResults", CaseVariables.json(List.of()));
  }
}
