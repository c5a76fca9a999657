package cn.gaoxin.approval.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts an efficiency-supervision event (效能监察) on the case when an overdue timer fires; the supervision
 * task itself is modelled, so history shows who handled it.
 */
@Component("recordSupervisionEvent")
public class RecordSupervisionEventListener implements ExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(RecordSupervisionEventListener.class);

  @Override
  public void notify(DelegateExecution execution) {
    Object count = execution.getVariable("supervisionEvents");
    execution.setVariable("supervisionEvents", count instanceof Number n ? n.intValue() + 1 : 1);
    log.info("案件 {} 环节 {} 已超期, 转效能监察", execution.getProcessBusinessKey(), execution.getCurrentActivityName());
  }
}
