package cn.gaoxin.approval.reforms.licensing;

import cn.gaoxin.approval.cases.ApplicationRejectedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks the answers an enterprise-establishment application (企业开办) must carry before the decisions on its
 * business scope and address can run: {@code businessScope} (经营范围), {@code registeredAddress} (住所),
 * {@code addressType} and {@code industry} (inputs of the address decision; unknown values are left to the
 * decision table, which asks for title papers), and {@code withinZone} (yes/no). Yes/no answers that may be
 * left out default to no: {@code addressCommitment} (the applicant chooses to declare the address by
 * commitment), {@code addressListed} (the window found the address in the negative-list address library),
 * {@code foreignInvested} (掌上办). Any problem rejects the application and nothing is recorded.
 */
@Component("checkEstablishmentApplication")
public class CheckEstablishmentApplicationDelegate implements JavaDelegate {

  static final Map<String, String> TEXTS = Map.of(
      "businessScope", "经营范围", "registeredAddress", "住所 (经营场所) 地址", "addressType", "住所类型",
      "industry", "所属行业");
  static final Map<String, Integer> MAX_LENGTH = Map.of(
      "businessScope", 2000, "registeredAddress", 200, "addressType", 40, "industry", 40);
  static final List<String> OPTIONAL_FLAGS = List.of("addressCommitment", "addressListed", "foreignInvested");

  @Override
  public void execute(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    for (String name : List.of("businessScope", "registeredAddress", "addressType", "industry")) {
      Object value = execution.getVariable(name);
      if (value == null || value.toString().isBlank()) {
        problems.add("请填写" + TEXTS.get(name) + " (" + name + ")");
      } else if (value.toString().trim().length() > MAX_LENGTH.get(name)) {
        problems.add(TEXTS.get(name) + "不能超过 " + MAX_LENGTH.get(name) + " 字");
      } else {
        execution.setVariable(name, value.toString().trim());
      }
    }
    Boolean withinZone = flag(execution.getVariable("withinZone"));
    if (withinZone == null) {
      problems.add("请说明住所是否位于高新区直管区范围内 (withinZone: 是/否)");
    }
    for (String name : OPTIONAL_FLAGS) {
      Object value = execution.getVariable(name);
      if (value != null && flag(value) == null) {
        problems.add(name + " 只能填是 (true) 或否 (false)");
      }
    }
    if (!problems.isEmpty()) {
      throw new ApplicationRejectedException(problems);
    }
    execution.setVariable("withinZone", withinZone);
    for (String name : OPTIONAL_FLAGS) {
      execution.setVariable(name, Boolean.TRUE.equals(flag(execution.getVariable(name))));
    }
  }

  private static Boolean flag(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value != null && ("true".equalsIgnoreCase(value.toString()) || "false".equalsIgnoreCase(value.toString()))) {
      return Boolean.parseBoolean(value.toString());
    }
    return null;
  }
}
