package cn.gaoxin.approval.notices;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. Failed sends are retried with exponential backoff; after the last attempt a
 * notice is FAILED and shows up for operators. Safe on several nodes: each notice is claimed by one.
 */
@Component
public class NoticeDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);

  private final NoticeOutbox outbox;
  private final Map<String, NoticeSender> senders;
  private final int maxAttempts;
  private final Duration firstBackoff;
  private final Duration lease = Duration.ofMinutes(5);

  public NoticeDispatcher(NoticeOutbox outbox, List<NoticeSender> senders,
      @Value("${approval.notices.max-attempts:8}") int maxAttempts,
      @Value("${approval.notices.first-backoff:PT30S}") Duration firstBackoff) {
    this.outbox = outbox;
    this.senders = senders.stream().collect(Collectors.toMap(NoticeSender::channel, Function.identity()));
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
  }

  @Scheduled(fixedDelayString = "${approval.notices.poll-interval:PT5S}")
  public void dispatchScheduled() {
    dispatchDue(Instant.now());
  }

  /** Sends every notice due at {@code now}; returns how many were sent. */
  public int dispatchDue(Instant now) {
    int sent = 0;
    for (Notice notice : outbox.due(now, 100)) {
      if (!outbox.claim(notice, now, lease)) {
        continue;
      }
      NoticeSender sender = senders.get(notice.channel());
      int attempt = notice.attempts() + 1;
      try {
        if (sender == null) {
          throw new IllegalStateException("没有渠道 " + notice.channel() + " 的发送器");
        }
        sender.send(notice);
        outbox.markSent(notice.id(), Instant.now());
        sent++;
      } catch (Exception e) {
        boolean giveUp = attempt >= maxAttempts;
        Instant next = now.plus(firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 16)));
        outbox.markFailed(notice.id(), e.toString(), next, giveUp);
        log.warn("通知 {} (案件 {}) 第 {} 次发送失败{}: {}", notice.id(), notice.caseNumber(), attempt,
            giveUp ? ", 已停止重试" : "", e.toString());
      }
    }
    return sent;
  }
}
