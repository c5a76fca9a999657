package cn.gaoxin.approval.reforms.construction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The project attributes an industrial project's land-use roadmap depends on (the inputs of decision tables
 * land-use-roadmap and regional-assessment-coverage), with their Chinese labels and checks.
 */
public final class ProjectProfile {

  public static final Map<String, String> INDUSTRIES = new LinkedHashMap<>();
  public static final Map<String, String> EIA_CATEGORIES = new LinkedHashMap<>();

  static {
    INDUSTRIES.put("GENERAL_MANUFACTURING", "一般制造业");
    INDUSTRIES.put("ELECTRONIC_INFORMATION", "电子信息");
    INDUSTRIES.put("BIO_MEDICINE", "生物医药");
    INDUSTRIES.put("NEW_MATERIALS", "新材料");
    INDUSTRIES.put("FOOD_PROCESSING", "食品加工");
    INDUSTRIES.put("WAREHOUSING_LOGISTICS", "仓储物流");
    INDUSTRIES.put("HAZARDOUS_CHEMICALS", "危险化学品生产储存");
    EIA_CATEGORIES.put("REPORT", "编制环境影响报告书");
    EIA_CATEGORIES.put("TABLE", "编制环境影响报告表");
    EIA_CATEGORIES.put("REGISTRATION", "填报环境影响登记表");
  }

  /** Numbers: variable name → label. */
  public static final Map<String, String> NUMBERS = Map.of(
      "landArea", "用地面积 (亩)",
      "totalFloorArea", "总建筑面积 (平方米)",
      "buildingHeight", "最大建筑高度 (米)",
      "annualEnergyUse", "年综合能源消费量 (吨标准煤)");

  /** Yes/no answers: variable name → label. */
  public static final Map<String, String> FLAGS = new LinkedHashMap<>();

  static {
    FLAGS.put("insideAssessedArea", "位于已完成区域评估的片区内");
    FLAGS.put("newWaterIntake", "需新增取水");
    FLAGS.put("farmlandConversion", "涉及农用地转用");
    FLAGS.put("undergroundSpace", "建设地下空间 (防空地下室)");
    FLAGS.put("nightWork", "需夜间连续施工");
  }

  private ProjectProfile() {}

  /** Every problem of the profile at once (a butler corrects them in one go); empty when it is complete. */
  public static List<String> problems(VariableScope scope) {
    List<String> problems = new ArrayList<>();
    Object name = scope.getVariable("projectName");
    if (name == null || name.toString().isBlank()) {
      problems.add("请填写项目名称");
    } else if (name.toString().length() > 100) {
      problems.add("项目名称不能超过 100 字");
    }
    Object industry = scope.getVariable("industryCategory");
    if (industry == null || !INDUSTRIES.containsKey(industry.toString())) {
      problems.add("请选择行业类别 (" + String.join("、", INDUSTRIES.values()) + ")");
    }
    Object eia = scope.getVariable("eiaCategory");
    if (eia == null || !EIA_CATEGORIES.containsKey(eia.toString())) {
      problems.add("请选择环境影响评价类别 (报告书、报告表或登记表)");
    }
    for (String number : List.of("landArea", "totalFloorArea", "buildingHeight", "annualEnergyUse")) {
      Object value = scope.getVariable(number);
      if (!(value instanceof Number n) || n.doubleValue() < 0
          || (!number.equals("annualEnergyUse") && n.doubleValue() == 0)) {
        problems.add(NUMBERS.get(number) + (number.equals("annualEnergyUse") ? "应为不小于 0 的数字" : "应为大于 0 的数字"));
      }
    }
    for (String flag : FLAGS.keySet()) {
      Object value = scope.getVariable(flag);
      if (value != null && !(value instanceof Boolean)) {
        problems.add(FLAGS.get(flag) + ": 只能回答是或否");
      }
    }
    return problems;
  }

  /** The profile as labelled text lines, as the butler and the applicant read it on the roadmap. */
  public static Map<String, Object> describe(VariableScope scope) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("项目名称", scope.getVariable("projectName"));
    d.put("行业类别", INDUSTRIES.getOrDefault(String.valueOf(scope.getVariable("industryCategory")), "-"));
    d.put("用地面积 (亩)", number(scope.getVariable("landArea")));
    d.put("总建筑面积 (平方米)", number(scope.getVariable("totalFloorArea")));
    d.put("最大建筑高度 (米)", number(scope.getVariable("buildingHeight")));
    d.put("环境影响评价类别", EIA_CATEGORIES.getOrDefault(String.valueOf(scope.getVariable("eiaCategory")), "-"));
    d.put("年综合能源消费量 (吨标准煤)", number(scope.getVariable("annualEnergyUse")));
    FLAGS.forEach((flag, label) -> d.put(label, Boolean.TRUE.equals(scope.getVariable(flag)) ? "是" : "否"));
    return d;
  }

  private static Object number(Object value) {
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    return value;
  }
}
