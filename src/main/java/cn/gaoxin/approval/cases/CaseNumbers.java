package cn.gaoxin.approval.cases;

import cn.gaoxin.approval.calendar.EngineClock;
import java.sql.DatabaseMetaData;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/** Issues case numbers such as {@code GX-2026-000123}: prefix, year of acceptance, a zone-wide sequence. */
@Component
public class CaseNumbers {

  private final JdbcTemplate jdbc;
  private final EngineClock clock;
  private final String prefix;
  private final String nextValueSql;
  private final Pattern format;

  public CaseNumbers(DataSource dataSource, EngineClock clock,
      @Value("${approval.case-number.prefix:GX}") String prefix) throws Exception {
    this.jdbc = new JdbcTemplate(dataSource);
    this.clock = clock;
    this.prefix = prefix;
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.nextValueSql = product.toLowerCase().contains("postgres")
        ? "select nextval('app_case_number_seq')"
        : "select next value for app_case_number_seq";
    this.format = Pattern.compile(Pattern.quote(prefix) + "-\\d{4}-\\d{6,}");
  }

  public String next() {
    Long value = jdbc.queryForObject(nextValueSql, Long.class);
    return String.format("%s-%d-%06d", prefix, clock.today().getYear(), value);
  }

  public boolean looksLikeCaseNumber(String candidate) {
    return candidate != null && format.matcher(candidate).matches();
  }
}
