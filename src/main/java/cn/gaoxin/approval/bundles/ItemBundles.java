package cn.gaoxin.approval.bundles;

import cn.gaoxin.approval.cases.ApplicationRejectedException;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.Department;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.decisions.ReviewReturns;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The case's {@link ItemBundle} (variables {@code itemCode}: the window item, {@code bundleItems}: the applied
 * items), and the lookups BPMN expressions need (bean name {@code itemBundles}):
 * <ul>
 *   <li>{@code ${itemBundles.departmentsToReview(execution)}}: one entry per department still to decide
 *       (multi-instance): every reviewing department at first; after a 退回补正 only the departments that returned
 *       the case, since the others' decisions stand;</li>
 *   <li>{@code ${itemBundles.anyReturned(execution)}}, {@code returnReasons}, {@code returningDepartmentNames}: the
 *       departments' returns, for the one notice that lists them all;</li>
 *   <li>{@code ${itemBundles.decisionStatus(execution)}}: the case's decision once every department decided;</li>
 *   <li>{@code ${itemBundles.approvedLicensableItems(execution)}}: items of approving departments that issue a
 *       licence (variable {@code departmentResults});</li>
 *   <li>{@code ${itemBundles.licenceType(code)}}, {@code licenceTitle}, {@code licenceValidYears},
 *       {@code departmentNameOfItem}: an item's catalog data, e.g. as inputs of {@code issueLicence}.</li>
 * </ul>
 */
@Component("itemBundles")
public class ItemBundles {

  public static final String BUNDLE_ITEMS = "bundleItems";
  public static final String DEPARTMENT_RESULTS = "departmentResults";

  private final ServiceCatalog catalog;

  public ItemBundles(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  /** The bundle of the case; the application was validated when the case started, so problems are a bug. */
  public ItemBundle bundleOf(VariableScope scope) {
    ItemBundle.Result result = ItemBundle.of(catalog, (String) scope.getVariable(CaseVariables.ITEM_CODE),
        CaseVariables.strings(scope, BUNDLE_ITEMS));
    if (result.bundle() == null) {
      throw new ApplicationRejectedException(result.problems());
    }
    return result.bundle();
  }

  /** Departments without a decision yet: none recorded, or the case was returned for correction. */
  public List<String> departmentsToReview(VariableScope scope) {
    Map<String, DepartmentResult> results = results(scope);
    return bundleOf(scope).departments().stream()
        .filter(d -> !results.containsKey(d) || results.get(d).returned())
        .toList();
  }

  public boolean anyReturned(VariableScope scope) {
    return !returns(scope).isEmpty();
  }

  /** Every returning department's reasons, numbered, for the one 退回补正 notice. */
  public String returnReasons(VariableScope scope) {
    return ReviewReturns.reasons(returns(scope));
  }

  public String returningDepartmentNames(VariableScope scope) {
    return ReviewReturns.departments(returns(scope));
  }

  /** APPROVED, REJECTED or PARTIALLY_APPROVED over the bundle's departments (every one must have decided). */
  public String decisionStatus(VariableScope scope) {
    Map<String, DepartmentResult> results = results(scope);
    List<String> departments = bundleOf(scope).departments();
    long approved = departments.stream().filter(d -> results.containsKey(d) && results.get(d).approved()).count();
    long rejected = departments.stream().filter(d -> results.containsKey(d) && results.get(d).rejected()).count();
    if (approved + rejected < departments.size()) {
      throw new IllegalStateException("尚有部门未作出审查决定, 不能记录本案决定");
    }
    return overall(approved, departments.size()).name();
  }

  static CaseStatus overall(long approved, int total) {
    return approved == total ? CaseStatus.APPROVED : approved == 0 ? CaseStatus.REJECTED : CaseStatus.PARTIALLY_APPROVED;
  }

  private List<ReviewReturns.Returned> returns(VariableScope scope) {
    Map<String, DepartmentResult> results = results(scope);
    return bundleOf(scope).departments().stream().map(results::get)
        .filter(r -> r != null && r.returned())
        .map(r -> new ReviewReturns.Returned(r.departmentName(), String.join("、", r.itemNames()), r.reason()))
        .toList();
  }

  private static Map<String, DepartmentResult> results(VariableScope scope) {
    return CaseVariables.list(scope, DEPARTMENT_RESULTS, DepartmentResult.class).stream()
        .collect(Collectors.toMap(DepartmentResult::department, Function.identity(), (a, b) -> b));
  }

  /** Items that issue a licence and whose department approved (variable {@code departmentResults}). */
  public List<String> approvedLicensableItems(VariableScope scope) {
    return CaseVariables.list(scope, DEPARTMENT_RESULTS, DepartmentResult.class).stream()
        .filter(DepartmentResult::approved)
        .flatMap(r -> r.items().stream())
        .filter(code -> catalog.require(code).licence() != null)
        .distinct()
        .toList();
  }

  public String licenceType(String itemCode) {
    return licence(itemCode).type();
  }

  public String licenceTitle(String itemCode) {
    return licence(itemCode).title();
  }

  /** Validity in years, or null for a licence without expiry. */
  public Integer licenceValidYears(String itemCode) {
    return licence(itemCode).validYears();
  }

  public String departmentNameOfItem(String itemCode) {
    return departmentName(catalog.require(itemCode).department());
  }

  public String departmentName(String departmentId) {
    return catalog.department(departmentId).map(Department::name).orElse(departmentId);
  }

  private ServiceItem.LicenceSpec licence(String itemCode) {
    ServiceItem item = catalog.require(itemCode);
    if (item.licence() == null) {
      throw new IllegalStateException("事项 " + itemCode + " 在事项目录中没有配置证照 (licence)");
    }
    return item.licence();
  }

  /** Numbered lines, as notices and forms show lists. */
  static String numbered(List<String> lines) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      text.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(lines.get(i));
    }
    return text.toString();
  }

  static Map<String, String> option(String value, String label) {
    return Map.of("value", value, "label", label);
  }
}
