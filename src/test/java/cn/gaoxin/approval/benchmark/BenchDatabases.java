package cn.gaoxin.approval.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The databases the benchmark runs on, each created fresh for the run: H2 files in a folder under the output
 * folder (the embedded default's URL options), and PostgreSQL databases {@code approval_bench*} on the local server.
 */
final class BenchDatabases {

  static final String H2_OPTIONS = ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE"; // as application.yaml

  private final BenchSettings settings;

  BenchDatabases(BenchSettings settings) {
    this.settings = settings;
  }

  /** A fresh H2 file database in {@code output/h2/<name>/}, with the URL options of the embedded default. */
  String freshH2(String name) {
    Path dir = settings.output().resolve("h2").resolve(name).toAbsolutePath();
    deleteTree(dir);
    return "jdbc:h2:file:" + dir.resolve("approval") + H2_OPTIONS;
  }

  String pgUrl(String database) {
    return "jdbc:postgresql://" + settings.pgHost() + "/" + database;
  }

  /** Drops and creates the PostgreSQL database; returns its JDBC URL. */
  String freshPostgres(String database) {
    try (Connection c = pgAdmin(); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + database + " with (force)");
      s.execute("create database " + database);
      return pgUrl(database);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL " + settings.pgHost() + " 不可用: " + e.getMessage(), e);
    }
  }

  void dropPostgres(String database) {
    try (Connection c = pgAdmin(); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + database + " with (force)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  Connection pg(String database) throws SQLException {
    return DriverManager.getConnection(pgUrl(database), credentials());
  }

  private Connection pgAdmin() throws SQLException {
    return pg("postgres");
  }

  Properties credentials() {
    Properties props = new Properties();
    props.setProperty("user", settings.pgUser());
    props.setProperty("password", settings.pgPassword());
    props.setProperty("connectTimeout", "5");
    return props;
  }

  /** What PostgreSQL counted for one database so far: transactions committed, and rows written per table. */
  record Snapshot(long commits, java.util.Map<String, long[]> writes) {

    /** This minus an earlier snapshot: commits, and per table {inserted, updated, deleted}. */
    Snapshot minus(Snapshot before) {
      java.util.Map<String, long[]> delta = new java.util.TreeMap<>();
      writes.forEach((table, w) -> {
        long[] b = before.writes.getOrDefault(table, new long[3]);
        long[] d = {w[0] - b[0], w[1] - b[1], w[2] - b[2]};
        if (d[0] + d[1] + d[2] > 0) {
          delta.put(table, d);
        }
      });
      return new Snapshot(commits - before.commits, delta);
    }

    Snapshot plus(Snapshot other) {
      java.util.Map<String, long[]> sum = new java.util.TreeMap<>(writes);
      other.writes.forEach((table, w) -> sum.merge(table, w, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1],
          a[2] + b[2]}));
      return new Snapshot(commits + other.commits, sum);
    }

    static final Snapshot EMPTY = new Snapshot(0, java.util.Map.of());
  }

  /** The database's counters now (PostgreSQL's statistics; backends flush them within a second or two). */
  Snapshot snapshot(String database) {
    try {
      Thread.sleep(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    java.util.Map<String, long[]> writes = new java.util.TreeMap<>();
    long commits;
    try (Connection admin = pgAdmin(); Statement s = admin.createStatement();
        ResultSet rs = s.executeQuery("select xact_commit from pg_stat_database where datname = '" + database + "'")) {
      commits = rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    try (Connection c = pg(database); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables")) {
      while (rs.next()) {
        writes.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new Snapshot(commits, writes);
  }

  String pgVersion() {
    try (Connection c = pgAdmin(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select current_setting('server_version') || ', shared_buffers '"
            + " || current_setting('shared_buffers') || ', synchronous_commit ' || current_setting('synchronous_commit')"
            + " || ', max_connections ' || current_setting('max_connections')")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      return "n/a (" + e.getMessage() + ")";
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
