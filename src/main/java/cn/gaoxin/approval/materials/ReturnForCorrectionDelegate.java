package cn.gaoxin.approval.materials;

import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.notices.NoticeComposer;
import cn.gaoxin.approval.supervision.Deadlines;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 退回补正: a reviewer sends the case back to the applicant. Every reason the reviewer gave
 * ({@code decisionReason}) goes into ONE notice, with a new resubmission deadline (item limit
 * {@code resubmission}); the case then waits for the corrected application like after a one-time notification.
 */
@Component("returnForCorrection")
public class ReturnForCorrectionDelegate implements JavaDelegate {

  private final NoticeComposer composer;
  private final Deadlines deadlines;

  public ReturnForCorrectionDelegate(NoticeComposer composer, Deadlines deadlines) {
    this.composer = composer;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(OneTimeNotificationDelegate.DUE, deadlines.fromNow(execution, "resubmission"));
    execution.setVariable(CaseVariables.CASE_STATUS, CaseStatus.RETURNED.name());
    Object count = execution.getVariable("returnCount");
    execution.setVariable("returnCount", count instanceof Number n ? n.intValue() + 1 : 1);
    Object reasons = execution.getVariable("decisionReason");
    composer.notifyApplicant(execution, "RETURNED_FOR_CORRECTION",
        Map.of("returnReasons", reasons == null ? "" : reasons.toString()));
  }
}
