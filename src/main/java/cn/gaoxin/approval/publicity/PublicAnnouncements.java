package cn.gaoxin.approval.publicity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Public announcements (公示 / 公告): what the zone publishes for anyone to read, e.g. double-random inspection results
 * and per-mu yield evaluation notices. An announcement is written in the step's transaction; a retried step finds it
 * by its key (case number and kind) and publishes nothing twice.
 */
@Component
public class PublicAnnouncements {

  public record Announcement(long id, String caseNumber, String kind, String title, String body, String items,
      String department, Instant publishedAt, Instant validUntil) {}

  private static final RowMapper<Announcement> ROW = (rs, i) -> new Announcement(rs.getLong("id"),
      rs.getString("case_number"), rs.getString("kind"), rs.getString("title"), rs.getString("body"),
      rs.getString("items"), rs.getString("department"), rs.getTimestamp("published_at").toInstant(),
      rs.getTimestamp("valid_until") == null ? null : rs.getTimestamp("valid_until").toInstant());

  private final JdbcTemplate jdbc;

  public PublicAnnouncements(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Publishes the case's announcement of this kind, or returns the one already published. */
  public Announcement publish(String caseNumber, String kind, String title, String body, String itemsJson,
      String department, Instant now, Instant validUntil) {
    String key = caseNumber + ":" + kind;
    Optional<Announcement> existing = byKey(key);
    if (existing.isPresent()) {
      return existing.get();
    }
    jdbc.update("""
        insert into app_public_announcement (announcement_key, case_number, kind, title, body, items, department,
          published_at, valid_until)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, key, caseNumber, kind, truncate(title, 300), truncate(body, 8000), itemsJson, department,
        Timestamp.from(now), validUntil == null ? null : Timestamp.from(validUntil));
    return byKey(key).orElseThrow();
  }

  public Optional<Announcement> byId(long id) {
    return jdbc.query("select * from app_public_announcement where id = ?", ROW, id).stream().findFirst();
  }

  public Optional<Announcement> forCase(String caseNumber, String kind) {
    return byKey(caseNumber + ":" + kind);
  }

  /** Announcements, newest first, optionally of one kind and one case. */
  public List<Announcement> list(String kind, String caseNumber, int limit) {
    StringBuilder sql = new StringBuilder("select * from app_public_announcement where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (kind != null && !kind.isBlank()) {
      sql.append(" and kind = ?");
      args.add(kind);
    }
    if (caseNumber != null && !caseNumber.isBlank()) {
      sql.append(" and case_number = ?");
      args.add(caseNumber);
    }
    sql.append(" order by published_at desc, id desc fetch first ").append(Math.max(1, Math.min(limit, 500)))
        .append(" rows only");
    return jdbc.query(sql.toString(), ROW, args.toArray());
  }

  private Optional<Announcement> byKey(String key) {
    return jdbc.query("select * from app_public_announcement where announcement_key = ?", ROW, key).stream()
        .findFirst();
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
