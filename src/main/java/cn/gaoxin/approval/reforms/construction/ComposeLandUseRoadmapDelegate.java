package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.cases.CaseVariables;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Composes the project's roadmap (专属审批流程图) from the results of decision tables land-use-roadmap
 * ({@code applicableRuleItems}) and regional-assessment-coverage ({@code coveredAssessments}) and stores it as the
 * JSON variable {@code roadmap} with {@code roadmapText}, {@code requiredItemCount} and {@code sharedItemCount}.
 */
@Component("composeLandUseRoadmap")
public class ComposeLandUseRoadmapDelegate implements JavaDelegate {

  private final LandUseRoadmaps roadmaps;

  public ComposeLandUseRoadmapDelegate(LandUseRoadmaps roadmaps) {
    this.roadmaps = roadmaps;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    Map<String, Object> roadmap = roadmaps.compose(execution,
        CaseVariables.strings(execution, "applicableRuleItems"),
        CaseVariables.strings(execution, "coveredAssessments"));
    roadmaps.store(execution, roadmap);
    Map<String, Object> summary = (Map<String, Object>) roadmap.get("summary");
    execution.setVariable("requiredItemCount", summary.get("required"));
    execution.setVariable("sharedItemCount", summary.get("shared"));
  }
}
