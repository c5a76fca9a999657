package cn.gaoxin.approval.bundles;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.materials.MaterialsCheck;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks the materials of a whole application once, against the catalog: the case's item plus, with input
 * {@code itemCodes} (JSON list or comma text, e.g. {@code ${bundleItems}}), the items applied for together
 * (materials de-duplicated as in {@link ItemBundle}). Input {@code exemptMaterials} names materials this case
 * need not submit (e.g. title papers replaced by an address commitment). Reads {@code submittedMaterials} and the
 * clerk's {@code defectiveMaterials} / {@code defectNote}; writes the same variables as
 * {@code checkMaterialsAgainstCatalog} ({@code materialsStatus}, {@code materialProblems}, …) plus
 * {@code exemptedMaterials}, so the one-time notification lists every problem of every item in one notice.
 */
@Component("checkCombinedMaterials")
public class CheckCombinedMaterialsDelegate implements JavaDelegate {

  private final ServiceCatalog catalog;

  public CheckCombinedMaterialsDelegate(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String itemCode = (String) execution.getVariable(CaseVariables.ITEM_CODE);
    List<String> components = CaseVariables.strings(execution.getVariableLocal("itemCodes"));
    ServiceItem item;
    if (components.isEmpty()) {
      item = catalog.require(itemCode);
    } else {
      ItemBundle.Result bundle = ItemBundle.of(catalog, itemCode, components);
      if (bundle.bundle() == null) {
        throw new IllegalStateException("合并申请的事项有误: " + String.join("; ", bundle.problems()));
      }
      item = bundle.bundle().asCombinedItem();
    }
    Set<String> exempt = new LinkedHashSet<>(CaseVariables.strings(execution.getVariableLocal("exemptMaterials")));
    for (String code : exempt) {
      if (item.material(code).isEmpty()) {
        throw new IllegalStateException("免于提交的材料 " + code + " 不是事项 " + item.code() + " 的材料");
      }
    }
    ServiceItem required = new ServiceItem(item.code(), item.name(), item.department(), item.processes(),
        item.limits(), item.materials().stream().filter(m -> !exempt.contains(m.code())).toList(), item.fee(),
        item.notificationCommitment(), item.description(), item.baseline(), item.licence());
    Object note = execution.getVariable("defectNote");
    MaterialsCheck.Result result = MaterialsCheck.check(required,
        CaseVariables.strings(execution, CaseVariables.SUBMITTED_MATERIALS),
        CaseVariables.strings(execution, "defectiveMaterials"), note == null ? null : note.toString());
    execution.setVariable("materialsStatus", result.status().name());
    execution.setVariable("materialProblems", CaseVariables.json(result.problems()));
    execution.setVariable("missingCoreMaterials", CaseVariables.json(result.codes(true)));
    execution.setVariable("missingDeferrableMaterials", CaseVariables.json(result.codes(false)));
    execution.setVariable("exemptedMaterials", CaseVariables.json(new ArrayList<>(exempt)));
    execution.setVariable("materialsAsked", required.materials().size());
    Object count = execution.getVariable("materialsCheckCount");
    execution.setVariable("materialsCheckCount", count instanceof Number n ? n.intValue() + 1 : 1);
  }
}
