package cn.gaoxin.approval.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The performance benchmark (BENCHMARKS.md): one command, {@code mvn -B -Pbenchmark verify}, runs every part and
 * prints one table, also written to {@code target/benchmark/results.md}. Not part of {@code mvn test} (Failsafe, in
 * the {@code benchmark} profile only). It asserts nothing about speed: goals are reported, not enforced; it fails
 * only when a part could not run.
 *
 * <p>Order: the commit ceiling on an idle server; throughput on H2 (application and bare engine on fresh files);
 * on PostgreSQL throughput, then latency, then audit growth on the same application database (the mix's cases
 * are the templates of the generated history); last the start-up of the jar.
 */
class PlatformBenchmarkIT {

  @Test
  void benchmark() throws Exception {
    BenchSettings settings = BenchSettings.fromSystemProperties();
    Files.createDirectories(settings.output());
    BenchDatabases databases = new BenchDatabases(settings);
    BenchContexts contexts = new BenchContexts(settings);
    BenchReport report = new BenchReport(settings, databases);
    List<String> failed = new ArrayList<>();
    System.out.println("[bench] " + settings.describe());

    if (settings.runs("ceiling")) {
      part(failed, report, "ceiling", () -> report.ceiling(new CommitCeilingBench(settings, databases).run()));
    }
    if (settings.runs("throughput") && settings.on("h2")) {
      part(failed, report, "throughput on H2", () -> {
        try (ConfigurableApplicationContext app = contexts.application(databases.freshH2("application"), false);
            ConfigurableApplicationContext bare = contexts.bareEngine(databases.freshH2("bare-engine"), false)) {
          report.throughput(new ThroughputBench(settings).run("H2 (file, embedded default)", app, bare, null, null));
        }
      });
    }
    boolean pgParts = settings.on("postgresql")
        && (settings.runs("throughput") || settings.runs("latency") || settings.runs("audit"));
    if (pgParts) {
      part(failed, report, "PostgreSQL", () -> {
        String appDb = "approval_bench";
        String bareDb = "approval_bench_bare";
        try (ConfigurableApplicationContext app = contexts.application(databases.freshPostgres(appDb), true)) {
          List<String> templates = new ArrayList<>();
          if (settings.runs("throughput")) {
            part(failed, report, "throughput on PostgreSQL", () -> {
              try (ConfigurableApplicationContext bare = contexts.bareEngine(databases.freshPostgres(bareDb), true)) {
                ThroughputBench.Result result = new ThroughputBench(settings).run("PostgreSQL 15 (local)", app, bare,
                    () -> databases.snapshot(appDb), () -> databases.snapshot(bareDb));
                templates.addAll(result.mixRootIds());
                report.throughput(result);
              } finally {
                databases.dropPostgres(bareDb);
              }
            });
          }
          if (settings.runs("latency")) {
            part(failed, report, "latency", () -> report.latency(new LatencyBench(settings).run(app)));
          }
          if (settings.runs("audit")) {
            part(failed, report, "audit growth", () -> report.audit(new AuditGrowthBench(settings).run(app, templates)));
          }
        } finally {
          databases.dropPostgres(appDb); // several GB after the audit part
        }
      });
    }
    if (settings.runs("startup")) {
      part(failed, report, "start-up", () -> report.startup(new StartupBench(settings).run()));
    }

    String table = report.render(failed);
    Path file = settings.output().resolve("results.md");
    Files.writeString(file, table, StandardCharsets.UTF_8);
    System.out.println();
    System.out.println(table);
    System.out.println("[bench] written to " + file.toAbsolutePath());
    assertThat(failed).as("benchmark parts that could not run").isEmpty();
  }

  interface Part {
    void run() throws Exception;
  }

  private static void part(List<String> failed, BenchReport report, String name, Part part) {
    System.out.println("[bench] " + name + " …");
    long t0 = System.nanoTime();
    try {
      part.run();
      System.out.printf("[bench] %s done in %.0f s%n", name, (System.nanoTime() - t0) / 1e9);
    } catch (Throwable e) {
      failed.add(name + ": " + e);
      System.out.println("[bench] " + name + " FAILED: " + e);
      e.printStackTrace(System.out);
    }
  }
}
