package cn.gaoxin.approval.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public re-verification of double-random draws (一公开): the recorded draw of a campaign re-run from its recorded
 * seed and inputs, and the draw itself for any seed and inputs, so anyone can check the published result.
 */
@RestController
@RequestMapping("/api/supervision/inspections")
public class InspectionDrawController {

  public static final String PROCESS = "double-random-inspection";

  public record DrawRequest(
      @NotNull(message = "请填写抽取种子 (seed)") @Min(value = 0, message = "抽取种子不能为负数")
      @Max(value = RandomDraw.MAX_SEED, message = "抽取种子过大") Long seed,
      @NotNull(message = "请填写抽取数量 (sampleSize)") @Min(value = 1, message = "抽取数量至少为 1") Integer sampleSize,
      @NotNull(message = "请列出检查对象 (targets)") @Size(min = 1, max = 20000, message = "检查对象应为 1 到 20000 户")
      List<@Valid TargetInput> targets,
      @NotNull(message = "请列出执法人员 (inspectors)") @Size(max = 5000, message = "执法人员过多")
      List<@NotBlank(message = "执法人员编号不能为空") String> inspectors) {}

  public record TargetInput(@NotBlank(message = "检查对象的统一社会信用代码不能为空") String creditCode,
      @NotBlank(message = "检查对象的名称不能为空") String name) {}

  public record Verification(String caseNumber, String algorithm, long seed, int sampleSize, String recordedInputsHash,
      String inputsHash, boolean inputsUnchanged, boolean matches, List<RandomDraw.Assignment> recorded,
      List<RandomDraw.Assignment> recomputed) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HistoryService historyService;

  public InspectionDrawController(HistoryService historyService) {
    this.historyService = historyService;
  }

  /** Re-runs a campaign's recorded draw and compares it with the recorded result. */
  @GetMapping("/{caseNumber}/draw")
  public ResponseEntity<?> verify(@PathVariable String caseNumber) throws Exception {
    HistoricProcessInstance campaign = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).processDefinitionKey(PROCESS).singleResult();
    Map<String, Object> vars = campaign == null ? Map.of() : variables(campaign.getId());
    if (vars.get("drawSeed") == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "未找到该抽查任务的抽取记录: " + caseNumber));
    }
    long seed = ((Number) vars.get("drawSeed")).longValue();
    List<RandomDraw.Target> pool = new ArrayList<>();
    for (JsonNode t : json(vars.get("drawPool"))) {
      pool.add(new RandomDraw.Target(t.path("creditCode").asText(), t.path("name").asText()));
    }
    List<String> inspectors = new ArrayList<>();
    json(vars.get("drawInspectors")).forEach(n -> inspectors.add(n.asText()));
    List<RandomDraw.Assignment> recorded = new ArrayList<>();
    for (JsonNode a : json(vars.get("drawnTargets"))) {
      recorded.add(new RandomDraw.Assignment(a.path("creditCode").asText(), a.path("name").asText(),
          a.path("inspector").asText(), a.path("coInspector").asText()));
    }
    RandomDraw.Result again = RandomDraw.draw(seed, pool, inspectors, recorded.size());
    String recordedHash = String.valueOf(vars.get("drawInputsHash"));
    return ResponseEntity.ok(new Verification(caseNumber, RandomDraw.ALGORITHM, seed, recorded.size(), recordedHash,
        again.inputsHash(), recordedHash.equals(again.inputsHash()), again.assignments().equals(recorded), recorded,
        again.assignments()));
  }

  /** Computes a draw for the given seed and inputs (the same algorithm the campaigns use). */
  @PostMapping("/draw")
  public ResponseEntity<?> draw(@Valid @RequestBody DrawRequest request) {
    try {
      List<RandomDraw.Target> pool = request.targets().stream()
          .map(t -> new RandomDraw.Target(t.creditCode().trim(), t.name().trim())).toList();
      return ResponseEntity.ok(RandomDraw.draw(request.seed(), pool, request.inspectors(), request.sampleSize()));
    } catch (IllegalArgumentException | RandomDraw.TooFewInspectorsException e) {
      return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
  }

  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> vars = new HashMap<>();
    for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list()) {
      if (processInstanceId.equals(v.getActivityInstanceId())) {
        vars.put(v.getName(), v.getValue());
      }
    }
    return vars;
  }

  private static JsonNode json(Object value) throws Exception {
    if (value == null) {
      return JSON.createArrayNode();
    }
    String text = value instanceof JsonValue j ? j.getValueSerialized()
        : value instanceof SpinJsonNode n ? n.toString() : value.toString();
    return JSON.readTree(text);
  }
}
