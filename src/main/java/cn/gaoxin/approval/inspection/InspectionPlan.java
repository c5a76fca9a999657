package cn.gaoxin.approval.inspection;

import cn.gaoxin.approval.cases.CaseVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Reads the recorded draw ({@code drawnTargets}) for BPMN expressions: the multi-instance collection
 * {@code ${inspectionPlan.creditCodes(execution)}} and per-target values such as
 * {@code ${inspectionPlan.field(execution, targetCreditCode, 'inspector')}}.
 */
@Component("inspectionPlan")
public class InspectionPlan {

  public static final String DRAWN_TARGETS = "drawnTargets";

  @SuppressWarnings("rawtypes")
  public List<String> creditCodes(VariableScope scope) {
    return CaseVariables.list(scope, DRAWN_TARGETS, Map.class).stream().map(m -> String.valueOf(m.get("creditCode")))
        .toList();
  }

  /** One field (creditCode, name, inspector, coInspector, contactPhone) of the drawn target. */
  @SuppressWarnings("rawtypes")
  public Object field(VariableScope scope, String creditCode, String field) {
    return CaseVariables.list(scope, DRAWN_TARGETS, Map.class).stream()
        .filter(m -> creditCode.equals(m.get("creditCode"))).findFirst()
        .map(m -> m.get(field))
        .orElseThrow(() -> new IllegalStateException("抽取结果中没有企业 " + creditCode));
  }
}
