package cn.gaoxin.approval.benchmark;

import cn.gaoxin.approval.audit.simulation.DemoHistory;
import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.calendar.EngineClock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Part 1: end-to-end cases per second of the reform mix against the bare engine, on one database.
 *
 * <p>The mix is every {@link ReformDriver} bean present, with an equal share of cases per reform and scenarios by
 * the drivers' weights ({@link DemoHistory#plan}); cases are played by {@link DemoHistory#run} as applicants and
 * clerks would (start through the applicant service, claim and complete as department members with authorization
 * on, messages correlated, timers fired with the engine clock moved, async steps run right after each action).
 * After each mix round the shapes of its cases are read from history and the baseline plays exactly as many bare
 * cases of exactly those shapes ({@link BareModels}) on the bare engine. Rounds alternate mix, baseline, mix, …
 * after one unmeasured warm-up of each; both job executors are paused throughout (the harness runs the jobs).
 */
final class ThroughputBench {

  /**
   * @param cases the mix's cases (played by the drivers); for the baseline the same number: it executes the work
   *     those cases caused, so its cases/s is "mix cases per second of bare-engine time"
   * @param instances top-level process instances executed (a mix case may start others, e.g. its follow-up)
   */
  record Round(int cases, int instances, double seconds, int failures, long commits) {
    double perSecond() {
      return cases / seconds;
    }
  }

  /**
   * @param mixWrites / bareWrites what PostgreSQL counted in each database over the measured rounds (else EMPTY)
   */
  record Result(String database, int reforms, List<String> reformsWithoutDriver, Round mix, Round bare,
      Round bareData, Map<String, Map<String, double[]>> shapes, List<String> failures, List<String> mixRootIds,
      BenchDatabases.Snapshot mixWrites, BenchDatabases.Snapshot bareWrites, BenchDatabases.Snapshot bareDataWrites) {
    double ratio() {
      return mix.perSecond() / bare.perSecond();
    }

    double ratioSameData() {
      return mix.perSecond() / bareData.perSecond();
    }
  }

  private final BenchSettings settings;

  ThroughputBench(BenchSettings settings) {
    this.settings = settings;
  }

