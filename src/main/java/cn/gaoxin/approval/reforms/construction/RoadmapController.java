package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.cases.CaseProgressService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only land-use API: the published land-use checklist (用地清单集成服务指南), and a case's project-specific
 * roadmap (专属审批流程图), shown like the case itself only to whoever also knows the applicant's credit code.
 */
@RestController
public class RoadmapController {

  private final CaseProgressService progress;
  private final HistoryService historyService;
  private final ConstructionCatalog catalog;

  public RoadmapController(CaseProgressService progress, HistoryService historyService, ConstructionCatalog catalog) {
    this.progress = progress;
    this.historyService = historyService;
    this.catalog = catalog;
  }

  @GetMapping("/api/cases/{caseNumber}/roadmap")
  public ResponseEntity<?> roadmap(@PathVariable String caseNumber, @RequestParam(required = false) String creditCode) {
    var instance = progress.findOwnCase(caseNumber, creditCode).orElse(null);
    if (instance == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(Map.of("error", "未找到该案件, 请核对案件编号和统一社会信用代码"));
    }
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(LandUseRoadmaps.ROADMAP).list().stream()
        .filter(v -> instance.getId().equals(v.getActivityInstanceId()) || v.getActivityInstanceId() == null)
        .findFirst().orElse(null);
    if (variable == null || variable.getValue() == null) {
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .body(Map.of("error", "项目服务管家尚未生成专属审批流程图, 请稍后查询"));
    }
    return ResponseEntity.ok(LandUseRoadmaps.parse(variable.getValue()));
  }

  /** The whole checklist: stages, categories, regional assessments and the items, as published. */
  @GetMapping("/api/land-use/checklist")
  public Map<String, Object> checklist() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stages", catalog.stages());
    out.put("categories", catalog.categories());
    out.put("regionalAssessments", catalog.regionalAssessments());
    out.put("items", catalog.checklist());
    out.put("butlers", catalog.butlers());
    return out;
  }
}
