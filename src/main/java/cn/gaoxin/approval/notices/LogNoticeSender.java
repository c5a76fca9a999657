package cn.gaoxin.approval.notices;

import cn.gaoxin.approval.identifiers.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The shipped sender: writes SMS notices to the log, with the phone number masked. Real SMS gateways are
 * external services; add a {@link NoticeSender} bean for channel "SMS" and set approval.notices.log-sender=false.
 */
@Component
@ConditionalOnProperty(name = "approval.notices.log-sender", havingValue = "true", matchIfMissing = true)
public class LogNoticeSender implements NoticeSender {

  private static final Logger log = LoggerFactory.getLogger(LogNoticeSender.class);

  @Override
  public String channel() {
    return NoticeOutbox.CHANNEL_SMS;
  }

  @Override
  public void send(Notice notice) {
    log.info("通知 [{}] {} → {}: {}", notice.caseNumber(), notice.subject(), Masking.phone(notice.recipient()),
        Masking.text(notice.body().replace('\n', ' ')));
  }
}
