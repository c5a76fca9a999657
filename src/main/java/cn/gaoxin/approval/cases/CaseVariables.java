package cn.gaoxin.approval.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Names of the variables every case carries, and the one way lists are stored: as JSON values (type Json), which
 * Camunda Forms in Tasklist, the REST API and Cockpit all read without Java serialization.
 */
public final class CaseVariables {

  public static final String CASE_NUMBER = "caseNumber";
  public static final String ITEM_CODE = "itemCode";
  public static final String ITEM_NAME = "itemName";
  public static final String DEPARTMENT = "department";
  public static final String DEPARTMENT_NAME = "departmentName";
  public static final String APPLICANT_NAME = "applicantName";
  public static final String CREDIT_CODE = "creditCode";
  public static final String CONTACT_NAME = "contactName";
  public static final String CONTACT_PHONE = "contactPhone";
  public static final String CHANNEL = "channel";
  public static final String IN_PERSON_VISITS = "inPersonVisits";
  public static final String SUBMITTED_AT = "submittedAt";
  public static final String SUBMITTED_MATERIALS = "submittedMaterials";
  public static final String CASE_STATUS = "caseStatus";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CaseVariables() {}

  /** A list of strings from a variable stored as JSON, a Java list, or comma-separated text; never null. */
  public static List<String> strings(VariableScope scope, String name) {
    return strings(scope.getVariableTyped(name) == null ? null : scope.getVariable(name));
  }

  public static List<String> strings(Object value) {
    if (value == null) {
      return new ArrayList<>();
    }
    if (value instanceof JsonValue json) {
      return strings(json.getValue());
    }
    if (value instanceof SpinJsonNode node) {
      return fromJson(node.toString());
    }
    if (value instanceof Collection<?> c) {
      return new ArrayList<>(c.stream().map(String::valueOf).toList());
    }
    String text = value.toString().trim();
    if (text.startsWith("[")) {
      return fromJson(text);
    }
    return new ArrayList<>(Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
  }

  /** A value of type Json for any serializable structure (lists, maps, records). */
  public static JsonValue json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("无法转换为 JSON 变量: " + value, e);
    }
  }

  /** A JSON variable read as a list of {@code type}; empty when the variable is not set. */
  public static <T> List<T> list(VariableScope scope, String name, Class<T> type) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return new ArrayList<>();
    }
    String text = value instanceof JsonValue json ? json.getValueSerialized() : value.toString();
    try {
      return JSON.readValue(text, JSON.getTypeFactory().constructCollectionType(List.class, type));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("变量 " + name + " 不是合法的 JSON 列表", e);
    }
  }

  private static List<String> fromJson(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      List<String> result = new ArrayList<>();
      node.forEach(n -> result.add(n.isValueNode() ? n.asText() : n.path("value").asText(n.toString())));
      return result;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("变量不是合法的 JSON 列表: " + text, e);
    }
  }
}
