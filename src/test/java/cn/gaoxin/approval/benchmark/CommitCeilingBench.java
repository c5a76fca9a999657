package cn.gaoxin.approval.benchmark;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part 5: what PostgreSQL on this machine can commit at all, measured in the same run: a JDBC loop of single-row
 * insert + commit at 1, 4 and 16 threads (each with its own connection), and pgbench's TPC-B-like transaction where
 * pgbench is installed (on PATH or /usr/lib/postgresql/N/bin). Both on a throw-away database.
 */
final class CommitCeilingBench {

  static final String DATABASE = "approval_bench_ceiling";
  static final List<Integer> THREADS = List.of(1, 4, 16);

  record Result(Map<Integer, Double> jdbcCommitsPerSecond, Map<Integer, Double> pgbenchTps, String pgbench) {}

  private final BenchSettings settings;
  private final BenchDatabases databases;

  CommitCeilingBench(BenchSettings settings, BenchDatabases databases) {
    this.settings = settings;
    this.databases = databases;
  }

  Result run() throws Exception {
    databases.freshPostgres(DATABASE);
    try {
      try (Connection c = databases.pg(DATABASE); Statement s = c.createStatement()) {
        s.execute("create table commit_probe (id bigserial primary key, thread int not null, "
            + "at timestamp not null default now())");
      }
      Map<Integer, Double> jdbc = new LinkedHashMap<>();
      for (int threads : THREADS) {
        jdbc.put(threads, jdbcLoop(threads));
        System.out.printf("[bench] ceiling: JDBC insert+commit, %d threads: %.0f commits/s%n", threads,
            jdbc.get(threads));
      }
      Map<Integer, Double> pgbench = new LinkedHashMap<>();
      String binary = pgbench();
      if (binary != null) {
        String[] hostPort = settings.pgHost().split(":");
        List<String> base = List.of(binary, "-h", hostPort[0], "-p", hostPort.length > 1 ? hostPort[1] : "5432",
            "-U", settings.pgUser());
        exec(concat(base, "-i", "-q", "-s", "1", DATABASE));
        for (int threads : THREADS) {
          String out = exec(concat(base, "-n", "-c", String.valueOf(threads), "-j", String.valueOf(Math.min(threads, 2)),
              "-T", String.valueOf(settings.ceilingSeconds()), DATABASE));
          Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
          if (m.find()) {
            pgbench.put(threads, Double.parseDouble(m.group(1)));
            System.out.printf("[bench] ceiling: pgbench TPC-B-like, %d clients: %.0f tps%n", threads,
                pgbench.get(threads));
          }
        }
      }
      return new Result(jdbc, pgbench, binary);
    } finally {
      databases.dropPostgres(DATABASE);
    }
  }

  private double jdbcLoop(int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long deadline = System.nanoTime() + settings.ceilingSeconds() * 1_000_000_000L;
    long start = System.nanoTime();
    List<Future<Long>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        long commits = 0;
        try (Connection c = databases.pg(DATABASE);
            PreparedStatement insert = c.prepareStatement("insert into commit_probe (thread) values (?)")) {
          c.setAutoCommit(false);
          while (System.nanoTime() < deadline) {
            insert.setInt(1, thread);
            insert.executeUpdate();
            c.commit();
            commits++;
          }
        }
        return commits;
      }));
    }
    long total = 0;
    for (Future<Long> f : futures) {
      total += f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return total / seconds;
  }

  private static String pgbench() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "pgbench"))) {
        return Path.of(dir, "pgbench").toString();
      }
    }
    File[] versions = new File("/usr/lib/postgresql").listFiles();
    if (versions != null) {
      for (File v : versions) {
        File candidate = new File(v, "bin/pgbench");
        if (candidate.canExecute()) {
          return candidate.getPath();
        }
      }
    }
    return null;
  }

  private String exec(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", settings.pgPassword());
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(settings.ceilingSeconds() + 120L, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("pgbench failed: " + out);
    }
    return out;
  }

  private static List<String> concat(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }
}
