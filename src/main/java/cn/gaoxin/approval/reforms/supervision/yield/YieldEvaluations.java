package cn.gaoxin.approval.reforms.supervision.yield;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Each enterprise's evaluation in an annual campaign: data, indicators, score, grade, how it was confirmed. */
@Component
public class YieldEvaluations {

  public record Evaluation(String caseNumber, String creditCode, String enterpriseName, String scale,
      Integer evaluationYear, String status, String exclusionReason, BigDecimal landArea, BigDecimal taxPaid,
      BigDecimal salesRevenue, BigDecimal valueAdded, BigDecimal energyUse, BigDecimal pollutantEmission,
      BigDecimal rdExpense, Integer employees, Boolean majorViolation, BigDecimal taxPerMu, BigDecimal salesPerMu,
      BigDecimal salesPerEnergy, BigDecimal salesPerEmission, BigDecimal rdIntensity, BigDecimal labourProductivity,
      Integer compositeScore, String grade, String confirmation, int objectionCount, Instant updatedAt) {}

  public static final String SCORED = "SCORED";
  public static final String EXCLUDED = "EXCLUDED";

  private static final RowMapper<Evaluation> ROW = (rs, i) -> new Evaluation(rs.getString("case_number"),
      rs.getString("credit_code"), rs.getString("enterprise_name"), rs.getString("scale"),
      (Integer) rs.getObject("evaluation_year", Integer.class), rs.getString("status"), rs.getString("exclusion_reason"),
      rs.getBigDecimal("land_area"), rs.getBigDecimal("tax_paid"), rs.getBigDecimal("sales_revenue"),
      rs.getBigDecimal("value_added"), rs.getBigDecimal("energy_use"), rs.getBigDecimal("pollutant_emission"),
      rs.getBigDecimal("rd_expense"), (Integer) rs.getObject("employees", Integer.class),
      (Boolean) rs.getObject("major_violation", Boolean.class), rs.getBigDecimal("tax_per_mu"),
      rs.getBigDecimal("sales_per_mu"), rs.getBigDecimal("sales_per_energy"), rs.getBigDecimal("sales_per_emission"),
      rs.getBigDecimal("rd_intensity"), rs.getBigDecimal("labour_productivity"),
      (Integer) rs.getObject("composite_score", Integer.class), rs.getString("grade"), rs.getString("confirmation"),
      rs.getInt("objection_count"), rs.getTimestamp("updated_at").toInstant());

  private final JdbcTemplate jdbc;

  public YieldEvaluations(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Records an excluded enterprise (不参评) with the reason. */
  public void exclude(String caseNumber, String creditCode, String name, String scale, Integer year, String reason,
      Instant now) {
    upsert(caseNumber, creditCode, name, scale, year, EXCLUDED, reason, null, null, null, null, null, null, null, now);
  }

  /** Records a scored enterprise; {@code objection} counts a re-scoring after an upheld objection. */
  public void score(String caseNumber, String creditCode, String name, String scale, Integer year, YieldData data,
      Boolean majorViolation, YieldData.Indicators indicators, Integer score, String grade, String confirmation,
      boolean objection, Instant now) {
    upsert(caseNumber, creditCode, name, scale, year, SCORED, null, data, majorViolation, indicators, score, grade,
        confirmation, objection, now);
  }

  private void upsert(String caseNumber, String creditCode, String name, String scale, Integer year, String status,
      String reason, YieldData d, Boolean violation, YieldData.Indicators x, Integer score, String grade,
      String confirmation, Boolean objection, Instant now) {
    Object[] values = {name, scale, year, status, reason, d == null ? null : d.landArea(), d == null ? null : d.taxPaid(),
        d == null ? null : d.salesRevenue(), d == null ? null : d.valueAdded(), d == null ? null : d.energyUse(),
        d == null ? null : d.pollutantEmission(), d == null ? null : d.rdExpense(), d == null ? null : d.employees(),
        violation, x == null ? null : x.taxPerMu(), x == null ? null : x.salesPerMu(),
        x == null ? null : x.salesPerEnergy(), x == null ? null : x.salesPerEmission(),
        x == null ? null : x.rdIntensity(), x == null ? null : x.labourProductivity(), score, grade, confirmation,
        Timestamp.from(now)};
    int rows = jdbc.update("""
        update app_yield_evaluation set enterprise_name = ?, scale = ?, evaluation_year = ?, status = ?,
          exclusion_reason = ?, land_area = ?, tax_paid = ?, sales_revenue = ?, value_added = ?, energy_use = ?,
          pollutant_emission = ?, rd_expense = ?, employees = ?, major_violation = ?, tax_per_mu = ?, sales_per_mu = ?,
          sales_per_energy = ?, sales_per_emission = ?, rd_intensity = ?, labour_productivity = ?, composite_score = ?,
          grade = ?, confirmation = coalesce(?, confirmation), updated_at = ?,
          objection_count = objection_count + ?
        where case_number = ? and credit_code = ?
        """, concat(values, Boolean.TRUE.equals(objection) ? 1 : 0, caseNumber, creditCode));
    if (rows == 0) {
      jdbc.update("""
          insert into app_yield_evaluation (enterprise_name, scale, evaluation_year, status, exclusion_reason, land_area,
            tax_paid, sales_revenue, value_added, energy_use, pollutant_emission, rd_expense, employees, major_violation,
            tax_per_mu, sales_per_mu, sales_per_energy, sales_per_emission, rd_intensity, labour_productivity,
            composite_score, grade, confirmation, updated_at, objection_count, case_number, credit_code)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, concat(values, Boolean.TRUE.equals(objection) ? 1 : 0, caseNumber, creditCode));
    }
  }

  public Optional<Evaluation> find(String caseNumber, String creditCode) {
    return jdbc.query("select * from app_yield_evaluation where case_number = ? and credit_code = ?", ROW, caseNumber,
        creditCode).stream().findFirst();
  }

  /** The campaign's evaluations: scored ones by score (highest first), then excluded ones. */
  public List<Evaluation> forCase(String caseNumber) {
    return jdbc.query("select * from app_yield_evaluation where case_number = ? "
        + "order by case when status = 'SCORED' then 0 else 1 end, composite_score desc, credit_code", ROW, caseNumber);
  }

  private static Object[] concat(Object[] values, Object... more) {
    Object[] all = new Object[values.length + more.length];
    System.arraycopy(values, 0, all, 0, values.length);
    System.arraycopy(more, 0, all, values.length, more.length);
    return all;
  }
}
