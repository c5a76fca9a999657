package cn.gaoxin.approval.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the parts' results and renders the one table (Markdown) the benchmark prints and writes. */
final class BenchReport {

  private final BenchSettings settings;
  private final BenchDatabases databases;
  private final String startedAt = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  private final String loadBefore = load();
  private final List<ThroughputBench.Result> throughput = new ArrayList<>();
  private List<LatencyBench.Level> latency;
  private List<AuditGrowthBench.Level> audit;
  private List<StartupBench.Start> startup;
  private CommitCeilingBench.Result ceiling;

  BenchReport(BenchSettings settings, BenchDatabases databases) {
    this.settings = settings;
    this.databases = databases;
  }

  void throughput(ThroughputBench.Result r) {
    throughput.add(r);
  }

  void latency(List<LatencyBench.Level> levels) {
    latency = levels;
  }

  void audit(List<AuditGrowthBench.Level> levels) {
    audit = levels;
  }

  void startup(List<StartupBench.Start> starts) {
    startup = starts;
  }

  void ceiling(CommitCeilingBench.Result r) {
    ceiling = r;
  }

  String render(List<String> failed) {
    StringBuilder out = new StringBuilder();
    out.append("# Benchmark run ").append(startedAt).append(settings.quick() ? " (quick mode)" : "").append("\n\n");
    out.append("- machine: ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ").append(memory()).append("; load average at start ").append(loadBefore)
        .append(", at end ").append(load()).append('\n');
    out.append("- Java ").append(System.getProperty("java.version")).append(" (").append(System.getProperty("java.vm.name"))
        .append("), benchmark JVM max heap ").append(Runtime.getRuntime().maxMemory() / 1048576).append(" MiB; ")
        .append("PostgreSQL ").append(databases.pgVersion()).append('\n');
    out.append("- command: `mvn -B -Pbenchmark verify").append(settings.quick() ? " -Dbench.quick=true" : "")
        .append("`; settings: ").append(settings.describe()).append("\n\n");

    if (!throughput.isEmpty()) {
      out.append("## 1. Throughput: reform mix against the bare engine (one thread, history FULL)\n\n");
      out.append("| database | reforms in the mix | mix cases (process instances) | mix cases/s | baseline cases/s "
          + "| **ratio mix ÷ baseline** (goal ≥ 0.90) | baseline with the same data, cases/s | ratio mix ÷ baseline "
          + "with the same data | commits per case: mix / baseline / with data |\n");
      out.append("|---|---|---|---|---|---|---|---|---|\n");
      for (ThroughputBench.Result r : throughput) {
        out.append(String.format(Locale.ROOT,
            "| %s | %d | %d (%d; %d failed) in %.0f s | %.2f | %.2f | **%.2f** (%s) | %.2f | %.2f | %s |%n",
            r.database(), r.reforms(), r.mix().cases(), r.mix().instances(), r.mix().failures(), r.mix().seconds(),
            r.mix().perSecond(), r.bare().perSecond(), r.ratio(), r.ratio() >= 0.90 ? "met" : "missed",
            r.bareData().perSecond(), r.ratioSameData(),
            r.mix().commits() == 0 ? "–" : String.format(Locale.ROOT, "%.1f / %.1f / %.1f",
                (double) r.mix().commits() / r.mix().cases(), (double) r.bare().commits() / r.bare().cases(),
                (double) r.bareData().commits() / r.bareData().cases())));
      }
      ThroughputBench.Result shown = throughput.get(throughput.size() - 1);
      out.append("\nWhat a case executed, per reform (averages per case, read back from each engine's history, ")
          .append(shown.database()).append("); reforms deployed without a driver, not in the mix: ")
          .append(shown.reformsWithoutDriver().isEmpty() ? "none" : String.join(", ", shown.reformsWithoutDriver()))
          .append("\n\n");
      out.append("| reform | side | cases | user tasks | service tasks | gateways | async steps | timers fired "
          + "| timers not fired | messages received | message waits unused | call activities | activities |\n");
      out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
      shown.shapes().forEach((reform, sides) -> sides.forEach((side, sums) -> {
        out.append("| ").append(reform).append(" | ").append(side).append(" | ").append((long) sums[10]);
        for (int i = 0; i < 10; i++) {
          out.append(String.format(Locale.ROOT, " | %.2f", sums[i] / sums[10]));
        }
        out.append(" |\n");
      }));
      ThroughputBench.Result pgRun = throughput.stream().filter(r -> !r.mixWrites().writes().isEmpty()).findFirst()
          .orElse(null);
      if (pgRun != null) {
        out.append("\nWhere the writes go (").append(pgRun.database()).append("): rows written per mix case, "
            + "inserted + updated + deleted, from PostgreSQL's table statistics over the measured rounds; "
            + "top tables of the mix\n\n");
        out.append("| table | mix ins / upd / del | baseline ins / upd / del | baseline with the same data |\n"
            + "|---|---|---|---|\n");
        double cases = pgRun.mix().cases();
        java.util.Map<String, long[]> mixW = pgRun.mixWrites().writes();
        java.util.Map<String, long[]> bareW = pgRun.bareWrites().writes();
        java.util.Map<String, long[]> dataW = pgRun.bareDataWrites().writes();
        long[] dataSum = new long[3];
        dataW.values().forEach(w -> { for (int i = 0; i < 3; i++) { dataSum[i] += w[i]; } });
        long[] mixSum = new long[3];
        long[] bareSum = new long[3];
        mixW.values().forEach(w -> { for (int i = 0; i < 3; i++) { mixSum[i] += w[i]; } });
        bareW.values().forEach(w -> { for (int i = 0; i < 3; i++) { bareSum[i] += w[i]; } });
        mixW.entrySet().stream()
            .sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1] + b.getValue()[2],
                a.getValue()[0] + a.getValue()[1] + a.getValue()[2]))
            .limit(18).forEach(e -> out.append("| ").append(e.getKey()).append(" | ")
                .append(perCase(e.getValue(), cases)).append(" | ")
                .append(perCase(bareW.getOrDefault(e.getKey(), new long[3]), cases)).append(" | ")
                .append(perCase(dataW.getOrDefault(e.getKey(), new long[3]), cases)).append(" |\n"));
        out.append("| **all tables** | **").append(perCase(mixSum, cases)).append("** | **")
            .append(perCase(bareSum, cases)).append("** | **").append(perCase(dataSum, cases)).append("** |\n");
      }
      if (!shown.failures().isEmpty()) {
        out.append("\nFailed mix cases (first 5): ").append(String.join("; ",
            shown.failures().subList(0, Math.min(5, shown.failures().size())))).append('\n');
      }
      out.append('\n');
    }

    if (latency != null) {
      out.append("## 2. Latency under concurrency (PostgreSQL, closed loop without think time, ms)\n\n");
      out.append("| clerk threads | cases/s | operation | calls | p50 | p95 | p99 | max | errors |\n");
      out.append("|---|---|---|---|---|---|---|---|---|\n");
      for (LatencyBench.Level level : latency) {
        level.operations().forEach((op, l) -> out.append(String.format(Locale.ROOT,
            "| %d | %.1f | %s | %d | %.1f | %.1f | %s | %.1f | %d |%n", level.threads(), level.cases() / level.seconds(),
            op, l.count(), l.median(), l.millis(0.95),
            op.equals("complete-task") && level.threads() == 16
                ? String.format(Locale.ROOT, "**%.1f** (goal < 100: %s)", l.millis(0.99),
                    l.millis(0.99) < 100 ? "met" : "missed")
                : String.format(Locale.ROOT, "%.1f", l.millis(0.99)),
            l.max(), level.errors())));
      }
      out.append("\nWhat the machine did meanwhile: CPU busy over the measured seconds (whole machine, all cores, from "
          + "/proc/stat), the benchmark JVM's share of the machine's capacity (the rest is PostgreSQL and everything "
          + "else), and the time the application's threads waited for a pooled database connection per clerk call\n\n");
      out.append("| clerk threads | CPU busy (machine) | of it the benchmark JVM | connection wait per call (ms) |\n");
      out.append("|---|---|---|---|\n");
      for (LatencyBench.Level level : latency) {
        out.append(String.format(Locale.ROOT, "| %d | %.0f %% | %.0f %% | %.1f |%n", level.threads(),
            level.cpuBusy() * 100, level.jvmCpu() * 100, level.connectionWaitMsPerCall()));
      }
      out.append('\n');
    }

    if (audit != null) {
      out.append("## 3. Audit reads as history grows (PostgreSQL; median / max of ")
          .append(settings.auditRepetitions()).append(" runs, ms; goal < 2000 at 1M)\n\n");
      out.append("| historic cases | with engine history | generated in s");
      AuditGrowthBench.MEASURES.forEach(m -> out.append(" | ").append(m));
      out.append(" |\n|---|---|---");
      AuditGrowthBench.MEASURES.forEach(m -> out.append("|---"));
      out.append("|\n");
      for (AuditGrowthBench.Level level : audit) {
        out.append(String.format(Locale.ROOT, "| %,d | %,d | %.0f", level.cases(), level.casesWithHistory(),
            level.generationSeconds()));
        level.measures().forEach((m, l) -> out.append(String.format(Locale.ROOT, " | %.1f / %.1f", l.median(),
            l.max())));
        out.append(" |\n");
      }
      out.append('\n');
    }

    if (startup != null) {
      out.append("## 4. Start-up of the jar on the embedded default (H2 file, `java -jar`, no JVM options)\n\n");
      out.append("| start | JVM launch → health UP (s) | \"Started in\" (s) | resident memory (MiB) "
          + "| heap used after full GC (MiB) | max heap (MiB) | SIGTERM → exit (s) |\n");
      out.append("|---|---|---|---|---|---|---|\n");
      for (StartupBench.Start s : startup) {
        out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %d | %.0f | %d | %.1f |%n", s.label(),
            s.secondsToUp(), s.startedInSeconds(), s.rssMiB(), s.heapAfterGcMiB(), s.heapMaxMiB(),
            s.shutdownSeconds()));
      }
      out.append('\n');
    }

    if (ceiling != null) {
      out.append("## 5. PostgreSQL commit ceiling (same machine, same run)\n\n");
      out.append("| threads | JDBC single-row insert + commit (commits/s) | pgbench TPC-B-like (tps) |\n|---|---|---|\n");
      ceiling.jdbcCommitsPerSecond().forEach((threads, cps) -> out.append(String.format(Locale.ROOT,
          "| %d | %.0f | %s |%n", threads, cps, ceiling.pgbenchTps().containsKey(threads)
              ? String.format(Locale.ROOT, "%.0f", ceiling.pgbenchTps().get(threads)) : "n/a")));
      ThroughputBench.Result pg = throughput.stream().filter(r -> r.mix().commits() > 0).findFirst().orElse(null);
      Double one = ceiling.jdbcCommitsPerSecond().get(1);
      if (pg != null && one != null) {
        double commitsPerCase = (double) pg.mix().commits() / pg.mix().cases();
        out.append(String.format(Locale.ROOT, "%nMix on PostgreSQL, one thread: %.1f cases/s with %.1f commits per case "
                + "= %.0f commits/s, **%.0f %% of the one-thread commit rate** (%.0f/s); the commit-bound ceiling for "
                + "one thread would be %.1f cases/s, so the mix runs at %.0f %% of it.%n",
            pg.mix().perSecond(), commitsPerCase, pg.mix().perSecond() * commitsPerCase,
            100 * pg.mix().perSecond() * commitsPerCase / one, one, one / commitsPerCase,
            100 * pg.mix().perSecond() / (one / commitsPerCase)));
      }
      if (latency != null && !latency.isEmpty()) {
        LatencyBench.Level top = latency.get(latency.size() - 1);
        Double many = ceiling.jdbcCommitsPerSecond().get(top.threads());
        if (many != null) {
          out.append(String.format(Locale.ROOT, "Clerk load at %d threads: %.1f cases/s against %.0f commits/s at %d "
              + "threads.%n", top.threads(), top.cases() / top.seconds(), many, top.threads()));
        }
      }
      out.append('\n');
    }
    if (!failed.isEmpty()) {
      out.append("## Parts that failed\n\n");
      failed.forEach(f -> out.append("- ").append(f).append('\n'));
    }
    return out.toString();
  }

  private static String perCase(long[] w, double cases) {
    return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", w[0] / cases, w[1] / cases, w[2] / cases);
  }

  private static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (Exception e) {
      return "n/a";
    }
  }

  private static String cpu() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("cpu n/a");
    } catch (Exception e) {
      return "cpu n/a";
    }
  }

  private static String memory() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576 + " GiB RAM").orElse("");
    } catch (Exception e) {
      return "";
    }
  }
}
