package cn.gaoxin.approval.followup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Listens to the engine's execution events (Camunda Spring Boot starter eventing, {@code camunda.bpm.eventing.execution},
 * on by default) for the end of a whole process instance: the event on the process instance's own execution whose
 * activity instance is the process instance. Deleted instances ({@code canceled}) and instances called by another
 * ({@code superExecution}) are no cases of their own. It only publishes {@link CaseEnded}; the follow-up starts after
 * the ending transaction commits ({@link FollowUpStarter}), so nothing here can roll a case back.
 */
@Component
public class CaseEndListener {

  private final ApplicationEventPublisher publisher;

  public CaseEndListener(ApplicationEventPublisher publisher) {
    this.publisher = publisher;
  }

  @EventListener
  public void onExecutionEvent(DelegateExecution execution) {
    if (!"end".equals(execution.getEventName())) {
      return;
    }
    String processInstanceId = execution.getProcessInstanceId();
    boolean processEnd = processInstanceId != null && processInstanceId.equals(execution.getId())
        && processInstanceId.equals(execution.getActivityInstanceId());
    if (processEnd && !execution.isCanceled() && execution.getSuperExecution() == null) {
      publisher.publishEvent(new CaseEnded(processInstanceId, execution.getProcessBusinessKey()));
    }
  }
}
