package cn.gaoxin.approval.operations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V70: creates Camunda's own tables on PostgreSQL from the SQL scripts shipped inside the
 * camunda-engine jar that runs here ({@code org/camunda/bpm/engine/db/create/activiti.postgres.create.*.sql}, the
 * same files the engine and Camunda's distribution use), in the engine's own order, in one transaction.
 *
 * <p>So production runs with {@code camunda.bpm.database.schema-update=false}: the schema is created and later
 * upgraded only by versioned migrations that Flyway runs once, under its lock, however many nodes start at the
 * same time; no node ever alters the schema on its own. A database whose Camunda tables already exist (created
 * by a DBA from Camunda's scripts, or by an earlier schema-update start) is adopted as it is. On the embedded H2
 * database the engine keeps creating its own tables (schema-update=true), and this migration does nothing.
 *
 * <p>Upgrading Camunda (e.g. 7.24 to 7.25) adds a migration V71+ that runs Camunda's
 * {@code org/camunda/bpm/engine/db/upgrade/postgres_engine_7.24_to_7.25.sql} the same way (see the operator guide).
 */
@Component
public class CamundaSchemaMigration implements JavaMigration {

  private static final Logger log = LoggerFactory.getLogger(CamundaSchemaMigration.class);
  /** The engine's order (DbSqlSession.dbSchemaCreate): engine, history, identity, CMMN, DMN. */
  static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
      "decision.engine", "decision.history");
  static final String SCRIPT_FOLDER = "org/camunda/bpm/engine/db/create/";

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("70");
  }

  @Override
  public String getDescription() {
    return "camunda engine schema";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
    String existing = camundaSchemaVersion(connection);
    if (existing != null) {
      log.info("Camunda 表已存在 (版本 {}), 沿用现有表结构", existing);
      return;
    }
    if (!product.contains("postgres")) {
      log.info("{} 数据库: Camunda 表由引擎自行创建 (database-schema-update)", product);
      return;
    }
    int statements = 0;
    try (Statement statement = connection.createStatement()) {
      for (String component : COMPONENTS) {
        for (String sql : statements(script("postgres", component))) {
          statement.execute(sql);
          statements++;
        }
      }
    }
    log.info("已按 Camunda 自带脚本创建引擎表结构 (PostgreSQL, {} 条语句, 版本 {})", statements,
        camundaSchemaVersion(connection));
  }

  /** The newest version recorded in ACT_GE_SCHEMA_LOG, or null when Camunda's tables do not exist. */
  static String camundaSchemaVersion(Connection connection) throws SQLException {
    boolean present;
    try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      present = false;
      while (tables.next()) {
        if ("act_ge_property".equalsIgnoreCase(tables.getString("TABLE_NAME"))
            && (connection.getSchema() == null || connection.getSchema().equalsIgnoreCase(tables.getString("TABLE_SCHEM")))) {
          present = true;
        }
      }
    }
    if (!present) {
      return null;
    }
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select VERSION_ from ACT_GE_SCHEMA_LOG order by TIMESTAMP_ desc, ID_ desc")) {
      return rs.next() ? rs.getString(1) : "?";
    } catch (SQLException e) {
      return "?";
    }
  }

  static String script(String database, String component) throws IOException {
    String name = SCRIPT_FOLDER + "activiti." + database + ".create." + component + ".sql";
    try (InputStream in = ProcessEngine.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("camunda-engine 中找不到建表脚本 " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Splits a Camunda script as the engine does: comment lines dropped, a statement ends with ';' at a line end. */
  static List<String> statements(String script) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\r?\n")) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        if (!current.toString().isBlank()) {
          result.add(current.toString().trim());
        }
        current.setLength(0);
      } else {
        current.append(trimmed).append('\n');
      }
    }
    if (!current.toString().isBlank()) {
      result.add(current.toString().trim());
    }
    return result;
  }
}
