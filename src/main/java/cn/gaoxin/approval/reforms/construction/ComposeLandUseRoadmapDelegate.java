package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.cases.CaseVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Composes the project's roadmap (专属审批流程图) from the results of decision tables land-use-roadmap
 * ({@code applicableRuleItems}) and regional-assessment-coverage ({@code coveredAssessments}) and stores it as the
 * JSON variable {@code roadmap} with {@code roadmapText}, {@code requiredItemCount} and {@code sharedItemCount}; the two
 * decision results are rewritten as JSON lists.
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
    List<String> ruleItems = CaseVariables.strings(execution, "applicableRuleItems");
    List<String> covered = CaseVariables.strings(execution, "coveredAssessments");
    Map<String, Object> roadmap = roadmaps.compose(execution, ruleItems, covered);
    // the decision results arrive as Java lists; keep them as JSON like every list of a case (readable by forms,
    // the applicant API and auditors without Java deserialization)
    execution.setVariable("applicableRuleItems", CaseVariables.json(ruleItems));
    execution.setVariable("coveredAssessments", CaseVariables.json(covered));
    roadmaps.store(execution, roadmap);
    Map<String, Object> summary = (Map<String, Object>) roadmap.get("summary");
    execution.setVariable("requiredItemCount", summary.get("required"));
    execution.setVariable("sharedItemCount", summary.get("shared"));
  }
}
