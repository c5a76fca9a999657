package cn.gaoxin.approval.reforms.supervision.yield;

import cn.gaoxin.approval.tasks.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Collected or corrected figures of an enterprise: either the enterprise takes part with complete, possible figures
 * (land and energy above zero, whole number of staff, nothing negative), or it is excluded with a reason (e.g. 停产,
 * 用地不足 3 亩).
 */
@Component("validateYieldData")
public class ValidateYieldDataListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String status = TaskInputs.requireOneOf(task, "dataStatus", "请选择: 参评 (COLLECTED) 或 不参评 (EXCLUDED)",
        "COLLECTED", "EXCLUDED");
    if ("EXCLUDED".equals(status)) {
      TaskInputs.requireText(task, "exclusionReason", "不参评必须写明原因");
    } else {
      YieldData.from(task);
    }
  }
}
