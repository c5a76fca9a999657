package cn.gaoxin.approval.eligibility;

import cn.gaoxin.approval.cases.CaseVariables;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * Turns the findings of a decision table with hit policy COLLECT (one rule per reason to refuse, so that an
 * applicant learns every reason at once) into plain case variables, for output mappings of a business rule task
 * ({@code decisionResult} is the engine's transient result there):
 * <ul>
 *   <li>{@code ${decisionFindings.none(decisionResult)}}: true when no rule matched (eligible);</li>
 *   <li>{@code ${decisionFindings.json(decisionResult, 'finding')}}: the reasons as a JSON list;</li>
 *   <li>{@code ${decisionFindings.text(decisionResult, 'finding')}}: the reasons numbered 1. 2. … for notices.</li>
 * </ul>
 * The variables stay readable by Tasklist forms, the REST API and the applicant's progress query, which a
 * serialized Java list would not be.
 */
@Component("decisionFindings")
public class DecisionFindings {

  public boolean none(DmnDecisionResult result) {
    return values(result, null).isEmpty();
  }

  public JsonValue json(DmnDecisionResult result, String output) {
    return CaseVariables.json(values(result, output));
  }

  public String text(DmnDecisionResult result, String output) {
    List<String> reasons = values(result, output);
    return IntStream.range(0, reasons.size()).mapToObj(i -> (i + 1) + ". " + reasons.get(i))
        .collect(Collectors.joining("\n"));
  }

  private static List<String> values(DmnDecisionResult result, String output) {
    if (result == null) {
      return List.of();
    }
    return result.stream()
        .map(entries -> output == null ? entries.getFirstEntry() : entries.getEntry(output))
        .filter(Objects::nonNull).map(Object::toString).filter(s -> !s.isBlank()).distinct().toList();
  }
}
