package cn.gaoxin.approval.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
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
 * The case summary table ({@code app_case_summary}, migration V60): written by {@link CaseSummaryRecorder} inside
 * the engine's transactions, read by search and scorecard with indexed, aggregating SQL (no historic variables).
 */
@Component
public class CaseSummaryStore {

  static final String COLUMNS = "process_instance_id, case_number, process_key, process_definition_id, top_level, "
      + "item_code, item_name, department, applicant_name, credit_code, channel, case_status, decision_status, "
      + "started_at, submitted_at, accepted_at, decided_at, ended_at, end_state, in_person_visits, materials_asked, "
      + "materials_check_count, one_time_notifications, tolerant_acceptance, supervision_events, promised_days, "
      + "days_to_decision, days_from_acceptance, on_time, followed_up_at, follow_up_case_number, satisfaction, "
      + "satisfaction_score";

  static final RowMapper<CaseSummary> ROW = (rs, i) -> new CaseSummary(rs.getString("process_instance_id"),
      rs.getString("case_number"), rs.getString("process_key"), rs.getString("process_definition_id"),
      rs.getBoolean("top_level"), rs.getString("item_code"), rs.getString("item_name"), rs.getString("department"),
      rs.getString("applicant_name"), rs.getString("credit_code"), rs.getString("channel"),
      rs.getString("case_status"), rs.getString("decision_status"), instant(rs, "started_at"),
      instant(rs, "submitted_at"), instant(rs, "accepted_at"), instant(rs, "decided_at"), instant(rs, "ended_at"),
      rs.getString("end_state"), integer(rs, "in_person_visits"), integer(rs, "materials_asked"),
      integer(rs, "materials_check_count"), integer(rs, "one_time_notifications"), rs.getBoolean("tolerant_acceptance"),
      rs.getInt("supervision_events"), integer(rs, "promised_days"), integer(rs, "days_to_decision"),
      integer(rs, "days_from_acceptance"), bool(rs, "on_time"), instant(rs, "followed_up_at"),
      rs.getString("follow_up_case_number"), rs.getString("satisfaction"), integer(rs, "satisfaction_score"));

  private final JdbcTemplate jdbc;

  public CaseSummaryStore(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  JdbcTemplate jdbc() {
    return jdbc;
  }

  /**
   * Writes the case's current state. The first write inserts (started_at is then fixed); later writes update
   * everything but started_at and the follow-up columns, which belong to the follow-up case. A case once accepted
   * on commitment (容缺) stays counted as such, even when a later acceptance (after correction) is a normal one.
   */
  public void save(CaseSummary s, Instant now) {
    int updated = jdbc.update("""
        update app_case_summary set case_number = ?, process_key = ?, process_definition_id = ?, top_level = ?,
          item_code = ?, item_name = ?, department = ?, applicant_name = ?, credit_code = ?, channel = ?,
          case_status = ?, decision_status = ?, submitted_at = ?, accepted_at = ?, decided_at = ?, ended_at = ?,
          end_state = ?, in_person_visits = ?, materials_asked = ?, materials_check_count = ?,
          one_time_notifications = ?, tolerant_acceptance = (tolerant_acceptance or ?), supervision_events = ?, promised_days = ?,
          days_to_decision = ?, days_from_acceptance = ?, on_time = ?, updated_at = ?
        where process_instance_id = ?""",
        s.caseNumber(), s.processKey(), s.processDefinitionId(), s.topLevel(), s.itemCode(), s.itemName(),
        s.department(), s.applicantName(), s.creditCode(), s.channel(), s.caseStatus(), s.decisionStatus(),
        ts(s.submittedAt()), ts(s.acceptedAt()), ts(s.decidedAt()), ts(s.endedAt()), s.endState(),
        s.inPersonVisits(), s.materialsAsked(), s.materialsCheckCount(), s.oneTimeNotifications(),
        s.tolerantAcceptance(), s.supervisionEvents(), s.promisedDays(), s.daysToDecision(), s.daysFromAcceptance(),
        s.onTime(), ts(now), s.processInstanceId());
    if (updated == 0) {
      jdbc.update("insert into app_case_summary (" + COLUMNS + ", updated_at) values "
              + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          s.processInstanceId(), s.caseNumber(), s.processKey(), s.processDefinitionId(), s.topLevel(),
          s.itemCode(), s.itemName(), s.department(), s.applicantName(), s.creditCode(), s.channel(),
          s.caseStatus(), s.decisionStatus(), ts(s.startedAt()), ts(s.submittedAt()), ts(s.acceptedAt()),
          ts(s.decidedAt()), ts(s.endedAt()), s.endState(), s.inPersonVisits(), s.materialsAsked(),
          s.materialsCheckCount(), s.oneTimeNotifications(), s.tolerantAcceptance(), s.supervisionEvents(),
          s.promisedDays(), s.daysToDecision(), s.daysFromAcceptance(), s.onTime(), ts(s.followedUpAt()),
          s.followUpCaseNumber(), s.satisfaction(), s.satisfactionScore(), ts(now));
    }
  }

  /** Marks the case {@code caseNumber} as followed up by another case, with the enterprise's rating if given. */
  public void recordFollowUp(String caseNumber, String followUpCaseNumber, Instant at, String rating, Integer score) {
    jdbc.update("""
        update app_case_summary set followed_up_at = coalesce(followed_up_at, ?), follow_up_case_number = ?,
          satisfaction = coalesce(?, satisfaction), satisfaction_score = coalesce(?, satisfaction_score)
        where case_number = ? and top_level = true""",
        ts(at), followUpCaseNumber, rating, score, caseNumber);
  }

  public Optional<CaseSummary> byProcessInstance(String processInstanceId) {
    return jdbc.query("select " + COLUMNS + " from app_case_summary where process_instance_id = ?", ROW,
        processInstanceId).stream().findFirst();
  }

  /** The case with this number: the top-level instance if the number is shared with called sub-cases. */
  public Optional<CaseSummary> byCaseNumber(String caseNumber) {
    return jdbc.query("select " + COLUMNS + " from app_case_summary where case_number = ? "
        + "order by top_level desc, started_at", ROW, caseNumber).stream().findFirst();
  }

  public long count() {
    Long n = jdbc.queryForObject("select count(*) from app_case_summary", Long.class);
    return n == null ? 0 : n;
  }

  /** Removes summaries of cases that ended before {@code cutoff}; returns how many. */
  public int deleteEndedBefore(Instant cutoff) {
    return jdbc.update("delete from app_case_summary where ended_at < ?", ts(cutoff));
  }

  /** Rows of cases the summary still shows as running, oldest first (for reconciliation with history). */
  public List<String> runningProcessInstanceIds(int limit) {
    return new ArrayList<>(jdbc.queryForList("select process_instance_id from app_case_summary where end_state = ? "
        + "order by started_at fetch first " + limit + " rows only", String.class, CaseSummary.RUNNING));
  }

  static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }

  static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  static Boolean bool(ResultSet rs, String column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }
}
