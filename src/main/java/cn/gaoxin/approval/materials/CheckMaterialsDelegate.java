package cn.gaoxin.approval.materials;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks the case's materials against its catalog item. Reads {@code submittedMaterials} and the clerk's
 * {@code defectiveMaterials} / {@code defectNote}; writes {@code materialsStatus} (COMPLETE,
 * DEFERRABLE_MISSING, CORE_MISSING), {@code materialProblems}, {@code missingCoreMaterials},
 * {@code missingDeferrableMaterials} and counts the checks in {@code materialsCheckCount}.
 */
@Component("checkMaterialsAgainstCatalog")
public class CheckMaterialsDelegate implements JavaDelegate {

  private final ServiceCatalog catalog;

  public CheckMaterialsDelegate(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ServiceItem item = catalog.require((String) execution.getVariable(CaseVariables.ITEM_CODE));
    List<String> submitted = CaseVariables.strings(execution, CaseVariables.SUBMITTED_MATERIALS);
    List<String> defective = CaseVariables.strings(execution, "defectiveMaterials");
    Object note = execution.getVariable("defectNote");
    MaterialsCheck.Result result = MaterialsCheck.check(item, submitted, defective, note == null ? null : note.toString());
    execution.setVariable("materialsStatus", result.status().name());
    execution.setVariable("materialProblems", CaseVariables.json(result.problems()));
    execution.setVariable("missingCoreMaterials", CaseVariables.json(result.codes(true)));
    execution.setVariable("missingDeferrableMaterials", CaseVariables.json(result.codes(false)));
    execution.setVariable("materialsAsked", item.materials().size());
    Object count = execution.getVariable("materialsCheckCount");
    execution.setVariable("materialsCheckCount", count instanceof Number n ? n.intValue() + 1 : 1);
  }
}
