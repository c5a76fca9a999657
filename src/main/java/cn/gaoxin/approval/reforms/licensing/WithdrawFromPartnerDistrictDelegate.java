package cn.gaoxin.approval.reforms.licensing;

import cn.gaoxin.approval.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 跨区通办: the applicant withdrew at the zone, so the partner district's case ({@code partnerCaseNumber}) is closed
 * through the {@link CrossRegionChannel} and anything it issued is voided there. Nothing happens when the case was
 * never forwarded. Reaches outside the zone: model it with asyncBefore and a retry cycle. Writes
 * {@code partnerWithdrawn}.
 */
@Component("withdrawFromPartnerDistrict")
public class WithdrawFromPartnerDistrictDelegate implements JavaDelegate {

  private final CrossRegionChannel channel;

  public WithdrawFromPartnerDistrictDelegate(CrossRegionChannel channel) {
    this.channel = channel;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object partnerCase = execution.getVariable("partnerCaseNumber");
    Object reason = execution.getVariable("withdrawalReason");
    channel.withdraw((String) execution.getVariable(CaseVariables.CASE_NUMBER),
        partnerCase == null ? null : partnerCase.toString(), reason == null ? null : reason.toString());
    execution.setVariable("partnerWithdrawn", partnerCase != null);
  }
}
