package cn.gaoxin.approval.inspection;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.identifiers.CreditCode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Draws the inspection sample (双随机抽取): {@code sampleSize} enterprises from the campaign's {@code targetPool} (JSON
 * list of {creditCode, name, contactPhone}) or else the target directory, and two inspectors for each from the
 * members of the group in input {@code inspectorGroup} (default {@code inspectors}), by {@link RandomDraw}.
 *
 * <p>The seed is {@code drawSeed} when the campaign brings one (e.g. a publicly drawn number), otherwise a fresh
 * random number; it is recorded with the inputs ({@code drawSeed}, {@code drawPool}, {@code drawInspectors},
 * {@code drawInputsHash}) and the result ({@code drawnTargets}), so the draw can be re-run and verified. Too few
 * inspectors is a business error {@code INSUFFICIENT_INSPECTORS}; a sample size the pool cannot fill stops the step
 * with a Chinese message and changes nothing.
 */
@Component("drawInspectionSample")
public class DrawInspectionSampleDelegate implements JavaDelegate {

  public static final String INSUFFICIENT_INSPECTORS = "INSUFFICIENT_INSPECTORS";
  private static final SecureRandom SEEDS = new SecureRandom();

  private final IdentityService identityService;
  private final InspectionDirectory directory;
  private final EngineClock clock;

  public DrawInspectionSampleDelegate(IdentityService identityService, InspectionDirectory directory,
      EngineClock clock) {
    this.identityService = identityService;
    this.directory = directory;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Map<String, Object>> pool = pool(execution);
    Object groupValue = execution.getVariableLocal("inspectorGroup");
    String group = groupValue == null ? "inspectors" : groupValue.toString();
    List<String> inspectors = identityService.createUserQuery().memberOfGroup(group).list().stream()
        .map(User::getId).sorted().toList();
    int sampleSize = sampleSize(execution.getVariable("sampleSize"));
    long seed = seed(execution.getVariable("drawSeed"));
    List<RandomDraw.Target> targets = pool.values().stream()
        .map(e -> new RandomDraw.Target((String) e.get("creditCode"), (String) e.get("name"))).toList();

    RandomDraw.Result result;
    try {
      result = RandomDraw.draw(seed, targets, inspectors, sampleSize);
    } catch (RandomDraw.TooFewInspectorsException e) {
      execution.setVariable("drawProblem", e.getMessage());
      throw new BpmnError(INSUFFICIENT_INSPECTORS, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new NotValidException(e.getMessage());
    }

    List<Map<String, Object>> drawn = new ArrayList<>();
    StringBuilder summary = new StringBuilder();
    for (RandomDraw.Assignment a : result.assignments()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("creditCode", a.creditCode());
      entry.put("name", a.name());
      entry.put("inspector", a.inspector());
      entry.put("coInspector", a.coInspector());
      entry.put("contactPhone", pool.get(a.creditCode()).getOrDefault("contactPhone", ""));
      drawn.add(entry);
      summary.append(drawn.size()).append(". ").append(a.name()).append(" (").append(a.creditCode()).append("): ")
          .append(a.inspector()).append("、").append(a.coInspector()).append('\n');
    }
    execution.setVariable("drawSeed", result.seed());
    execution.setVariable("drawSeedText", Long.toString(result.seed()));
    execution.setVariable("drawAlgorithm", RandomDraw.ALGORITHM);
    execution.setVariable("drawInputsHash", result.inputsHash());
    execution.setVariable("drawPool", CaseVariables.json(RandomDraw.sortedTargets(targets)));
    execution.setVariable("drawInspectors", CaseVariables.json(inspectors));
    execution.setVariable(InspectionPlan.DRAWN_TARGETS, CaseVariables.json(drawn));
    execution.setVariable("drawnTargetCount", drawn.size());
    execution.setVariable("drawSummary", summary.toString().trim());
    execution.setVariable("drawnAt", clock.now());
    execution.setVariable("drawProblem", null);
    execution.setVariable(CaseVariables.CASE_STATUS, CaseStatus.SAMPLE_DRAWN.name());
  }

  @SuppressWarnings("rawtypes")
  private Map<String, Map<String, Object>> pool(DelegateExecution execution) {
    Map<String, Map<String, Object>> pool = new LinkedHashMap<>();
    if (execution.getVariable("targetPool") != null) {
      for (Map entry : CaseVariables.list(execution, "targetPool", Map.class)) {
        Map<String, Object> e = new HashMap<>();
        entry.forEach((k, v) -> e.put(String.valueOf(k), v));
        String code = String.valueOf(e.get("creditCode"));
        CreditCode.problem(code).ifPresent(p -> {
          throw new NotValidException("检查对象 " + e.get("name") + ": " + p);
        });
        if (e.get("name") == null || e.get("name").toString().isBlank()) {
          throw new NotValidException("检查对象 " + code + " 缺少企业名称");
        }
        pool.putIfAbsent(code, e);
      }
    } else {
      for (InspectionDirectory.Enterprise e : directory.enterprises()) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("creditCode", e.creditCode());
        entry.put("name", e.name());
        entry.put("contactPhone", e.contactPhone() == null ? "" : e.contactPhone());
        pool.put(e.creditCode(), entry);
      }
    }
    if (pool.isEmpty()) {
      throw new NotValidException("检查对象名录为空, 无法抽取");
    }
    return pool;
  }

  private static int sampleSize(Object value) {
    try {
      int n = value instanceof Number num ? num.intValue() : Integer.parseInt(String.valueOf(value).trim());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new NotValidException("请填写抽取企业数 (sampleSize), 应为正整数");
    }
  }

  private static long seed(Object value) {
    if (value == null || value.toString().isBlank()) {
      return SEEDS.nextLong(RandomDraw.MAX_SEED + 1);
    }
    try {
      long seed = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
      if (seed < 0 || seed > RandomDraw.MAX_SEED) {
        throw new NumberFormatException();
      }
      return seed;
    } catch (NumberFormatException e) {
      throw new NotValidException("抽取种子 (drawSeed) 应为 0 到 " + RandomDraw.MAX_SEED + " 之间的整数");
    }
  }
}
