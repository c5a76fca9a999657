package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.cases.CaseVariables;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Delivers an applicant's rectification report to the step of the case that waits for it: a joint acceptance whose
 * failed items wait for rectification (message {@code AcceptanceItemRectified}; one report for all of them, with
 * no item code or the code of one of them, {@code rectificationItemCodes}), or a remote video inspection awaiting
 * rectification ({@code InspectionRectificationReported}, possibly in a process the case called). A report naming
 * an item that does not wait for rectification is not delivered.
 */
@Service
public class RectificationReports {

  public static final String ACCEPTANCE_ITEM = "AcceptanceItemRectified";
  public static final String VIDEO_INSPECTION = "InspectionRectificationReported";

  /** What was delivered: the message and the item (null for an inspection). */
  public record Delivered(String message, String itemCode) {}

  private final RuntimeService runtimeService;

  public RectificationReports(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  /**
   * Delivers the report to the case (business key): the rectification the case waits for; an item code must be
   * one of the items waiting. Empty when nothing of the case waits for this report.
   */
  public Optional<Delivered> report(String caseNumber, String itemCode, Map<String, Object> variables) {
    List<String> instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
        .stream().map(ProcessInstance::getId).toList();
    for (String instance : instances) {
      for (EventSubscription s : runtimeService.createEventSubscriptionQuery().processInstanceId(instance)
          .eventType("message").list()) {
        if (ACCEPTANCE_ITEM.equals(s.getEventName()) && (itemCode == null
            || Objects.equals(itemCode, runtimeService.getVariable(s.getExecutionId(), "itemCode"))
            || CaseVariables.strings(runtimeService.getVariable(s.getExecutionId(), "rectificationItemCodes"))
                .contains(itemCode))) {
          runtimeService.messageEventReceived(s.getEventName(), s.getExecutionId(), variables);
          return Optional.of(new Delivered(s.getEventName(), itemCode));
        }
        if (VIDEO_INSPECTION.equals(s.getEventName()) && itemCode == null) {
          runtimeService.messageEventReceived(s.getEventName(), s.getExecutionId(), variables);
          return Optional.of(new Delivered(s.getEventName(), null));
        }
      }
    }
    return Optional.empty();
  }
}
