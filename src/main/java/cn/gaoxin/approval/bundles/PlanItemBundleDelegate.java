package cn.gaoxin.approval.bundles;

import cn.gaoxin.approval.cases.ApplicationRejectedException;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Plans a one-window case (一窗受理) from the items the applicant applied for together (variable
 * {@code appliedItems}: JSON list or comma-separated catalog codes). Checks them against the catalog; any
 * problem rejects the application before anything is recorded. Writes {@code bundleItems},
 * {@code bundleItemCount}, {@code bundleItemNames} (numbered, with departments), {@code reviewDepartments} (one
 * review branch each), {@code reviewDepartmentNames}, and {@code materialOptions}: the de-duplicated materials of
 * all items, which the window checks once.
 */
@Component("planItemBundle")
public class PlanItemBundleDelegate implements JavaDelegate {

  private final ServiceCatalog catalog;
  private final ItemBundles bundles;

  public PlanItemBundleDelegate(ServiceCatalog catalog, ItemBundles bundles) {
    this.catalog = catalog;
    this.bundles = bundles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ItemBundle.Result result = ItemBundle.of(catalog, (String) execution.getVariable(CaseVariables.ITEM_CODE),
        CaseVariables.strings(execution, "appliedItems"));
    if (result.bundle() == null) {
      throw new ApplicationRejectedException(result.problems());
    }
    ItemBundle bundle = result.bundle();
    execution.setVariable(ItemBundles.BUNDLE_ITEMS, CaseVariables.json(bundle.itemCodes()));
    execution.setVariable("bundleItemCount", bundle.items().size());
    execution.setVariable("bundleItemNames", ItemBundles.numbered(bundle.items().stream()
        .map(i -> i.name() + " (" + bundles.departmentName(i.department()) + ", 承诺 " + i.limits().promised() + " 个工作日)")
        .toList()));
    execution.setVariable("reviewDepartments", CaseVariables.json(bundle.departments()));
    execution.setVariable("reviewDepartmentNames",
        String.join("、", bundle.departments().stream().map(bundles::departmentName).toList()));
    List<Map<String, String>> options = bundle.materials().stream()
        .map(m -> ItemBundles.option(m.key(), m.name() + (m.core() ? " (核心要件" : " (容缺项") + ", "
            + String.join("、", m.items().stream().map(code -> shortName(code, bundle)).toList()) + ")"))
        .toList();
    execution.setVariable("materialOptions", CaseVariables.json(options));
  }

  private static String shortName(String code, ItemBundle bundle) {
    if (code.equals(bundle.window().code())) {
      return "综合窗口";
    }
    return bundle.items().stream().filter(i -> i.code().equals(code)).map(ServiceItem::name).findFirst().orElse(code);
  }
}
