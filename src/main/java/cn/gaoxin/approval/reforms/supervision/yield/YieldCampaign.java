package cn.gaoxin.approval.reforms.supervision.yield;

import cn.gaoxin.approval.cases.CaseVariables;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * Reads the campaign's enterprise list ({@code yieldEnterprises}) for BPMN expressions: the multi-instance collection
 * {@code ${yieldCampaign.creditCodes(execution)}} and the prefilled values of one enterprise,
 * {@code ${yieldCampaign.value(execution, enterpriseCreditCode, 'landArea')}} (null when the departments supplied none).
 */
@Component("yieldCampaign")
public class YieldCampaign {

  public static final String ENTERPRISES = "yieldEnterprises";
  public static final Map<String, String> SCALES = Map.of("ABOVE", "规模以上", "BELOW", "规模以下");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The entries of an enterprise list read outside a process scope (the variable's typed or plain value). */
  @SuppressWarnings("rawtypes")
  public static List<Map> entries(Object listValue) {
    if (listValue == null) {
      return List.of();
    }
    String text = listValue instanceof JsonValue json ? json.getValueSerialized() : listValue.toString();
    try {
      return JSON.readValue(text, JSON.getTypeFactory().constructCollectionType(List.class, Map.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("参评企业名单不是合法的 JSON", e);
    }
  }

  @SuppressWarnings("rawtypes")
  public List<String> creditCodes(VariableScope scope) {
    return CaseVariables.list(scope, ENTERPRISES, Map.class).stream().map(m -> String.valueOf(m.get("creditCode")))
        .toList();
  }

  @SuppressWarnings("rawtypes")
  public Object value(VariableScope scope, String creditCode, String field) {
    Map entry = CaseVariables.list(scope, ENTERPRISES, Map.class).stream()
        .filter(m -> creditCode.equals(m.get("creditCode"))).findFirst()
        .orElseThrow(() -> new IllegalStateException("参评企业名单中没有 " + creditCode));
    Object value = entry.get(field);
    if ("scaleText".equals(field)) {
      return SCALES.get(String.valueOf(entry.get("scale")));
    }
    if ("majorViolation".equals(field)) {
      return Boolean.TRUE.equals(value);
    }
    return value;
  }
}
