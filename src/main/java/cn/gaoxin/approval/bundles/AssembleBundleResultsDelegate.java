package cn.gaoxin.approval.bundles;

import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.licences.Licence;
import cn.gaoxin.approval.licences.LicenceRegister;
import cn.gaoxin.approval.licences.LicenceSigner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Assembles the departments' results of a one-window case for the one delivery (一个窗口出): writes
 * {@code resultSummary} (one numbered line per department: decision, items, reason, licence numbers with their
 * verification links), {@code approvedDepartments}, {@code rejectedDepartments}, {@code decisionStatus}
 * (APPROVED, REJECTED or PARTIALLY_APPROVED) and sets the case status to RESULTS_READY.
 */
@Component("assembleBundleResults")
public class AssembleBundleResultsDelegate implements JavaDelegate {

  private final ItemBundles bundles;
  private final LicenceRegister register;
  private final LicenceSigner signer;

  public AssembleBundleResultsDelegate(ItemBundles bundles, LicenceRegister register, LicenceSigner signer) {
    this.bundles = bundles;
    this.register = register;
    this.signer = signer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ItemBundle bundle = bundles.bundleOf(execution);
    Map<String, DepartmentResult> byDepartment = CaseVariables.list(execution, ItemBundles.DEPARTMENT_RESULTS,
        DepartmentResult.class).stream().collect(Collectors.toMap(DepartmentResult::department, Function.identity()));
    Map<String, Licence> licenceOfItem = register.forCase((String) execution.getVariable(CaseVariables.CASE_NUMBER))
        .stream().filter(l -> l.subject() != null)
        .collect(Collectors.toMap(Licence::subject, Function.identity(), (a, b) -> a));
    List<String> lines = new ArrayList<>();
    int approved = 0;
    for (String department : bundle.departments()) {
      DepartmentResult result = byDepartment.get(department);
      if (result == null || result.returned()) {
        throw new IllegalStateException("部门 " + bundles.departmentName(department) + " 尚未作出审查决定, 不能出件");
      }
      StringBuilder line = new StringBuilder(result.departmentName()).append(": ")
          .append(result.approved() ? "准予许可" : "不予许可").append(" (")
          .append(String.join("、", result.itemNames())).append(")");
      if (!result.approved()) {
        line.append(", 理由: ").append(result.reason());
        lines.add(line.toString());
        continue;
      }
      approved++;
      for (String item : result.items()) {
        Licence licence = licenceOfItem.get(item);
        if (licence != null) {
          line.append("; ").append(licence.title()).append(" 编号 ").append(licence.number())
              .append(", 核验 ").append(signer.verificationUrl(licence.number()));
        }
      }
      lines.add(line.toString());
    }
    int total = bundle.departments().size();
    CaseStatus decision = ItemBundles.overall(approved, total);
    execution.setVariable("resultSummary", ItemBundles.numbered(lines));
    execution.setVariable("approvedDepartments", approved);
    execution.setVariable("rejectedDepartments", total - approved);
    execution.setVariable("decisionStatus", decision.name());
    execution.setVariable(CaseVariables.CASE_STATUS, CaseStatus.RESULTS_READY.name());
  }
}
