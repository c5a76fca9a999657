package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.identifiers.PhoneNumbers;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * Reads the developer's list of sold units ({@code units}: JSON list, or JSON text from the online application)
 * and the handover date ({@code handoverDate}: a date or yyyy-MM-dd). Every unit needs a unit number (unique), a
 * buyer name, the buyer's ID number and a contract number; buyers' ID numbers are checked per unit later, so one
 * wrong ID does not hold up the others. Writes the normalised {@code units}, {@code unitCount},
 * {@code handoverDate} and {@code handoverDeadline} (the start of the handover day) and an empty
 * {@code unitResults}. A list that cannot be used is a business error {@code HANDOVER_DATA_INVALID} listing
 * every problem.
 */
@Component("prepareHandoverUnits")
public class PrepareHandoverUnitsDelegate implements JavaDelegate {

  public static final String ERROR = "HANDOVER_DATA_INVALID";
  static final int MAX_UNITS = 2000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EngineClock clock;

  public PrepareHandoverUnitsDelegate(EngineClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    List<Map<String, Object>> units = readUnits(execution.getVariable("units"), problems);
    Set<String> numbers = new HashSet<>();
    List<Map<String, Object>> normalised = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      Map<String, Object> unit = units.get(i);
      String label = "第 " + (i + 1) + " 户";
      String number = text(unit.get("unitNumber"));
      if (number.isEmpty()) {
        problems.add(label + "缺少房号 (unitNumber)");
      } else if (!numbers.add(number)) {
        problems.add("房号 " + number + " 重复");
      } else {
        label = "房号 " + number;
      }
      for (var field : Map.of("buyerName", "购房人姓名", "buyerIdNumber", "购房人身份证号码", "contractNumber", "买卖合同编号")
          .entrySet()) {
        if (text(unit.get(field.getKey())).isEmpty()) {
          problems.add(label + "缺少" + field.getValue() + " (" + field.getKey() + ")");
        }
      }
      String phone = text(unit.get("buyerPhone"));
      if (!phone.isEmpty() && !PhoneNumbers.isValidMobile(phone)) {
        problems.add(label + "的购房人手机号码不是 11 位手机号");
      }
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("unitNumber", number);
      n.put("buyerName", text(unit.get("buyerName")));
      n.put("buyerIdNumber", text(unit.get("buyerIdNumber")).toUpperCase());
      n.put("buyerPhone", phone);
      n.put("contractNumber", text(unit.get("contractNumber")));
      n.put("floorArea", unit.get("floorArea"));
      normalised.add(n);
    }
    LocalDate handover = readDate(execution.getVariable("handoverDate"), problems);
    if (handover != null && !handover.isAfter(clock.today())) {
      problems.add("交房日期 " + handover + " 应晚于今天");
    }
    if (!problems.isEmpty()) {
      execution.setVariable("handoverDataProblems", String.join("\n", problems));
      throw new BpmnError(ERROR, String.join("; ", problems));
    }
    execution.setVariable("units", CaseVariables.json(normalised));
    execution.setVariable("unitCount", normalised.size());
    execution.setVariable("handoverDate", Date.from(handover.atStartOfDay(clock.zone()).toInstant()));
    execution.setVariable("handoverDeadline", Date.from(handover.atStartOfDay(clock.zone()).toInstant()));
    execution.setVariable("unitResults", CaseVariables.json(List.of()));
  }

  private static List<Map<String, Object>> readUnits(Object value, List<String> problems) {
    if (value == null) {
      problems.add("缺少购房户清单 (units)");
      return List.of();
    }
    String text = value instanceof JsonValue json ? json.getValueSerialized()
        : value instanceof SpinJsonNode node ? node.toString() : value.toString();
    try {
      List<Map<String, Object>> units = JSON.readValue(text, new TypeReference<List<Map<String, Object>>>() {});
      if (units.isEmpty()) {
        problems.add("购房户清单为空");
      } else if (units.size() > MAX_UNITS) {
        problems.add("一次最多办理 " + MAX_UNITS + " 户");
      }
      return units;
    } catch (Exception e) {
      problems.add("购房户清单不是合法的 JSON 列表");
      return List.of();
    }
  }

  private LocalDate readDate(Object value, List<String> problems) {
    if (value == null || value.toString().isBlank()) {
      problems.add("缺少交房日期 (handoverDate)");
      return null;
    }
    if (value instanceof Date d) {
      return clock.toLocalDate(d);
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      problems.add("交房日期应为 yyyy-MM-dd 格式: " + text);
      return null;
    }
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }
}
