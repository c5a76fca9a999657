package cn.gaoxin.approval.audit;

import cn.gaoxin.approval.calendar.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Retention of case history, from the one retention setting ({@code approval.retention.history-days}, see
 * {@code models/HistoryRetention}):
 * <ul>
 *   <li>the engine's history cleanup is removal-time based: when a case ends, each of its history rows is stamped
 *       with end time + time to live, and the cleanup job deletes only rows whose removal time has passed — a case
 *       is never removed before its time, and a running case never;</li>
 *   <li>the cleanup job runs in a nightly batch window ({@code approval.retention.cleanup-window-start} to
 *       {@code -end}, default 01:00–05:00, in the JVM's time zone: run the server with {@code TZ=Asia/Shanghai});</li>
 *   <li>the auditors' case summaries follow the same rule: a summary is removed once its case ended more than the
 *       retention period ago (checked after the window, and on demand with {@link #removeExpiredSummaries}).</li>
 * </ul>
 */
@Component
public class HistoryCleanupSettings extends AbstractProcessEnginePlugin implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(HistoryCleanupSettings.class);

  private final int days;
  private final String windowStart;
  private final String windowEnd;
  private final int batchSize;
  private final CaseSummaryStore summaries;
  private final EngineClock clock;
  private final ProcessEngine engine;
  private final boolean scheduleSummaryCleanup;
  private ScheduledExecutorService scheduler;

  public HistoryCleanupSettings(@Value("${approval.retention.history-days:10950}") int days,
      @Value("${approval.retention.cleanup-window-start:01:00}") String windowStart,
      @Value("${approval.retention.cleanup-window-end:05:00}") String windowEnd,
      @Value("${approval.retention.cleanup-batch-size:500}") int batchSize,
      @Value("${approval.retention.summary-cleanup:true}") boolean scheduleSummaryCleanup,
      @Lazy CaseSummaryStore summaries, @Lazy EngineClock clock, @Lazy ProcessEngine engine) {
    if (days < 1) {
      throw new IllegalStateException("approval.retention.history-days 必须是正整数 (天)");
    }
    LocalTime.parse(windowStart);
    LocalTime.parse(windowEnd);
    this.days = days;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.batchSize = batchSize;
    this.scheduleSummaryCleanup = scheduleSummaryCleanup;
    this.summaries = summaries;
    this.clock = clock;
    this.engine = engine;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryCleanupStrategy(ProcessEngineConfigurationImpl.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
    configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_END);
    configuration.setHistoryCleanupBatchWindowStartTime(windowStart);
    configuration.setHistoryCleanupBatchWindowEndTime(windowEnd);
    configuration.setHistoryCleanupBatchSize(batchSize);
    configuration.setHistoryTimeToLive(String.valueOf(days));
  }

  public int days() {
    return days;
  }

  /** Removes case summaries whose case ended more than the retention period before now; returns how many. */
  public int removeExpiredSummaries() {
    Instant cutoff = clock.instant().minus(Duration.ofDays(days));
    int removed = summaries.deleteEndedBefore(cutoff);
    if (removed > 0) {
      log.info("已按保留期 ({} 天) 删除 {} 条已过期的审计案件摘要", days, removed);
    }
    return removed;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void scheduleDaily() {
    if (!scheduleSummaryCleanup || !engine.getProcessEngineConfiguration().isJobExecutorActivate()) {
      return;
    }
    ZoneId zone = ZoneId.systemDefault();
    LocalDateTime now = LocalDateTime.now(zone);
    LocalDateTime next = now.toLocalDate().atTime(LocalTime.parse(windowEnd));
    if (!next.isAfter(now)) {
      next = next.plusDays(1);
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "case-summary-retention");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleAtFixedRate(() -> {
      try {
        removeExpiredSummaries();
      } catch (RuntimeException e) {
        log.warn("审计案件摘要保留期清理失败: {}", e.toString());
      }
    }, Duration.between(now, next).toMinutes(), TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
  }

  @Override
  public void destroy() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
