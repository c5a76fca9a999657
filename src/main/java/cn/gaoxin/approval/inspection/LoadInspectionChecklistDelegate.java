package cn.gaoxin.approval.inspection;

import cn.gaoxin.approval.cases.CaseVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Prepares an inspection: the checklist is the JSON list {@code inspectionChecklist} a calling process passed in,
 * or else the catalog's list for {@code inspectionScene}. Writes the checklist back as JSON, the options the
 * inspector's form shows ({@code inspectionChecklistOptions}), and starts the counters ({@code videoFailures},
 * {@code videoInspectionCount}, {@code inspectionRounds}).
 */
@Component("loadInspectionChecklist")
public class LoadInspectionChecklistDelegate implements JavaDelegate {

  private final InspectionChecklists checklists;

  public LoadInspectionChecklistDelegate(InspectionChecklists checklists) {
    this.checklists = checklists;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> checks = CaseVariables.strings(execution, "inspectionChecklist");
    if (checks.isEmpty()) {
      Object scene = execution.getVariable("inspectionScene");
      checks = checklists.forScene(scene == null ? null : scene.toString()).orElseThrow(() ->
          new IllegalStateException("没有勘验清单: 未传入 inspectionChecklist, 事项目录中也没有勘验场景 " + scene
              + " (可用: " + checklists.scenes() + ")"));
    }
    if (execution.getVariable("inspectionScene") == null) {
      execution.setVariable("inspectionScene", "CUSTOM"); // the caller's own checklist
    }
    execution.setVariable("inspectionChecklist", CaseVariables.json(checks));
    execution.setVariable("inspectionChecklistOptions", CaseVariables.json(
        checks.stream().map(c -> Map.of("value", c, "label", c)).toList()));
    execution.setVariable("failedChecks", CaseVariables.json(List.of()));
    execution.setVariable("videoFailures", 0);
    execution.setVariable("videoInspectionCount", 0);
    execution.setVariable("inspectionRounds", CaseVariables.json(List.of()));
  }
}
