package cn.gaoxin.approval.followup;

import cn.gaoxin.approval.calendar.EngineClock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Makes coverage complete: periodically finds cases finished within {@code approval.follow-up.sweep-look-back}
 * (default 30 days) that should have a follow-up but have none (its start failed, or the event was skipped, e.g. a
 * Cockpit modification with "skip listeners") and starts it. Runs every {@code approval.follow-up.sweep-interval}
 * (default 15 minutes) on its own thread, only where background jobs run (by default where the job executor runs,
 * {@code approval.follow-up.sweep-enabled}).
 */
@Component
public class FollowUpSweep implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(FollowUpSweep.class);

  private final HistoryService historyService;
  private final FollowUpPolicy policy;
  private final FollowUpRegistry registry;
  private final FollowUpStarter starter;
  private final EngineClock clock;
  private final boolean enabled;
  private final Duration interval;
  private final Duration lookBack;
  private ScheduledExecutorService executor;

  public FollowUpSweep(HistoryService historyService, FollowUpPolicy policy, FollowUpRegistry registry,
      FollowUpStarter starter, EngineClock clock,
      @Value("${approval.follow-up.sweep-enabled:${camunda.bpm.job-execution.enabled:true}}") boolean enabled,
      @Value("${approval.follow-up.sweep-interval:PT15M}") Duration interval,
      @Value("${approval.follow-up.sweep-look-back:P30D}") Duration lookBack) {
    this.historyService = historyService;
    this.policy = policy;
    this.registry = registry;
    this.starter = starter;
    this.clock = clock;
    this.enabled = enabled;
    this.interval = interval;
    this.lookBack = lookBack;
  }

  /** Starts the missing follow-ups of recently finished cases; returns how many were started. */
  public int sweep() {
    Date since = new Date(clock.now().getTime() - lookBack.toMillis());
    List<HistoricProcessInstance> finished = historyService.createHistoricProcessInstanceQuery().finished()
        .rootProcessInstances().finishedAfter(since).list().stream()
        .filter(p -> policy.reasonNotToFollowUp(p).isEmpty())
        .toList();
    Map<String, FollowUpRegistry.FollowUp> followed = registry.forOriginals(finished.stream().map(p -> p.getId()).toList());
    int started = 0;
    for (HistoricProcessInstance p : finished) {
      if (followed.containsKey(p.getId())) {
        continue;
      }
      try {
        if (starter.startFor(p.getId()).isPresent()) {
          started++;
        }
      } catch (RuntimeException e) {
        log.error("补启动案件 {} 的回访失败: {}", p.getBusinessKey(), e.toString());
      }
    }
    if (started > 0) {
      log.warn("定期核查补启动了 {} 件办结案件的回访", started);
    }
    return started;
  }

  @Override
  public synchronized void start() {
    if (!enabled || executor != null) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "follow-up-sweep");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(() -> {
      try {
        sweep();
      } catch (RuntimeException e) {
        log.error("回访定期核查失败: {}", e.toString());
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
