package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.decisions.ReviewReturns;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * 联合验收的整改 (= its 退回补正): which acceptance items a round accepts and which wait for rectification, read from
 * the case's {@code acceptanceResults} (one entry per item, see {@code recordAcceptanceItemResult}). BPMN expressions
 * (bean name {@code acceptanceRectifications}):
 * <ul>
 *   <li>{@code ${acceptanceRectifications.itemsToAccept(execution)}}: the multi-instance collection: every item of
 *       the bundle at first, after a rectification only the items that failed (the others stay accepted);</li>
 *   <li>{@code ${acceptanceRectifications.anyToRectify(execution)}}: whether the round ended with failed items;</li>
 *   <li>{@code round(execution, itemCode)}, {@code findings(execution, itemCode)}: the item's acceptance round and
 *       the findings of its previous round, for the department's form.</li>
 * </ul>
 * The one rectification notice lists every failed item's findings like a 退回补正 notice ({@link ReviewReturns}).
 */
@Component("acceptanceRectifications")
public class AcceptanceRectifications {

  static final String BUNDLE = "joint-completion-acceptance";
  static final String RESULTS = "acceptanceResults";
  static final String RECTIFY = "RECTIFY";

  private final ConstructionCatalog catalog;

  public AcceptanceRectifications(ConstructionCatalog catalog) {
    this.catalog = catalog;
  }

  /** Items without a result yet or waiting for rectification, in catalog order. */
  public List<String> itemsToAccept(VariableScope scope) {
    List<Map<?, ?>> results = results(scope);
    return catalog.bundle(BUNDLE).stream()
        .filter(code -> entry(results, code) == null || RECTIFY.equals(entry(results, code).get("result")))
        .toList();
  }

  public boolean anyToRectify(VariableScope scope) {
    return !toRectify(scope).isEmpty();
  }

  /** The failed items of the last round as returns: department, item, findings. */
  public List<ReviewReturns.Returned> toRectify(VariableScope scope) {
    return results(scope).stream().filter(r -> RECTIFY.equals(r.get("result")))
        .map(r -> new ReviewReturns.Returned(text(r.get("department")), text(r.get("itemName")), text(r.get("findings"))))
        .toList();
  }

  /** Codes of the items waiting for rectification. */
  public List<String> itemCodesToRectify(VariableScope scope) {
    return results(scope).stream().filter(r -> RECTIFY.equals(r.get("result"))).map(r -> text(r.get("itemCode"))).toList();
  }

  /** 1 for the first acceptance of the item, one more for every rectification. */
  public int round(VariableScope scope, String itemCode) {
    Map<?, ?> entry = entry(results(scope), itemCode);
    return entry == null ? 1 : (entry.get("rounds") instanceof Number n ? n.intValue() : 1) + 1;
  }

  /** What the item's previous round found (empty at the first acceptance). */
  public String findings(VariableScope scope, String itemCode) {
    Map<?, ?> entry = entry(results(scope), itemCode);
    return entry == null ? null : text(entry.get("findings"));
  }

  private static List<Map<?, ?>> results(VariableScope scope) {
    return CaseVariables.list(scope, RESULTS, Map.class).stream().<Map<?, ?>>map(m -> m).toList();
  }

  private static Map<?, ?> entry(List<Map<?, ?>> results, String itemCode) {
    return results.stream().filter(r -> Objects.equals(itemCode, r.get("itemCode"))).findFirst().orElse(null);
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
