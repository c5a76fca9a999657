package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.cases.CaseVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes a finished land-use stage into the case's roadmap: each item's outcome from {@code stageResults} (returned
 * by the called stage) and the stage (input {@code stage}) appended to {@code completedStages}; the roadmap text
 * the butler and the applicant read is refreshed.
 */
@Component("recordLandUseStageProgress")
public class RecordLandUseStageProgressDelegate implements JavaDelegate {

  private final ConstructionCatalog catalog;
  private final LandUseRoadmaps roadmaps;

  public RecordLandUseStageProgressDelegate(ConstructionCatalog catalog, LandUseRoadmaps roadmaps) {
    this.catalog = catalog;
    this.roadmaps = roadmaps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object stage = execution.getVariableLocal("stage");
    if (stage == null || catalog.stage(stage.toString()).isEmpty()) {
      throw new IllegalStateException("记录阶段进度需要输入参数 stage (用地阶段编码), 当前为 " + stage);
    }
    Map<String, Object> roadmap = LandUseRoadmaps.read(execution);
    List<Map<String, Object>> results = new ArrayList<>();
    for (Object r : CaseVariables.list(execution, "stageResults", Map.class)) {
      @SuppressWarnings("unchecked") Map<String, Object> entry = (Map<String, Object>) r;
      results.add(entry);
    }
    roadmaps.recordResults(roadmap, results);
    roadmaps.store(execution, roadmap);
    List<String> completed = new ArrayList<>(CaseVariables.strings(execution, "completedStages"));
    if (!completed.contains(stage.toString())) {
      completed.add(stage.toString());
    }
    execution.setVariable("completedStages", CaseVariables.json(completed));
  }
}
