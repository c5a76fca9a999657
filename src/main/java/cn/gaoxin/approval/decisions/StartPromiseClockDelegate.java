package cn.gaoxin.approval.decisions;

import cn.gaoxin.approval.calendar.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts the promised-time clock of a case later than its acceptance ({@code promiseClockStartedAt} on the process
 * instance): for 简易注销 the promised working days run after the statutory public notice, not from the application,
 * so the scorecard's on-time rate must not count the notice period against the promise.
 */
@Component("startPromiseClock")
public class StartPromiseClockDelegate implements JavaDelegate {

  public static final String VARIABLE = "promiseClockStartedAt";

  private final EngineClock clock;

  public StartPromiseClockDelegate(EngineClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(VARIABLE, clock.now());
  }
}
