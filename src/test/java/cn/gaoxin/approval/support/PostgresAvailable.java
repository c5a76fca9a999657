package cn.gaoxin.approval.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that must run on the real PostgreSQL (127.0.0.1:5432, or APPROVAL_TEST_PG_HOST): skips them, saying
 * why, where no server answers; otherwise recreates this checkout's test database once per test JVM (its name
 * carries a hash of the working folder, so several checkouts on one machine do not collide) and tells Spring.
 */
public class PostgresAvailable implements BeforeAllCallback {

  public static final String HOST = System.getenv().getOrDefault("APPROVAL_TEST_PG_HOST", "127.0.0.1:5432");
  public static final String USER = System.getenv().getOrDefault("APPROVAL_TEST_PG_USER", "postgres");
  public static final String DATABASE =
      "approval_test_" + Integer.toHexString(Path.of("").toAbsolutePath().toString().hashCode());

  private static Boolean ready;
  private static String whyNot;

  @Override
  public void beforeAll(ExtensionContext context) {
    synchronized (PostgresAvailable.class) {
      if (ready == null) {
        prepare();
      }
    }
    if (!ready) {
      System.out.println("[PostgreSQL] 跳过 " + context.getDisplayName() + ": " + whyNot);
    }
    Assumptions.assumeTrue(ready, () -> "PostgreSQL 不可用, 跳过: " + whyNot);
    System.setProperty("approval.test.pg-database", DATABASE);
  }

  private static void prepare() {
    Properties props = new Properties();
    props.setProperty("user", USER);
    props.setProperty("password", System.getenv().getOrDefault("APPROVAL_TEST_PG_PASSWORD", ""));
    props.setProperty("connectTimeout", "3");
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", props);
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + DATABASE + " with (force)");
      s.execute("create database " + DATABASE);
      ready = true;
      System.out.println("[PostgreSQL] 使用数据库 " + DATABASE + " @ " + HOST);
    } catch (SQLException e) {
      ready = false;
      whyNot = "无法连接 " + HOST + " (" + e.getMessage() + ")";
    }
  }
}
