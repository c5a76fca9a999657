package cn.gaoxin.approval.audit.simulation;

import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The two engine controls the simulation needs and the public API lacks: moving the engine clock, and pausing the
 * job executor while simulated time runs (so it cannot fire a simulated case's timers behind the driver's back).
 * Isolated here, like {@code calendar/EngineClock}; used by the demo history only.
 */
final class SimulationClock {

  private SimulationClock() {}

  static void set(Date time) {
    ClockUtil.setCurrentTime(time);
  }

  static void reset() {
    ClockUtil.reset();
  }

  /** Stops the job executor if it runs; returns whether it did (to restart it afterwards). */
  static boolean pauseJobExecutor(ProcessEngine engine) {
    if (engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl impl) {
      JobExecutor executor = impl.getJobExecutor();
      if (executor != null && executor.isActive()) {
        executor.shutdown();
        return true;
      }
    }
    return false;
  }

  static void resumeJobExecutor(ProcessEngine engine) {
    if (engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl impl
        && impl.getJobExecutor() != null) {
      impl.getJobExecutor().start();
    }
  }
}
