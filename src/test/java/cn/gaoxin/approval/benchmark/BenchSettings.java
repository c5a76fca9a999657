package cn.gaoxin.approval.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark's parameters, all {@code -Dbench.*} system properties (Maven passes {@code -D} through to the
 * benchmark JVM). Defaults give the full run (about 20 minutes on the 2-core machine); {@code -Dbench.quick=true}
 * shrinks every part to a smoke run of a few minutes. Any single value can still be set explicitly.
 */
record BenchSettings(boolean quick, Set<String> parts, List<String> databases, String pgHost, String pgUser,
    String pgPassword, int throughputCases, int throughputWarmup, int throughputRounds, List<Integer> latencyThreads,
    int latencySeconds, int latencyWarmupSeconds, List<Integer> auditSizes, int auditHistoryCap, int auditRepetitions,
    int ceilingSeconds, Path jar, Path output, long seed) {

  static final List<String> ALL_PARTS = List.of("throughput", "latency", "audit", "startup", "ceiling");

  static BenchSettings fromSystemProperties() {
    boolean quick = Boolean.getBoolean("bench.quick");
    return new BenchSettings(quick,
        Set.copyOf(strings("bench.parts", String.join(",", ALL_PARTS))),
        strings("bench.databases", "h2,postgresql"),
        System.getProperty("bench.pg.host", System.getenv().getOrDefault("APPROVAL_TEST_PG_HOST", "127.0.0.1:5432")),
        System.getProperty("bench.pg.user", System.getenv().getOrDefault("APPROVAL_TEST_PG_USER", "postgres")),
        System.getProperty("bench.pg.password", System.getenv().getOrDefault("APPROVAL_TEST_PG_PASSWORD", "")),
        integer("bench.throughput.cases", quick ? 40 : 400),
        integer("bench.throughput.warmup", quick ? 20 : 150),
        integer("bench.throughput.rounds", quick ? 1 : 3),
        integers("bench.latency.threads", "1,4,16"),
        integer("bench.latency.seconds", quick ? 6 : 60),
        integer("bench.latency.warmup", quick ? 2 : 10),
        integers("bench.audit.sizes", quick ? "2000,10000" : "10000,100000,1000000"),
        integer("bench.audit.history-cap", quick ? 10_000 : 100_000),
        integer("bench.audit.repetitions", quick ? 3 : 5),
        integer("bench.ceiling.seconds", quick ? 3 : 10),
        Path.of(System.getProperty("bench.jar", "target/approval-platform-0.1.0-SNAPSHOT.jar")),
        Path.of(System.getProperty("bench.output", "target/benchmark")),
        Long.getLong("bench.seed", 20260101L));
  }

  boolean runs(String part) {
    return parts.contains(part);
  }

  boolean on(String database) {
    return databases.contains(database);
  }

  /** The -D values as one line, for the report. */
  String describe() {
    return "quick=" + quick + ", parts=" + ALL_PARTS.stream().filter(parts::contains).toList() + ", databases="
        + databases + ", throughput.cases=" + throughputCases + " (warm-up " + throughputWarmup + ", rounds "
        + throughputRounds + "), latency.threads=" + latencyThreads + " × " + latencySeconds + " s (warm-up "
        + latencyWarmupSeconds + " s), audit.sizes=" + auditSizes + " (history-cap " + auditHistoryCap
        + ", repetitions " + auditRepetitions + "), ceiling.seconds=" + ceilingSeconds + ", seed=" + seed;
  }

  private static int integer(String name, int otherwise) {
    return Integer.parseInt(System.getProperty(name, String.valueOf(otherwise)).replace("_", "").trim());
  }

  private static List<String> strings(String name, String otherwise) {
    return Arrays.stream(System.getProperty(name, otherwise).split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .map(s -> s.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toList());
  }

  private static List<Integer> integers(String name, String otherwise) {
    return strings(name, otherwise).stream().map(s -> Integer.parseInt(s.replace("_", ""))).toList();
  }
}
