package cn.gaoxin.approval.reforms.licensing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The free seal sets for new enterprises (政府购买服务, seed 001: 3,000 sets in a year): a yearly quota and the
 * grants made against it. Granting is idempotent per case, and the quota can never be overdrawn: the counter is
 * raised by a conditional update, so two cases granted at the same moment cannot both take the last set.
 */
@Component
public class FreeSealProgramme {

  /** What a case got: a free set or not, what a set costs, and how many free sets the year has granted so far. */
  public record Grant(String caseNumber, boolean free, BigDecimal fee, int year, int grantedThisYear, int quota) {}

  private final JdbcTemplate jdbc;

  public FreeSealProgramme(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public Grant grant(String caseNumber, String creditCode, int year, int quota, BigDecimal fee, Instant now) {
    Optional<Grant> existing = byCase(caseNumber, quota);
    if (existing.isPresent()) {
      return existing.get();
    }
    jdbc.update("""
        insert into app_free_seal_quota (quota_year, quota, granted)
        select ?, ?, 0 from (values (1)) as one(x)
        where not exists (select 1 from app_free_seal_quota where quota_year = ?)
        """, year, quota, year);
    jdbc.update("update app_free_seal_quota set quota = ? where quota_year = ? and quota <> ?", quota, year, quota);
    boolean free = jdbc.update("update app_free_seal_quota set granted = granted + 1 "
        + "where quota_year = ? and granted < quota", year) == 1;
    jdbc.update("insert into app_seal_grant (case_number, holder_credit_code, quota_year, free_of_charge, fee, "
        + "granted_at) values (?, ?, ?, ?, ?, ?)", caseNumber, creditCode, year, free, fee, Timestamp.from(now));
    return byCase(caseNumber, quota).orElseThrow();
  }

  /** Free sets granted in a year (the figure the zone reports, e.g. "3,000 余套"). */
  public int grantedIn(int year) {
    Integer granted = jdbc.query("select granted from app_free_seal_quota where quota_year = ?",
        (rs, i) -> rs.getInt(1), year).stream().findFirst().orElse(0);
    return granted;
  }

  private Optional<Grant> byCase(String caseNumber, int quota) {
    return jdbc.query("select * from app_seal_grant where case_number = ?", (rs, i) -> {
      int year = rs.getInt("quota_year");
      return new Grant(rs.getString("case_number"), rs.getBoolean("free_of_charge"), rs.getBigDecimal("fee"), year,
          grantedIn(year), quota);
    }, caseNumber).stream().findFirst();
  }
}
