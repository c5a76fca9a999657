package cn.gaoxin.approval.notices;

import cn.gaoxin.approval.identifiers.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Notices to staff (urging, copies): recipients are user or group ids. The shipped sender logs them; a zone
 * connects its office messaging by adding a {@link NoticeSender} for channel "STAFF" instead.
 */
@Component
@ConditionalOnProperty(name = "approval.notices.log-sender", havingValue = "true", matchIfMissing = true)
public class StaffLogNoticeSender implements NoticeSender {

  private static final Logger log = LoggerFactory.getLogger(StaffLogNoticeSender.class);

  @Override
  public String channel() {
    return NoticeOutbox.CHANNEL_STAFF;
  }

  @Override
  public void send(Notice notice) {
    log.info("工作提醒 [{}] {} → {}: {}", notice.caseNumber(), notice.subject(), notice.recipient(),
        Masking.text(notice.body().replace('\n', ' ')));
  }
}
