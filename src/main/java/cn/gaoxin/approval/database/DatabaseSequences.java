package cn.gaoxin.approval.database;

import java.sql.DatabaseMetaData;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Next values of the application's database sequences (case numbers, licence numbers), in the dialect of the
 * database in use: PostgreSQL's nextval() or the SQL standard NEXT VALUE FOR (H2). Sequences never block
 * concurrent transactions; a value drawn by a rolled-back transaction is not reused.
 */
@Component
public class DatabaseSequences {

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  public DatabaseSequences(DataSource dataSource) throws MetaDataAccessException {
    this.jdbc = new JdbcTemplate(dataSource);
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.postgres = product.toLowerCase().contains("postgres");
  }

  public long next(String sequence) {
    if (!NAME.matcher(sequence).matches()) {
      throw new IllegalArgumentException("不合法的序列名: " + sequence);
    }
    String sql = postgres ? "select nextval('" + sequence + "')" : "select next value for " + sequence;
    return jdbc.queryForObject(sql, Long.class);
  }
}
