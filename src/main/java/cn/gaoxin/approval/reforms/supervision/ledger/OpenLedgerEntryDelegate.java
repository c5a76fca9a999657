package cn.gaoxin.approval.reforms.supervision.ledger;

import static cn.gaoxin.approval.reforms.supervision.ledger.LedgerVariables.*;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.Department;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.notices.NoticeComposer;
import cn.gaoxin.approval.supervision.Deadlines;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Enters the case's problem in the rectification ledger (登记台账) and hands it to a department (交办).
 *
 * <p>Inputs: {@code source} (OBSERVER_SUGGESTION or BAD_REVIEW), {@code department} (the department's group id, e.g.
 * {@code ${rectificationDepartment}}), {@code title} (what is to be rectified), optional {@code category}, optional
 * {@code limit} (the catalog limit, in working days, the department has for it; default {@code promised}).
 *
 * <p>Sets {@code ledgerNumber}, {@code ledgerStatus}, {@code rectificationDepartment}(Name) and
 * {@code rectificationDueDate}; the case's handling department ({@code department}, {@code departmentName}) becomes
 * the department that rectifies. Retrying the step finds the entry already made.
 */
@Component("openLedgerEntry")
public class OpenLedgerEntryDelegate implements JavaDelegate {

  private final RectificationLedger ledger;
  private final ServiceCatalog catalog;
  private final Deadlines deadlines;
  private final EngineClock clock;

  public OpenLedgerEntryDelegate(RectificationLedger ledger, ServiceCatalog catalog, Deadlines deadlines,
      EngineClock clock) {
    this.ledger = ledger;
    this.catalog = catalog;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RectificationLedger.Source source = RectificationLedger.Source.valueOf(required(execution, "source"));
    String departmentId = required(execution, "department");
    Department department = catalog.department(departmentId)
        .orElseThrow(() -> new IllegalStateException("台账交办的部门 " + departmentId + " 不在部门目录中"));
    String title = required(execution, "title");
    Object category = execution.getVariableLocal("category");
    Object limit = execution.getVariableLocal("limit");
    Date due = deadlines.fromNow(execution, limit == null ? "promised" : limit.toString());
    String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);

    RectificationLedger.Entry entry = ledger.open(caseNumber, execution.getProcessInstanceId(), source, title,
        category == null ? null : category.toString(), department.id(), department.name(), clock.instant(),
        due.toInstant(), clock.zone());

    execution.setVariable(LEDGER_NUMBER, entry.ledgerNumber());
    execution.setVariable(LEDGER_STATUS, entry.status().name());
    execution.setVariable(RECTIFICATION_DEPARTMENT, department.id());
    execution.setVariable(RECTIFICATION_DEPARTMENT_NAME, department.name());
    execution.setVariable(RECTIFICATION_DUE_DATE, Date.from(entry.dueDate()));
    execution.setVariable(RECTIFICATION_DUE_DATE_TEXT, NoticeComposer.formatDate(clock, Date.from(entry.dueDate())));
    execution.setVariable(CaseVariables.DEPARTMENT, department.id());
    execution.setVariable(CaseVariables.DEPARTMENT_NAME, department.name());
    execution.setVariable(CaseVariables.CASE_STATUS, CaseStatus.LEDGER_OPEN.name());
  }

  private static String required(DelegateExecution execution, String name) {
    Object value = execution.getVariableLocal(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("登记台账的任务缺少输入参数 " + name);
    }
    return value.toString().trim();
  }
}
