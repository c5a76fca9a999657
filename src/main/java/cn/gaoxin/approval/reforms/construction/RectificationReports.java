package cn.gaoxin.approval.reforms.construction;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Delivers an applicant's rectification report to the step of the case that waits for it: the one acceptance item
 * of a joint acceptance that failed (message {@code AcceptanceItemRectified}, matched by the branch's
 * {@code itemCode}), or a remote video inspection awaiting rectification ({@code InspectionRectificationReported},
 * possibly in a process the case called). Several branches of one case wait for the same message, so the report
 * goes to the waiting execution whose item matches, never to "any" of them.
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
   * Delivers the report to the case (business key). With an item code, only that acceptance item; without, the
   * one rectification the case waits for. Empty when nothing of the case waits for this report.
   */
  public Optional<Delivered> report(String caseNumber, String itemCode, Map<String, Object> variables) {
    List<String> instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()
        .stream().map(ProcessInstance::getId).toList();
    for (String instance : instances) {
      for (EventSubscription s : runtimeService.createEventSubscriptionQuery().processInstanceId(instance)
          .eventType("message").list()) {
        if (ACCEPTANCE_ITEM.equals(s.getEventName()) && itemCode != null
            && Objects.equals(itemCode, runtimeService.getVariable(s.getExecutionId(), "itemCode"))) {
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
