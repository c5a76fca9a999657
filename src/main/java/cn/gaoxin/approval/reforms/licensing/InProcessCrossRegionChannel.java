package cn.gaoxin.approval.reforms.licensing;

import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The partner district as a process of this engine ({@code cross-region-partner}): forwarding starts it by
 * message, its result comes back by message correlated with the zone's case number (variable {@code partnerResult};
 * a decision also sets {@code decisionStatus} and {@code decidedAt} on the zone's case, a return for correction
 * does not). This is the adapter to
 * replace with the partner's real interface (e.g. the provincial 一体化政务服务平台) once it is connected; the
 * models do not change, since they only see {@link CrossRegionChannel}.
 */
@Component
public class InProcessCrossRegionChannel implements CrossRegionChannel {

  static final String PARTNER_PROCESS = "cross-region-partner";
  static final String ORIGIN_PROCESS = "cross-region-handling";
  static final String ORIGIN_CASE = "originCaseNumber";
  /** The partner's result on the zone's case: APPROVED, REJECTED or RETURNED (for correction). */
  static final String PARTNER_RESULT = "partnerResult";

  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  public InProcessCrossRegionChannel(RuntimeService runtimeService, HistoryService historyService) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  @Override
  public String forward(Request request) {
    Optional<HistoricProcessInstance> existing = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PARTNER_PROCESS).variableValueEquals(ORIGIN_CASE, request.originCaseNumber())
        .list().stream().filter(partner -> !returnedForCorrection(partner)).findFirst();
    if (existing.isPresent()) {
      return existing.get().getBusinessKey();
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(ORIGIN_CASE, request.originCaseNumber());
    variables.put("originZone", request.originZone());
    variables.put(CaseVariables.ITEM_CODE, request.itemCode());
    variables.put(CaseVariables.APPLICANT_NAME, request.applicantName());
    variables.put(CaseVariables.CREDIT_CODE, request.creditCode());
    variables.put(CaseVariables.CONTACT_NAME, request.contactName());
    variables.put(CaseVariables.CONTACT_PHONE, request.contactPhone());
    variables.put(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(request.materials()));
    variables.put(CaseVariables.CHANNEL, "CROSS_REGION");
    variables.put(CaseVariables.IN_PERSON_VISITS, 0);
    variables.put("originAcceptedAt", request.acceptedAt());
    ProcessInstance partner = runtimeService.createMessageCorrelation(REQUEST_MESSAGE)
        .setVariables(variables).correlateStartMessage();
    return (String) runtimeService.getVariable(partner.getId(), CaseVariables.CASE_NUMBER);
  }

  @Override
  public void returnResult(Result result) {
    ProcessInstance origin = runtimeService.createProcessInstanceQuery().processDefinitionKey(ORIGIN_PROCESS)
        .processInstanceBusinessKey(result.originCaseNumber()).singleResult();
    boolean waiting = origin != null && runtimeService.createEventSubscriptionQuery()
        .processInstanceId(origin.getId()).eventType("message").eventName(RESULT_MESSAGE).count() > 0;
    if (!waiting) {
      if (alreadyDelivered(result)) {
        return;
      }
      throw new IllegalStateException("跨区通办原案件 " + result.originCaseNumber() + " 当前不在等待协作地区的办理结果");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("partnerCaseNumber", result.partnerCaseNumber());
    variables.put("partnerDecidedBy", result.decidedBy());
    variables.put(PARTNER_RESULT, CaseStatus.valueOf(result.decisionStatus()).name());
    variables.put("decisionReason", result.decisionReason());
    if (!CaseStatus.RETURNED.name().equals(result.decisionStatus())) {
      // a decision: the zone's case carries it (and when it was taken) for the applicant and the scorecard
      variables.put("decisionStatus", result.decisionStatus());
      variables.put(CaseVariables.CASE_STATUS, result.decisionStatus());
      variables.put("decidedAt", result.decidedAt());
    }
    if (result.licenceNumber() != null) {
      variables.put("licenceNumber", result.licenceNumber());
      variables.put("licenceNumberUrl", result.licenceUrl());
    }
    runtimeService.createMessageCorrelation(RESULT_MESSAGE).processInstanceId(origin.getId())
        .setVariables(variables).correlate();
  }

  @Override
  public void withdraw(String originCaseNumber, String partnerCaseNumber, String reason) {
    if (partnerCaseNumber == null) {
      return;
    }
    ProcessInstance partner = runtimeService.createProcessInstanceQuery().processDefinitionKey(PARTNER_PROCESS)
        .processInstanceBusinessKey(partnerCaseNumber).singleResult();
    boolean open = partner != null && runtimeService.createEventSubscriptionQuery().processInstanceId(partner.getId())
        .eventType("message").eventName(WITHDRAWAL_MESSAGE).count() > 0;
    if (open) {
      runtimeService.createMessageCorrelation(WITHDRAWAL_MESSAGE).processInstanceId(partner.getId())
          .setVariable("withdrawalReason", reason == null ? "" : reason).correlate();
    }
  }

  /** A partner case that returned the application for correction is finished with; the correction opens a new one. */
  private boolean returnedForCorrection(HistoricProcessInstance partner) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(partner.getId())
        .variableName(CaseVariables.CASE_STATUS).list().stream()
        .anyMatch(v -> CaseStatus.RETURNED.name().equals(v.getValue()));
  }

  private boolean alreadyDelivered(Result result) {
    HistoricProcessInstance origin = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ORIGIN_PROCESS).processInstanceBusinessKey(result.originCaseNumber()).singleResult();
    return origin != null && historyService.createHistoricVariableInstanceQuery().processInstanceId(origin.getId())
        .variableName("partnerDecidedBy").count() > 0;
  }
}
