package cn.gaoxin.approval.followup;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The follow-up register: which finished case got which follow-up case, and what the enterprise said. */
@Component
public class FollowUpRegistry {

  public enum Status { STARTED, EVALUATED, RECTIFYING, RECHECKED }

  public record FollowUp(String originalProcessInstanceId, String originalCaseNumber, String originalProcessKey,
      Instant originalEndedAt, String followUpCaseNumber, String followUpProcessInstanceId, Instant startedAt,
      Status status, String evaluation, String evaluationComment, Instant evaluatedAt, String secondEvaluation,
      String secondEvaluationComment, Instant secondEvaluatedAt) {}

  private static final RowMapper<FollowUp> ROW = (rs, i) -> new FollowUp(rs.getString("original_process_instance_id"),
      rs.getString("original_case_number"), rs.getString("original_process_key"),
      instant(rs.getTimestamp("original_ended_at")), rs.getString("follow_up_case_number"),
      rs.getString("follow_up_process_instance_id"), instant(rs.getTimestamp("started_at")),
      Status.valueOf(rs.getString("status")), rs.getString("evaluation"), rs.getString("evaluation_comment"),
      instant(rs.getTimestamp("evaluated_at")), rs.getString("second_evaluation"),
      rs.getString("second_evaluation_comment"), instant(rs.getTimestamp("second_evaluated_at")));

  private final JdbcTemplate jdbc;

  public FollowUpRegistry(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Registers the follow-up of a finished case; false when the case already has one. */
  public boolean register(String originalProcessInstanceId, String originalCaseNumber, String originalProcessKey,
      Instant originalEndedAt, String followUpCaseNumber, Instant now) {
    try {
      jdbc.update("""
          insert into app_follow_up (original_process_instance_id, original_case_number, original_process_key,
            original_ended_at, follow_up_case_number, started_at, status)
          values (?, ?, ?, ?, ?, ?, ?)
          """, originalProcessInstanceId, originalCaseNumber, originalProcessKey,
          originalEndedAt == null ? null : Timestamp.from(originalEndedAt), followUpCaseNumber, Timestamp.from(now),
          Status.STARTED.name());
      return true;
    } catch (DuplicateKeyException alreadyFollowedUp) {
      return false;
    }
  }

  public void attachProcessInstance(String originalProcessInstanceId, String followUpProcessInstanceId) {
    jdbc.update("update app_follow_up set follow_up_process_instance_id = ? where original_process_instance_id = ?",
        followUpProcessInstanceId, originalProcessInstanceId);
  }

  /** Records the enterprise's evaluation of round 1 (first contact) or 2 (contact after rectification). */
  public void recordEvaluation(String followUpCaseNumber, int round, String evaluation, String comment, Instant now,
      Status status) {
    String sql = round == 1
        ? "update app_follow_up set evaluation = ?, evaluation_comment = ?, evaluated_at = ?, status = ? "
            + "where follow_up_case_number = ?"
        : "update app_follow_up set second_evaluation = ?, second_evaluation_comment = ?, second_evaluated_at = ?, "
            + "status = ? where follow_up_case_number = ?";
    int rows = jdbc.update(sql, evaluation, comment, Timestamp.from(now), status.name(), followUpCaseNumber);
    if (rows != 1) {
      throw new IllegalStateException("回访登记中没有回访案件 " + followUpCaseNumber);
    }
  }

  public Optional<FollowUp> forOriginal(String originalProcessInstanceId) {
    return jdbc.query("select * from app_follow_up where original_process_instance_id = ?", ROW,
        originalProcessInstanceId).stream().findFirst();
  }

  public Optional<FollowUp> byFollowUpCase(String followUpCaseNumber) {
    return jdbc.query("select * from app_follow_up where follow_up_case_number = ?", ROW, followUpCaseNumber).stream()
        .findFirst();
  }

  /** The follow-ups of these finished cases, by the finished case's process instance id. */
  public Map<String, FollowUp> forOriginals(Collection<String> processInstanceIds) {
    Map<String, FollowUp> found = new HashMap<>();
    List<String> ids = new ArrayList<>(processInstanceIds);
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      jdbc.query("select * from app_follow_up where original_process_instance_id in (" + marks + ")", ROW,
          chunk.toArray()).forEach(f -> found.put(f.originalProcessInstanceId(), f));
    }
    return found;
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
