package cn.gaoxin.approval.reforms.licensing;

import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.decisions.ReviewDecision;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 跨区通办, partner side: returns the decision ({@code decisionStatus}, {@code decisionReason}) and the licence
 * issued, if any ({@code licenceNumber}), to the zone's case {@code originCaseNumber} through the
 * {@link CrossRegionChannel}. A review that returned the case for correction ({@code reviewDecision} RETURN, no
 * decision) is returned as RETURNED with the reasons in {@code decisionReason}; the zone notifies the applicant. Reaches outside the district: model it with asyncBefore and a retry cycle; a result
 * already delivered is not delivered twice. Writes {@code resultReturned}.
 */
@Component("returnCrossRegionResult")
public class ReturnCrossRegionResultDelegate implements JavaDelegate {

  private final CrossRegionChannel channel;

  public ReturnCrossRegionResultDelegate(CrossRegionChannel channel) {
    this.channel = channel;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object origin = execution.getVariable(InProcessCrossRegionChannel.ORIGIN_CASE);
    if (origin == null) {
      throw new IllegalStateException("协作地区案件缺少原案件编号 (originCaseNumber), 无法回传办理结果");
    }
    Object status = execution.getVariable("decisionStatus");
    if (status == null && ReviewDecision.RETURN.name().equals(execution.getVariable("reviewDecision"))) {
      status = CaseStatus.RETURNED.name();
    }
    if (status == null) {
      throw new IllegalStateException("协作地区尚未作出决定, 无法回传办理结果");
    }
    channel.returnResult(new CrossRegionChannel.Result(origin.toString(),
        (String) execution.getVariable(CaseVariables.CASE_NUMBER),
        (String) execution.getVariable(CaseVariables.DEPARTMENT_NAME), status.toString(),
        (String) execution.getVariable("decisionReason"), (String) execution.getVariable("licenceNumber"),
        (String) execution.getVariable("licenceNumberUrl"), (Date) execution.getVariable("decidedAt")));
    execution.setVariable("resultReturned", true);
  }
}
