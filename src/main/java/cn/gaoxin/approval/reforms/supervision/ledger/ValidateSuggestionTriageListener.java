package cn.gaoxin.approval.reforms.supervision.ledger;

import cn.gaoxin.approval.catalog.Department;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.tasks.TaskInputs;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The reform office's triage of an observer's suggestion (研判分办) must say what happens: taken into the ledger for a
 * named department with a summary of the problem, or not applicable with the reason the observer will be told.
 */
@Component("validateSuggestionTriage")
public class ValidateSuggestionTriageListener implements TaskListener {

  private final ServiceCatalog catalog;

  public ValidateSuggestionTriageListener(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void notify(DelegateTask task) {
    String result = TaskInputs.requireOneOf(task, "triageResult",
        "请选择研判结果: 列入台账交办 (ACCEPT) 或 不属于受理范围 (NOT_APPLICABLE)", "ACCEPT", "NOT_APPLICABLE");
    if ("ACCEPT".equals(result)) {
      String department = TaskInputs.requireText(task, "rectificationDepartment", "列入台账必须选择承办整改的职能部门");
      Department d = catalog.department(department)
          .orElseThrow(() -> new NotValidException("承办部门 " + department + " 不在部门目录中"));
      if (!"department".equals(d.kind())) {
        throw new NotValidException(d.name() + "不是职能部门, 请选择承办整改的职能部门");
      }
      TaskInputs.requireText(task, "problemSummary", "列入台账必须填写问题概要 (台账问题描述)");
      TaskInputs.requireMaxLength(task, "problemSummary", 500, "问题概要");
    } else {
      TaskInputs.requireText(task, "triageOpinion", "不属于受理范围的, 必须写明理由 (将答复观察员)");
    }
  }
}
