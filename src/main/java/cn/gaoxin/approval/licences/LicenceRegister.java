package cn.gaoxin.approval.licences;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.database.DatabaseSequences;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The licence register. Issuing is idempotent: a second issue with the same key (case, type, subject) returns
 * the licence already issued, so a retried step never issues a licence twice; concurrent issues collide on the
 * unique key and the loser's transaction is retried by the engine.
 */
@Component
public class LicenceRegister {

  /** What a process asks to issue. {@code subject} distinguishes several licences of one type in one case. */
  public record IssueRequest(String caseNumber, String processInstanceId, String type, String title,
      String holderName, String holderCreditCode, String subject, List<String> permits, String issuedBy,
      LocalDate validUntil) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;
  private final DatabaseSequences sequences;
  private final EngineClock clock;
  private final String prefix;

  public LicenceRegister(DataSource dataSource, DatabaseSequences sequences, EngineClock clock,
      @Value("${approval.licences.number-prefix:GXZ}") String prefix) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.sequences = sequences;
    this.clock = clock;
    this.prefix = prefix;
  }

  public Licence issue(IssueRequest request) {
    String key = request.caseNumber() + ":" + request.type() + ":" + (request.subject() == null ? "" : request.subject());
    Optional<Licence> existing = byIssueKey(key);
    if (existing.isPresent()) {
      return existing.get();
    }
    String number = String.format("%s-%d-%06d", prefix, clock.today().getYear(), sequences.next("app_licence_seq"));
    jdbc.update("""
        insert into app_licence (licence_number, issue_key, case_number, process_instance_id, licence_type, title,
          holder_name, holder_credit_code, subject, permits, issued_by, issued_at, valid_until, status)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, number, key, request.caseNumber(), request.processInstanceId(), request.type(), request.title(),
        request.holderName(), request.holderCreditCode(), request.subject(), toJson(request.permits()),
        request.issuedBy(), Timestamp.from(clock.instant()),
        request.validUntil() == null ? null : Date.valueOf(request.validUntil()), LicenceStatus.VALID.name());
    return byNumber(number).orElseThrow();
  }

  public Optional<Licence> byNumber(String number) {
    return jdbc.query("select * from app_licence where licence_number = ?", this::map, number).stream().findFirst();
  }

  public List<Licence> forCase(String caseNumber) {
    return jdbc.query("select * from app_licence where case_number = ? order by licence_number", this::map, caseNumber);
  }

  public List<Licence> forHolder(String creditCode) {
    return jdbc.query("select * from app_licence where holder_credit_code = ? order by licence_number", this::map,
        creditCode);
  }

  /** Suspends, revokes or cancels a licence; returns false when it was already revoked or cancelled. */
  public boolean changeStatus(String number, LicenceStatus status, String reason) {
    return jdbc.update("update app_licence set status = ?, status_changed_at = ?, status_reason = ? "
            + "where licence_number = ? and status not in (?, ?)",
        status.name(), Timestamp.from(clock.instant()), reason, number, LicenceStatus.REVOKED.name(),
        LicenceStatus.CANCELLED.name()) == 1;
  }

  private Optional<Licence> byIssueKey(String key) {
    return jdbc.query("select * from app_licence where issue_key = ?", this::map, key).stream().findFirst();
  }

  private Licence map(ResultSet rs, int row) throws SQLException {
    Timestamp changed = rs.getTimestamp("status_changed_at");
    Date validUntil = rs.getDate("valid_until");
    return new Licence(rs.getString("licence_number"), rs.getString("case_number"), rs.getString("licence_type"),
        rs.getString("title"), rs.getString("holder_name"), rs.getString("holder_credit_code"),
        rs.getString("subject"), fromJson(rs.getString("permits")), rs.getString("issued_by"),
        rs.getTimestamp("issued_at").toInstant(), validUntil == null ? null : validUntil.toLocalDate(),
        LicenceStatus.valueOf(rs.getString("status")), changed == null ? null : changed.toInstant(),
        rs.getString("status_reason"));
  }

  private static String toJson(List<String> permits) {
    try {
      return JSON.writeValueAsString(permits == null ? List.of() : permits);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<String> fromJson(String json) {
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("证照许可事项数据损坏", e);
    }
  }
}
