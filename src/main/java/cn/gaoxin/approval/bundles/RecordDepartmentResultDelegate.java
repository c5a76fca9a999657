package cn.gaoxin.approval.bundles;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.decisions.ReviewDecision;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records one department's decision of a one-window case in the case-wide list {@code departmentResults}, which
 * the window assembles into the single delivery; a 退回补正 is recorded as RETURNED (the department reviews the
 * corrected application again). Reads the branch's {@code reviewDepartment},
 * {@code departmentName}, {@code reviewItemCodes}, {@code reviewDecision} and {@code decisionReason}. A retried
 * step replaces the department's entry instead of adding a second one. Run it asynchronously: branches of
 * different departments finish at the same time and the engine retries the one that loses.
 */
@Component("recordDepartmentResult")
public class RecordDepartmentResultDelegate implements JavaDelegate {

  private final ServiceCatalog catalog;
  private final EngineClock clock;

  public RecordDepartmentResultDelegate(ServiceCatalog catalog, EngineClock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String department = String.valueOf(execution.getVariable("reviewDepartment"));
    ReviewDecision decision = ReviewDecision.parse(execution.getVariable("reviewDecision"));
    List<String> items = CaseVariables.strings(execution, "reviewItemCodes");
    Object reason = execution.getVariable("decisionReason");
    DepartmentResult result = new DepartmentResult(department,
        String.valueOf(execution.getVariable(CaseVariables.DEPARTMENT_NAME)), items,
        items.stream().map(code -> catalog.require(code).name()).toList(), decision.status().name(),
        reason == null ? "" : reason.toString().trim(), clock.instant().toString());
    var instance = execution.getProcessInstance();
    List<DepartmentResult> results = new ArrayList<>(
        CaseVariables.list(instance, ItemBundles.DEPARTMENT_RESULTS, DepartmentResult.class));
    results.removeIf(r -> r.department().equals(department));
    results.add(result);
    instance.setVariable(ItemBundles.DEPARTMENT_RESULTS, CaseVariables.json(results));
  }
}
