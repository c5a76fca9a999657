package cn.gaoxin.approval.reforms.supervision.ledger;

import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * The rectification ledger (整改台账): every problem taken up from an observer's suggestion or a bad service review,
 * the department it was handed to, its due date and whether it was rectified (销号). Writes join the engine's
 * transaction (the delegates call it inside a step), so the ledger and the case never disagree.
 */
@Component
public class RectificationLedger {

  /** Where a ledger entry comes from. */
  public enum Source {
    OBSERVER_SUGGESTION("营商环境观察员意见建议"), BAD_REVIEW("政务服务差评");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Where a ledger entry stands. OPEN, SUBMITTED and REWORK count as open; RECTIFIED and CLOSED as done. */
  public enum Status {
    OPEN("整改中"), SUBMITTED("已报送整改情况, 待核验"), REWORK("核验未通过, 重新整改"),
    RECTIFIED("已整改销号"), CLOSED("经复核解释说明后销号");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public boolean done() {
      return this == RECTIFIED || this == CLOSED;
    }
  }

  public record Entry(String ledgerNumber, String caseNumber, Source source, String title, String category,
      String department, String departmentName, Instant openedAt, Instant dueDate, Status status, int reworkCount,
      int overdueCount, String measures, Instant submittedAt, Instant closedAt, String closingNote) {

    /** Still open after its due date (as of {@code now}). */
    public boolean overdueAt(Instant now) {
      return !status.done() && dueDate.isBefore(now);
    }
  }

  private static final RowMapper<Entry> ROW = (rs, i) -> new Entry(rs.getString("ledger_number"),
      rs.getString("case_number"), Source.valueOf(rs.getString("source")), rs.getString("title"),
      rs.getString("category"), rs.getString("department"), rs.getString("department_name"),
      rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("due_date").toInstant(),
      Status.valueOf(rs.getString("status")), rs.getInt("rework_count"), rs.getInt("overdue_count"),
      rs.getString("measures"), instant(rs.getTimestamp("submitted_at")), instant(rs.getTimestamp("closed_at")),
      rs.getString("closing_note"));

  private final JdbcTemplate jdbc;
  private final String nextValueSql;

  public RectificationLedger(DataSource dataSource) throws Exception {
    this.jdbc = new JdbcTemplate(dataSource);
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.nextValueSql = product.toLowerCase().contains("postgres")
        ? "select nextval('app_ledger_seq')"
        : "select next value for app_ledger_seq";
  }

  /**
   * Opens the case's entry for this source, or returns the one it already has (a retried step opens nothing new).
   */
  public Entry open(String caseNumber, String processInstanceId, Source source, String title, String category,
      String department, String departmentName, Instant now, Instant due, ZoneId zone) {
    Optional<Entry> existing = forCase(caseNumber, source);
    if (existing.isPresent()) {
      return existing.get();
    }
    long n = jdbc.queryForObject(nextValueSql, Long.class);
    String number = String.format("TZ-%d-%06d", now.atZone(zone).getYear(), n);
    jdbc.update("""
        insert into app_rectification_ledger (ledger_number, case_number, process_instance_id, source, title, category,
          department, department_name, opened_at, due_date, status, rework_count, overdue_count)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)
        """, number, caseNumber, processInstanceId, source.name(), truncate(title, 500), truncate(category, 60),
        department, departmentName, Timestamp.from(now), Timestamp.from(due), Status.OPEN.name());
    return find(number).orElseThrow();
  }

  /** The department reported what it did; the entry waits for verification. */
  public void submit(String ledgerNumber, String measures, Instant now) {
    update(jdbc.update("update app_rectification_ledger set status = ?, measures = ?, submitted_at = ? "
        + "where ledger_number = ?", Status.SUBMITTED.name(), truncate(measures, 4000), Timestamp.from(now),
        ledgerNumber), ledgerNumber);
  }

  /** Verification found the rectification insufficient: back to the department with a new due date. */
  public void rework(String ledgerNumber, Instant newDue, String note) {
    update(jdbc.update("update app_rectification_ledger set status = ?, due_date = ?, rework_count = rework_count + 1, "
        + "closing_note = ? where ledger_number = ?", Status.REWORK.name(), Timestamp.from(newDue),
        truncate(note, 2000), ledgerNumber), ledgerNumber);
  }

  /** Rectified (销号) or closed after review; {@code status} must be RECTIFIED or CLOSED. */
  public void close(String ledgerNumber, Status status, String note, Instant now) {
    if (!status.done()) {
      throw new IllegalArgumentException("台账只能以 RECTIFIED 或 CLOSED 销号, 不能是 " + status);
    }
    update(jdbc.update("update app_rectification_ledger set status = ?, closing_note = ?, closed_at = ? "
        + "where ledger_number = ?", status.name(), truncate(note, 2000), Timestamp.from(now), ledgerNumber),
        ledgerNumber);
  }

  /** The rectification ran past its due date (效能监察 was raised). */
  public void flagOverdue(String ledgerNumber) {
    update(jdbc.update("update app_rectification_ledger set overdue_count = overdue_count + 1 where ledger_number = ?",
        ledgerNumber), ledgerNumber);
  }

  public Optional<Entry> find(String ledgerNumber) {
    return jdbc.query("select * from app_rectification_ledger where ledger_number = ?", ROW, ledgerNumber).stream()
        .findFirst();
  }

  public Optional<Entry> forCase(String caseNumber, Source source) {
    return jdbc.query("select * from app_rectification_ledger where case_number = ? and source = ?", ROW, caseNumber,
        source.name()).stream().findFirst();
  }

  /** Entries, newest first, optionally of one source and one department. */
  public List<Entry> list(Source source, String department) {
    StringBuilder sql = new StringBuilder("select * from app_rectification_ledger where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (source != null) {
      sql.append(" and source = ?");
      args.add(source.name());
    }
    if (department != null && !department.isBlank()) {
      sql.append(" and department = ?");
      args.add(department);
    }
    sql.append(" order by opened_at desc, ledger_number desc");
    return jdbc.query(sql.toString(), ROW, args.toArray());
  }

  private static void update(int rows, String ledgerNumber) {
    if (rows != 1) {
      throw new IllegalStateException("台账中没有编号为 " + ledgerNumber + " 的条目");
    }
  }

  static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
