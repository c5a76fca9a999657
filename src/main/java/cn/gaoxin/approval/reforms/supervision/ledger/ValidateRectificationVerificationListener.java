package cn.gaoxin.approval.reforms.supervision.ledger;

import cn.gaoxin.approval.tasks.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Verification of a rectification: passed, or sent back with the reason the department must address. */
@Component("validateRectificationVerification")
public class ValidateRectificationVerificationListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String result = TaskInputs.requireOneOf(task, "verificationResult",
        "请选择核验结论: 整改到位 (PASS) 或 退回重新整改 (REWORK)", "PASS", "REWORK");
    if ("REWORK".equals(result)) {
      TaskInputs.requireText(task, "verificationOpinion", "退回重新整改必须写明核验意见 (未整改到位之处)");
    }
  }
}
