package cn.gaoxin.approval.bundles;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.supervision.Deadlines;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens one department's branch of a one-window case (first step of the per-department sub-process). Input
 * {@code department} (default: variable {@code reviewDepartment}, the multi-instance element). Sets, local to
 * the branch: {@code departmentName}, {@code reviewItemCodes}, {@code reviewItemNames}, {@code reviewPromisedDays}
 * (the longest promised limit of the department's items) and {@code reviewDueDate} (that many working days from
 * acceptance), and empty {@code reviewDecision} / {@code decisionReason}, so each department's decision stays in
 * its own branch.
 */
@Component("prepareDepartmentReview")
public class PrepareDepartmentReviewDelegate implements JavaDelegate {

  private final ItemBundles bundles;
  private final Deadlines deadlines;
  private final EngineClock clock;

  public PrepareDepartmentReviewDelegate(ItemBundles bundles, Deadlines deadlines, EngineClock clock) {
    this.bundles = bundles;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object input = execution.getVariableLocal("department");
    String department = String.valueOf(input != null ? input : execution.getVariable("reviewDepartment"));
    ItemBundle bundle = bundles.bundleOf(execution);
    List<ServiceItem> items = bundle.itemsOf(department);
    if (items.isEmpty()) {
      throw new IllegalStateException("本案件没有由 " + department + " 审查的事项");
    }
    int promised = bundle.promisedDaysOf(department);
    Object acceptedAt = execution.getVariable(Deadlines.ACCEPTED_AT);
    Date from = acceptedAt instanceof Date d ? d : clock.now();
    execution.setVariableLocal(CaseVariables.DEPARTMENT_NAME, bundles.departmentName(department));
    execution.setVariableLocal("reviewItemCodes", CaseVariables.json(items.stream().map(ServiceItem::code).toList()));
    execution.setVariableLocal("reviewItemNames", ItemBundles.numbered(items.stream()
        .map(i -> i.name() + " (承诺 " + i.limits().promised() + " 个工作日, 法定 " + i.limits().legal() + " 个工作日)")
        .toList()));
    execution.setVariableLocal("reviewPromisedDays", promised);
    execution.setVariableLocal("reviewDueDate", deadlines.workingDaysFrom(from, promised));
    execution.setVariableLocal("reviewDecision", null);
    execution.setVariableLocal("decisionReason", null);
  }
}