  /**
   * @param countersApp PostgreSQL's counters of the application's database, or null (H2)
   * @param countersBare the same for the bare engine's database, or null
   */
  Result run(String database, ConfigurableApplicationContext app, ConfigurableApplicationContext bare,
      Supplier<BenchDatabases.Snapshot> countersApp, Supplier<BenchDatabases.Snapshot> countersBare) {
    ProcessEngine appEngine = app.getBean(ProcessEngine.class);
    ProcessEngine bareEngine = bare.getBean(ProcessEngine.class);
    DemoHistory demo = app.getBean(DemoHistory.class);
    EngineClock clock = app.getBean(EngineClock.class);
    Set<String> driverKeys = new HashSet<>();
    app.getBeansOfType(ReformDriver.class).values().forEach(d -> driverKeys.add(d.processKey()));
    List<String> deployed = demo.deployedReforms();
    List<String> played = deployed.stream().filter(driverKeys::contains).toList();
    List<String> withoutDriver = deployed.stream().filter(k -> !driverKeys.contains(k)).toList();
    if (played.isEmpty()) {
      throw new IllegalStateException("没有任何已部署改革流程的模拟驱动 (ReformDriver)");
    }
    boolean appPaused = BenchContexts.pauseJobExecutor(appEngine);
    boolean barePaused = BenchContexts.pauseJobExecutor(bareEngine);
    BareModels bareModels = new BareModels();
    CaseShapes appShapes = new CaseShapes(appEngine);
    int[] bareCounter = {0};
    List<String> failures = new ArrayList<>();
    List<String> mixRoots = new ArrayList<>();
    List<String> bareRoots = new ArrayList<>();
    Map<String, String> reformOfRoot = new LinkedHashMap<>();
    Round mixTotal = new Round(0, 0, 0, 0, 0);
    Round bareTotal = new Round(0, 0, 0, 0, 0);
    Round bareDataTotal = new Round(0, 0, 0, 0, 0);
    BenchDatabases.Snapshot bareDataWrites = BenchDatabases.Snapshot.EMPTY;
    Map<String, Map<String, double[]>> table = new TreeMap<>();
    BenchDatabases.Snapshot mixWrites = BenchDatabases.Snapshot.EMPTY;
    BenchDatabases.Snapshot bareWrites = BenchDatabases.Snapshot.EMPTY;
    try {
      for (int round = 0; round <= settings.throughputRounds(); round++) {
        boolean warmUp = round == 0;
        int total = warmUp ? settings.throughputWarmup() : settings.throughputCases();
        int perReform = Math.max(1, (int) Math.ceil((double) total / played.size()));
        Set<String> before = rootIds(appEngine);
        List<PlannedCase> plan = demo.plan(perReform, settings.seed() + round, clock.today(), 120);
        BenchDatabases.Snapshot c0 = countersApp == null ? null : countersApp.get();
        long t0 = System.nanoTime();
        DemoHistory.Report report = demo.run(plan, settings.seed() + round);
        double mixSeconds = (System.nanoTime() - t0) / 1e9;
        BenchDatabases.Snapshot mixDelta = countersApp == null ? BenchDatabases.Snapshot.EMPTY
            : countersApp.get().minus(c0);
        List<String> roots = new ArrayList<>(rootIds(appEngine));
        roots.removeAll(before);
        Map<String, CaseShapes.Shaped> shapes = appShapes.read(roots);
        bareModels.deploy(bareEngine, shapes.values().stream().map(CaseShapes.Shaped::shape).toList());
        Side plain = playBare(bareEngine, shapes, bareCounter, false, countersBare);
        Side data = playBare(bareEngine, shapes, bareCounter, true, countersBare);
        double bareSeconds = plain.seconds();
        System.out.printf("[bench] %s %s: mix %d cases (%d process instances) in %.1f s = %.2f cases/s, %d failed; "
                + "baseline of the same %d instances in %.1f s = %.2f cases/s%n",
            database, warmUp ? "warm-up" : "round " + round, report.total(), shapes.size(), mixSeconds,
            report.total() / mixSeconds, report.failures().size(), shapes.size(), bareSeconds,
            report.total() / bareSeconds);
        System.out.printf("[bench] %s %s: baseline with the same data in %.1f s = %.2f cases/s%n", database,
            warmUp ? "warm-up" : "round " + round, data.seconds(), report.total() / data.seconds());
        if (!warmUp) {
          // cases counted as the cases that ran (a failed case leaves a partial case behind: it counts as failed)
          mixTotal = add(mixTotal, new Round(report.total(), shapes.size(), mixSeconds, report.failures().size(),
              mixDelta.commits()));
          bareTotal = add(bareTotal, new Round(report.total(), shapes.size(), bareSeconds, 0,
              plain.counters().commits()));
          bareDataTotal = add(bareDataTotal, new Round(report.total(), shapes.size(), data.seconds(), 0,
              data.counters().commits()));
          mixWrites = mixWrites.plus(mixDelta);
          bareWrites = bareWrites.plus(plain.counters());
          bareDataWrites = bareDataWrites.plus(data.counters());
          failures.addAll(report.failures());
          mixRoots.addAll(shapes.keySet());
          shapes.forEach((root, s) -> reformOfRoot.put(root, s.reform()));
          bareRoots.addAll(plain.ids());
        }
      }
      // what each side executed, per reform, read back from each engine's history (before the job executors
      // resume: they would move the cases on, e.g. fire the follow-ups' due timers)
      Map<String, CaseShapes.Shaped> mixShapes = appShapes.read(mixRoots);
      Map<String, CaseShapes.Shaped> bareShapes = new CaseShapes(bareEngine).read(bareRoots);
      List<CaseShapes.Shaped> mixList = new ArrayList<>(mixShapes.values());
      List<CaseShapes.Shaped> bareList = new ArrayList<>(bareShapes.values());
      for (int i = 0; i < mixList.size(); i++) {
        String reform = mixList.get(i).reform();
        accumulate(table.computeIfAbsent(reform, r -> new LinkedHashMap<>()), "mix", mixList.get(i).shape());
        if (i < bareList.size()) {
          accumulate(table.get(reform), "baseline", bareList.get(i).shape());
        }
      }
    } finally {
      if (appPaused) {
        BenchContexts.resumeJobExecutor(appEngine);
      }
      if (barePaused) {
        BenchContexts.resumeJobExecutor(bareEngine);
      }
    }
    return new Result(database, played.size(), withoutDriver, mixTotal, bareTotal, bareDataTotal, table, failures,
        mixRoots, mixWrites, bareWrites, bareDataWrites);
  }

  record Side(double seconds, List<String> ids, BenchDatabases.Snapshot counters) {}

  /** One baseline round: a bare case per shape, with or without the cases' data, timed. */
  private static Side playBare(ProcessEngine bareEngine, Map<String, CaseShapes.Shaped> shapes, int[] counter,
      boolean withData, Supplier<BenchDatabases.Snapshot> counters) {
    BenchDatabases.Snapshot before = counters == null ? null : counters.get();
    long t0 = System.nanoTime();
    List<String> ids = new ArrayList<>();
    for (CaseShapes.Shaped s : shapes.values()) {
      ids.add(BareModels.play(bareEngine, s.shape(), "BARE-" + (++counter[0]), withData));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Side(seconds, ids, counters == null ? BenchDatabases.Snapshot.EMPTY : counters.get().minus(before));
  }

  /** Sums per field, the last slot counting cases; averages are taken when printing. */
  private static void accumulate(Map<String, double[]> byKind, String kind, CaseShape s) {
    double[] sums = byKind.computeIfAbsent(kind, k -> new double[11]);
    int[] values = {s.userTasks(), s.serviceTasks(), s.gateways(), s.asyncSteps(), s.timersFired(), s.timersUnfired(),
        s.messagesReceived(), s.messageWaitsUnused(), s.callActivities(), s.activities()};
    for (int i = 0; i < values.length; i++) {
      sums[i] += values[i];
    }
    sums[10]++;
  }

  private static Round add(Round a, Round b) {
    return new Round(a.cases() + b.cases(), a.instances() + b.instances(), a.seconds() + b.seconds(),
        a.failures() + b.failures(), a.commits() + b.commits());
  }

  private static Set<String> rootIds(ProcessEngine engine) {
    Set<String> ids = new HashSet<>();
    for (HistoricProcessInstance p : engine.getHistoryService().createHistoricProcessInstanceQuery()
        .rootProcessInstances().list()) {
      ids.add(p.getId());
    }
    return ids;
  }
}
