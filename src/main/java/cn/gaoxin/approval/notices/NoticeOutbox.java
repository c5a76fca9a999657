package cn.gaoxin.approval.notices;

import cn.gaoxin.approval.identifiers.Masking;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The notice outbox. {@link #enqueue} joins the caller's transaction (the engine's, inside a delegate), so a
 * notice exists exactly when the step that decided it committed.
 */
@Component
public class NoticeOutbox {

  public static final String CHANNEL_SMS = "SMS";
  public static final String CHANNEL_STAFF = "STAFF";
  static final String PENDING = "PENDING";
  static final String SENDING = "SENDING";
  static final String SENT = "SENT";
  static final String FAILED = "FAILED";

  private static final RowMapper<Notice> ROW = (rs, i) -> new Notice(rs.getLong("id"), rs.getString("case_number"),
      rs.getString("notice_type"), rs.getString("recipient"), rs.getString("channel"), rs.getString("subject"),
      rs.getString("body"), rs.getString("status"), rs.getInt("attempts"), instant(rs.getTimestamp("created_at")),
      instant(rs.getTimestamp("sent_at")), rs.getString("last_error"));

  private final JdbcTemplate jdbc;

  public NoticeOutbox(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Adds a notice unless one with the same dedup key exists; returns whether it was added. */
  public boolean enqueue(String caseNumber, String type, String recipient, String channel, String subject,
      String body, String dedupKey, Instant now) {
    Timestamp ts = Timestamp.from(now);
    if (!CHANNEL_SMS.equals(channel)) {
      // staff and partners get what they need to act on, not the applicant's phone or identity numbers; the SMS to
      // the applicant is about their own case
      subject = Masking.text(subject);
      body = Masking.text(body);
    }
    int rows = jdbc.update("""
        insert into app_notice (case_number, notice_type, recipient, channel, subject, body, status, attempts,
                                next_attempt_at, created_at, dedup_key)
        select ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ? from (values (1)) as one(x)
        where not exists (select 1 from app_notice where dedup_key = ?)
        """, caseNumber, type, recipient, channel, subject, body, PENDING, ts, ts, dedupKey, dedupKey);
    return rows == 1;
  }

  public List<Notice> forCase(String caseNumber) {
    return jdbc.query("select * from app_notice where case_number = ? order by id", ROW, caseNumber);
  }

  /** Notices due for a (re)try, oldest first. */
  List<Notice> due(Instant now, int limit) {
    return jdbc.query("select * from app_notice where status in (?, ?) and next_attempt_at <= ? order by id "
        + "fetch first " + limit + " rows only", ROW, PENDING, SENDING, Timestamp.from(now));
  }

  /**
   * Claims a notice for sending: only one node wins (the status and attempt count guard the update). A claim
   * left in SENDING by a node that died is taken again after {@code lease}.
   */
  boolean claim(Notice notice, Instant now, Duration lease) {
    return jdbc.update("update app_notice set status = ?, attempts = attempts + 1, next_attempt_at = ? "
            + "where id = ? and attempts = ? and status in (?, ?)",
        SENDING, Timestamp.from(now.plus(lease)), notice.id(), notice.attempts(), PENDING, SENDING) == 1;
  }

  void markSent(long id, Instant now) {
    jdbc.update("update app_notice set status = ?, sent_at = ?, last_error = null where id = ?",
        SENT, Timestamp.from(now), id);
  }

  void markFailed(long id, String error, Instant nextAttempt, boolean giveUp) {
    jdbc.update("update app_notice set status = ?, last_error = ?, next_attempt_at = ? where id = ?",
        giveUp ? FAILED : PENDING, error == null ? null : error.substring(0, Math.min(error.length(), 1000)),
        Timestamp.from(nextAttempt), id);
  }

  public Optional<Notice> byId(long id) {
    return jdbc.query("select * from app_notice where id = ?", ROW, id).stream().findFirst();
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
