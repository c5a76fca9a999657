package cn.gaoxin.approval.reforms.supervision.yield;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * An enterprise's figures for the per-mu yield evaluation (亩产效益评价) and the indicators derived from them.
 * Units: land 亩, money 万元, energy 吨标准煤, pollutant emission 吨 (排放当量), staff 人.
 */
public record YieldData(BigDecimal landArea, BigDecimal taxPaid, BigDecimal salesRevenue, BigDecimal valueAdded,
    BigDecimal energyUse, BigDecimal pollutantEmission, BigDecimal rdExpense, Integer employees) {

  /** Variable name → label, in form order. */
  public static final Map<String, String> FIELDS = fields();

  /** The derived indicators, the DMN tables' inputs. */
  public record Indicators(Double taxPerMu, Double salesPerMu, Double salesPerEnergy, Double salesPerEmission,
      Double rdIntensity, Double labourProductivity) {

    public Map<String, Object> asVariables() {
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("taxPerMu", taxPerMu);
      vars.put("salesPerMu", salesPerMu);
      vars.put("salesPerEnergy", salesPerEnergy);
      vars.put("salesPerEmission", salesPerEmission);
      vars.put("rdIntensity", rdIntensity);
      vars.put("labourProductivity", labourProductivity);
      return vars;
    }
  }

  /** Reads and checks the figures; a missing or impossible figure is refused with a Chinese message. */
  public static YieldData from(VariableScope scope) {
    BigDecimal land = number(scope, "landArea");
    BigDecimal energy = number(scope, "energyUse");
    BigDecimal employees = number(scope, "employees");
    if (land.signum() <= 0) {
      throw new NotValidException("用地面积必须大于 0 亩");
    }
    if (energy.signum() <= 0) {
      throw new NotValidException("综合能源消费量必须大于 0 吨标准煤");
    }
    if (employees.signum() <= 0 || employees.stripTrailingZeros().scale() > 0) {
      throw new NotValidException("年平均职工人数必须是正整数");
    }
    YieldData data = new YieldData(land, nonNegative(scope, "taxPaid"), nonNegative(scope, "salesRevenue"),
        nonNegative(scope, "valueAdded"), energy, nonNegative(scope, "pollutantEmission"),
        nonNegative(scope, "rdExpense"), employees.intValueExact());
    return data;
  }

  public Indicators indicators() {
    BigDecimal staff = BigDecimal.valueOf(employees);
    return new Indicators(ratio(taxPaid, landArea), ratio(salesRevenue, landArea), ratio(salesRevenue, energyUse),
        pollutantEmission.signum() == 0 ? null : ratio(salesRevenue, pollutantEmission),
        salesRevenue.signum() == 0 ? 0.0 : ratio(rdExpense.multiply(BigDecimal.valueOf(100)), salesRevenue),
        ratio(valueAdded, staff));
  }

  public Map<String, Object> asVariables() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("landArea", landArea.doubleValue());
    vars.put("taxPaid", taxPaid.doubleValue());
    vars.put("salesRevenue", salesRevenue.doubleValue());
    vars.put("valueAdded", valueAdded.doubleValue());
    vars.put("energyUse", energyUse.doubleValue());
    vars.put("pollutantEmission", pollutantEmission.doubleValue());
    vars.put("rdExpense", rdExpense.doubleValue());
    vars.put("employees", employees);
    return vars;
  }

  private static Double ratio(BigDecimal a, BigDecimal b) {
    return a.divide(b, 2, RoundingMode.HALF_UP).doubleValue();
  }

  private static BigDecimal nonNegative(VariableScope scope, String name) {
    BigDecimal value = number(scope, name);
    if (value.signum() < 0) {
      throw new NotValidException(FIELDS.get(name) + "不能为负数");
    }
    return value;
  }

  static BigDecimal number(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    BigDecimal parsed = parse(value);
    if (parsed == null) {
      throw new NotValidException("请填写" + FIELDS.get(name) + " (数字)");
    }
    return parsed;
  }

  static BigDecimal parse(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal b) {
      return b;
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    try {
      String text = value.toString().trim();
      return text.isEmpty() ? null : new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    for (List<String> pair : List.of(List.of("landArea", "用地面积 (亩)"), List.of("taxPaid", "实缴税金 (万元)"),
        List.of("salesRevenue", "销售收入 (万元)"), List.of("valueAdded", "工业增加值 (万元)"),
        List.of("energyUse", "综合能源消费量 (吨标准煤)"), List.of("pollutantEmission", "主要污染物排放当量 (吨)"),
        List.of("rdExpense", "研发经费支出 (万元)"), List.of("employees", "年平均职工人数 (人)"))) {
      f.put(pair.get(0), pair.get(1));
    }
    return java.util.Collections.unmodifiableMap(f);
  }
}
