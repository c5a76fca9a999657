package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.reforms.construction.ConstructionCatalog.Applies;
import cn.gaoxin.approval.reforms.construction.ConstructionCatalog.ChecklistItem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * The project-specific approval roadmap (专属审批流程图) of a land-use case: which checklist items apply to this
 * project, stage by stage, and where each stands. It is built from the decision tables' results (never from Java
 * rules) and kept as the JSON variable {@code roadmap}, with a readable text {@code roadmapText} for Tasklist forms.
 */
@Component
public class LandUseRoadmaps {

  public static final String ROADMAP = "roadmap";
  public static final String ROADMAP_TEXT = "roadmapText";

  /** Where a checklist item of the roadmap stands. */
  public enum ItemStatus {
    REQUIRED("待办理"), SHARED("区域评估成果共享, 免于单独办理"), DONE("已办结"), NOT_NEEDED("经核实无需办理");

    private final String label;

    ItemStatus(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConstructionCatalog catalog;
  private final EngineClock clock;

  public LandUseRoadmaps(ConstructionCatalog catalog, EngineClock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  /**
   * Composes the roadmap: items that apply always, items a rule of decision land-use-roadmap selected
   * ({@code ruleItems}), and the regional-assessment items, marked SHARED when decision
   * regional-assessment-coverage found them covered ({@code coveredAssessments}).
   */
  public Map<String, Object> compose(VariableScope scope, Collection<String> ruleItems,
      Collection<String> coveredAssessments) {
    Set<String> selected = new LinkedHashSet<>(ruleItems);
    Set<String> covered = new LinkedHashSet<>(coveredAssessments);
    for (String code : selected) {
      ChecklistItem item = catalog.checklistItem(code).orElseThrow(() ->
          new IllegalStateException("决策表 land-use-roadmap 返回了用地清单中没有的事项 " + code));
      if (item.applies() != Applies.RULE) {
        throw new IllegalStateException("决策表 land-use-roadmap 返回的事项 " + code + " 在用地清单中不是按规则适用的事项");
      }
    }
    for (String code : covered) {
      if (catalog.regionalAssessment(code).isEmpty()) {
        throw new IllegalStateException("决策表 regional-assessment-coverage 返回了未知的区域评估 " + code);
      }
    }
    int required = 0;
    int shared = 0;
    int notApplicable = 0;
    List<Map<String, Object>> stages = new ArrayList<>();
    for (ConstructionCatalog.Stage stage : catalog.stages()) {
      List<Map<String, Object>> items = new ArrayList<>();
      for (ChecklistItem item : catalog.checklist()) {
        if (!item.stage().equals(stage.code())) {
          continue;
        }
        ItemStatus status;
        String note;
        switch (item.applies()) {
          case ALWAYS -> {
            status = ItemStatus.REQUIRED;
            note = "工业项目均需办理";
          }
          case RULE -> {
            if (!selected.contains(item.code())) {
              notApplicable++;
              continue;
            }
            status = ItemStatus.REQUIRED;
            note = "根据项目情况适用";
          }
          default -> {
            String assessment = catalog.regionalAssessment(item.regionalAssessment()).orElseThrow().name();
            if (covered.contains(item.regionalAssessment())) {
              status = ItemStatus.SHARED;
              note = "共享园区" + assessment + "成果, 免于单独办理";
            } else {
              status = ItemStatus.REQUIRED;
              note = "园区" + assessment + "成果不覆盖本项目, 需单独办理";
            }
          }
        }
        if (status == ItemStatus.SHARED) {
          shared++;
        } else {
          required++;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("code", item.code());
        entry.put("name", item.name());
        entry.put("category", item.category());
        entry.put("categoryName", catalog.category(item.category()).orElseThrow().name());
        entry.put("authority", item.authority());
        entry.put("promisedDays", item.promisedDays());
        entry.put("status", status.name());
        entry.put("statusText", status.label());
        entry.put("note", note);
        items.add(entry);
      }
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("code", stage.code());
      s.put("name", stage.name());
      s.put("description", stage.description());
      s.put("items", items);
      stages.add(s);
    }
    List<Map<String, Object>> assessments = new ArrayList<>();
    for (ConstructionCatalog.RegionalAssessment a : catalog.regionalAssessments()) {
      assessments.add(Map.of("code", a.code(), "name", a.name(), "covered", covered.contains(a.code())));
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("checklistTotal", catalog.checklist().size());
    summary.put("required", required);
    summary.put("shared", shared);
    summary.put("notApplicable", notApplicable);
    summary.put("done", 0);
    Map<String, Object> roadmap = new LinkedHashMap<>();
    roadmap.put("caseNumber", scope.getVariable(CaseVariables.CASE_NUMBER));
    roadmap.put("projectName", scope.getVariable("projectName"));
    roadmap.put("projectButlerName", scope.getVariable("projectButlerName"));
    roadmap.put("generatedAt", clock.instant().toString());
    roadmap.put("profile", ProjectProfile.describe(scope));
    roadmap.put("summary", summary);
    roadmap.put("regionalAssessments", assessments);
    roadmap.put("stages", stages);
    return roadmap;
  }

  /** The REQUIRED items of one stage, in checklist order. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> openItems(Map<String, Object> roadmap, String stageCode) {
    return stage(roadmap, stageCode).stream()
        .flatMap(s -> ((List<Map<String, Object>>) s.get("items")).stream())
        .filter(i -> ItemStatus.REQUIRED.name().equals(i.get("status")))
        .toList();
  }

  /** Records the outcome of a stage's items (each {code, result, documentNumber, note, completedAt}). */
  @SuppressWarnings("unchecked")
  public void recordResults(Map<String, Object> roadmap, List<Map<String, Object>> results) {
    Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();
    for (Map<String, Object> stage : (List<Map<String, Object>>) roadmap.get("stages")) {
      for (Map<String, Object> item : (List<Map<String, Object>>) stage.get("items")) {
        byCode.put((String) item.get("code"), item);
      }
    }
    for (Map<String, Object> result : results) {
      Map<String, Object> item = byCode.get(String.valueOf(result.get("code")));
      if (item == null) {
        throw new IllegalStateException("阶段办理结果中的事项 " + result.get("code") + " 不在专属审批流程图中");
      }
      ItemStatus status = ItemStatus.valueOf(String.valueOf(result.get("result")));
      item.put("status", status.name());
      item.put("statusText", status.label());
      item.put("documentNumber", result.get("documentNumber"));
      item.put("completedAt", result.get("completedAt"));
      if (result.get("note") != null && !result.get("note").toString().isBlank()) {
        item.put("note", result.get("note"));
      }
    }
    long done = byCode.values().stream()
        .filter(i -> ItemStatus.DONE.name().equals(i.get("status")) || ItemStatus.NOT_NEEDED.name().equals(i.get("status")))
        .count();
    ((Map<String, Object>) roadmap.get("summary")).put("done", done);
  }

  /** The roadmap as text for a Tasklist form: stage by stage, numbered, with status. */
  @SuppressWarnings("unchecked")
  public String text(Map<String, Object> roadmap) {
    Map<String, Object> summary = (Map<String, Object>) roadmap.get("summary");
    StringBuilder out = new StringBuilder();
    out.append("专属审批流程图: ").append(roadmap.get("projectName")).append('\n');
    out.append("适用事项 ").append(summary.get("required")).append(" 项 (用地清单共 ").append(summary.get("checklistTotal"))
        .append(" 项), 共享区域评估成果免办 ").append(summary.get("shared")).append(" 项, 不适用 ")
        .append(summary.get("notApplicable")).append(" 项; 已办结 ").append(summary.get("done")).append(" 项。\n");
    for (Map<String, Object> stage : (List<Map<String, Object>>) roadmap.get("stages")) {
      out.append("\n【").append(stage.get("name")).append("】\n");
      int n = 0;
      for (Map<String, Object> item : (List<Map<String, Object>>) stage.get("items")) {
        out.append(++n).append(". ").append(item.get("name")).append(" (").append(item.get("categoryName"))
            .append(" · ").append(item.get("authority")).append(" · 承诺 ").append(item.get("promisedDays"))
            .append(" 个工作日) — ").append(item.get("statusText"));
        if (item.get("documentNumber") != null && !item.get("documentNumber").toString().isBlank()) {
          out.append(" (").append(item.get("documentNumber")).append(')');
        }
        out.append('\n');
      }
    }
    return out.toString().trim();
  }

  /** Stores the roadmap and its text on the case. */
  public void store(VariableScope scope, Map<String, Object> roadmap) {
    scope.setVariable(ROADMAP, CaseVariables.json(roadmap));
    scope.setVariable(ROADMAP_TEXT, text(roadmap));
  }

  /** The case's roadmap, read back from its JSON variable. */
  public static Map<String, Object> read(VariableScope scope) {
    return parse(scope.getVariable(ROADMAP));
  }

  /** A roadmap from a JSON variable's value (JsonValue, Spin node or text); fails when there is none. */
  public static Map<String, Object> parse(Object value) {
    if (value == null) {
      throw new IllegalStateException("案件尚未生成专属审批流程图 (roadmap)");
    }
    String text = value instanceof JsonValue json ? json.getValueSerialized()
        : value instanceof SpinJsonNode node ? node.toString() : value.toString();
    try {
      return JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("专属审批流程图数据损坏", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> stage(Map<String, Object> roadmap, String stageCode) {
    List<Map<String, Object>> found = ((List<Map<String, Object>>) roadmap.get("stages")).stream()
        .filter(s -> stageCode.equals(s.get("code"))).toList();
    if (found.isEmpty()) {
      throw new IllegalStateException("专属审批流程图中没有用地阶段 " + stageCode);
    }
    return found;
  }
}
