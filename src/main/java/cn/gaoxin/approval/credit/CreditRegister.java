package cn.gaoxin.approval.credit;

import cn.gaoxin.approval.calendar.EngineClock;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The credit records of market entities (信用记录), keyed by unified social credit code. Recording is idempotent
 * per case and category, so a retried step records nothing twice.
 */
@Component
public class CreditRegister {

  /** What a process asks to record. */
  public record Entry(String creditCode, String holderName, CreditCategory category, String reason,
      String caseNumber, String recordedBy, LocalDate validUntil) {}

  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  public CreditRegister(DataSource dataSource, EngineClock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.clock = clock;
  }

  public CreditRecord record(Entry entry) {
    if (entry.creditCode() == null || entry.creditCode().isBlank()) {
      throw new IllegalArgumentException("信用记录缺少统一社会信用代码");
    }
    String key = entry.caseNumber() + ":" + entry.category().name();
    List<CreditRecord> existing = jdbc.query("select * from app_credit_record where record_key = ?", this::map, key);
    if (!existing.isEmpty()) {
      return existing.get(0);
    }
    jdbc.update("""
        insert into app_credit_record (record_key, credit_code, holder_name, category, reason, case_number,
          recorded_by, recorded_at, valid_until)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, key, entry.creditCode(), entry.holderName(), entry.category().name(), entry.reason(),
        entry.caseNumber(), entry.recordedBy(), Timestamp.from(clock.instant()),
        entry.validUntil() == null ? null : Date.valueOf(entry.validUntil()));
    return jdbc.query("select * from app_credit_record where record_key = ?", this::map, key).get(0);
  }

  /** Every record of the entity, oldest first, including expired ones. */
  public List<CreditRecord> forEntity(String creditCode) {
    return jdbc.query("select * from app_credit_record where credit_code = ? order by id", this::map, creditCode);
  }

  /** The records in force today. */
  public List<CreditRecord> inForce(String creditCode) {
    LocalDate today = clock.today();
    return forEntity(creditCode).stream().filter(r -> r.inForceOn(today)).toList();
  }

  private CreditRecord map(ResultSet rs, int row) throws SQLException {
    Date validUntil = rs.getDate("valid_until");
    return new CreditRecord(rs.getLong("id"), rs.getString("credit_code"), rs.getString("holder_name"),
        CreditCategory.parse(rs.getString("category")), rs.getString("reason"), rs.getString("case_number"),
        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
        validUntil == null ? null : validUntil.toLocalDate());
  }
}
