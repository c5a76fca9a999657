package cn.gaoxin.approval.reforms.licensing;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 跨区通办: forwards the accepted case to the partner district that decides the item (the item's competent
 * department in the catalog) through the {@link CrossRegionChannel}. Reaches outside the zone: model it with
 * asyncBefore and a retry cycle; a retry reuses the partner case already opened. Input parameter
 * {@code originZone} names the accepting zone (default 高新区). Writes {@code partnerCaseNumber},
 * {@code forwardedAt} and the case status.
 */
@Component("forwardToPartnerDistrict")
public class ForwardToPartnerDistrictDelegate implements JavaDelegate {

  private final CrossRegionChannel channel;
  private final EngineClock clock;

  public ForwardToPartnerDistrictDelegate(CrossRegionChannel channel, EngineClock clock) {
    this.channel = channel;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object zone = execution.getVariableLocal("originZone");
    String partnerCase = channel.forward(new CrossRegionChannel.Request(
        (String) execution.getVariable(CaseVariables.CASE_NUMBER),
        zone == null || zone.toString().isBlank() ? "高新区" : zone.toString(),
        (String) execution.getVariable(CaseVariables.ITEM_CODE),
        (String) execution.getVariable(CaseVariables.APPLICANT_NAME),
        (String) execution.getVariable(CaseVariables.CREDIT_CODE),
        (String) execution.getVariable(CaseVariables.CONTACT_NAME),
        (String) execution.getVariable(CaseVariables.CONTACT_PHONE),
        CaseVariables.strings(execution, CaseVariables.SUBMITTED_MATERIALS),
        (Date) execution.getVariable("acceptedAt")));
    execution.setVariable("partnerCaseNumber", partnerCase);
    execution.setVariable("forwardedAt", clock.now());
    execution.setVariable(CaseVariables.CASE_STATUS, CaseStatus.FORWARDED_TO_PARTNER.name());
  }
}
