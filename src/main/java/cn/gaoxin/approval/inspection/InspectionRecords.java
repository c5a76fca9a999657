package cn.gaoxin.approval.inspection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** What each inspection of a campaign found and how it was handled; the public result list is compiled from it. */
@Component
public class InspectionRecords {

  public record Record(String caseNumber, String creditCode, String enterpriseName, String inspector,
      String coInspector, String inspectionMatters, String result, String findings, String handlingMeasure,
      String handlingNote, Instant inspectedAt, Instant handledAt) {}

  private static final RowMapper<Record> ROW = (rs, i) -> new Record(rs.getString("case_number"),
      rs.getString("credit_code"), rs.getString("enterprise_name"), rs.getString("inspector"),
      rs.getString("co_inspector"), rs.getString("inspection_matters"), rs.getString("result"),
      rs.getString("findings"), rs.getString("handling_measure"), rs.getString("handling_note"),
      rs.getTimestamp("inspected_at") == null ? null : rs.getTimestamp("inspected_at").toInstant(),
      rs.getTimestamp("handled_at") == null ? null : rs.getTimestamp("handled_at").toInstant());

  private final JdbcTemplate jdbc;

  public InspectionRecords(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public void saveResult(String caseNumber, String creditCode, String name, String inspector, String coInspector,
      String matters, String result, String findings, Instant now) {
    // a result entered again (the publication review returned it) replaces the earlier handling too: a finding
    // found again is handled again, one no longer found needs none
    int rows = jdbc.update("update app_inspection_record set enterprise_name = ?, inspector = ?, co_inspector = ?, "
        + "inspection_matters = ?, result = ?, findings = ?, inspected_at = ?, handling_measure = null, "
        + "handling_note = null, handled_at = null where case_number = ? and credit_code = ?",
        name, inspector, coInspector, matters, result, findings, Timestamp.from(now), caseNumber, creditCode);
    if (rows == 0) {
      jdbc.update("""
          insert into app_inspection_record (case_number, credit_code, enterprise_name, inspector, co_inspector,
            inspection_matters, result, findings, inspected_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, caseNumber, creditCode, name, inspector, coInspector, matters, result, findings, Timestamp.from(now));
    }
  }

  public void saveHandling(String caseNumber, String creditCode, String measure, String note, Instant now) {
    int rows = jdbc.update("update app_inspection_record set handling_measure = ?, handling_note = ?, handled_at = ? "
        + "where case_number = ? and credit_code = ?", measure, note, Timestamp.from(now), caseNumber, creditCode);
    if (rows != 1) {
      throw new IllegalStateException("没有 " + creditCode + " 的检查记录, 不能登记处置情况");
    }
  }

  public List<Record> forCase(String caseNumber) {
    return jdbc.query("select * from app_inspection_record where case_number = ? order by credit_code", ROW, caseNumber);
  }
}
