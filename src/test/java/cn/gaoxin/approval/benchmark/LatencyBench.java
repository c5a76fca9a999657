package cn.gaoxin.approval.benchmark;

import cn.gaoxin.approval.audit.simulation.DemoHistory;
import cn.gaoxin.approval.cases.ApplicationRequest;
import cn.gaoxin.approval.cases.ApplicationService;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Part 2: latency under concurrency on PostgreSQL. A fixed pool of clerk threads, each in a closed loop without
 * pause (the worst case: every thread always has the next call ready): an applicant submits a 容缺受理 case with
 * all materials through the applicant service (start-case); the window clerk opens the department queue (queue-page:
 * first 15 unclaimed tasks of the clerk's departments by due date, with the count, as Tasklist does), claims and
 * completes 窗口核验材料; a market-regulation clerk does the same for 部门审查并决定 (准予). Clerks are demo users
 * logged in to the engine (authorization on, as in production); the job executor runs (the licence is issued
 * asynchronously after approval). Every call is timed with {@link System#nanoTime()}.
 */
final class LatencyBench {

  static final String REFORM = "incomplete-materials-acceptance";
  static final List<String> OPERATIONS = List.of("start-case", "queue-page", "claim", "complete-task");

  /**
   * One level's figures, with what explains them: the machine's CPU busy share over the level (from /proc/stat, all
   * cores; NaN where the file is missing), the share of it the benchmark JVM used (the rest is PostgreSQL and the
   * machine), and the time threads waited for a database connection (Hikari's acquire timer, every thread of the
   * application: clerks, job executor, follow-ups, notices) per clerk call.
   */
  record Level(int threads, double seconds, int cases, int errors, Map<String, Latencies> operations, double cpuBusy,
      double jvmCpu, double connectionWaitMsPerCall) {}

  private final BenchSettings settings;

  LatencyBench(BenchSettings settings) {
    this.settings = settings;
  }

  List<Level> run(ConfigurableApplicationContext app) throws Exception {
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    BenchContexts.resumeJobExecutor(engine);
    ApplicationService applications = app.getBean(ApplicationService.class);
    ServiceItem item = app.getBean(ServiceCatalog.class).items().stream()
        .filter(i -> i.processes().contains(REFORM) && !i.deferrableMaterials().isEmpty()).findFirst().orElseThrow();
    List<String> materials = item.materials().stream().map(ServiceItem.Material::code).toList();
    Clerks clerks = new Clerks(engine.getIdentityService());
    MeterRegistry meters = app.getBeanProvider(MeterRegistry.class).getIfAvailable();
    List<Level> levels = new ArrayList<>();
    for (int threads : settings.latencyThreads()) {
      drive(engine, applications, item.code(), materials, clerks, threads, settings.latencyWarmupSeconds(), meters);
      waitForJobs(engine);
      Level level = drive(engine, applications, item.code(), materials, clerks, threads, settings.latencySeconds(),
          meters);
      waitForJobs(engine);
      levels.add(level);
      Latencies complete = level.operations().get("complete-task");
      System.out.printf(java.util.Locale.ROOT, "[bench] latency %d threads: %d cases (%.1f/s), complete-task p50 %.1f "
          + "p99 %.1f ms, %d errors; CPU busy %.0f %% (benchmark JVM %.0f %%), connection wait %.1f ms per call%n",
          threads, level.cases(), level.cases() / level.seconds(), complete.median(), complete.millis(0.99),
          level.errors(), level.cpuBusy() * 100, level.jvmCpu() * 100, level.connectionWaitMsPerCall());
    }
    return levels;
  }

  private Level drive(ProcessEngine engine, ApplicationService applications, String itemCode, List<String> materials,
      Clerks clerks, int threads, int seconds, MeterRegistry meters) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CpuSample cpu0 = CpuSample.now();
    double wait0 = connectionWaitMs(meters);
    AtomicInteger cases = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long start = System.nanoTime();
    long deadline = start + seconds * 1_000_000_000L;
    List<Future<Map<String, Latencies>>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        Map<String, Latencies> mine = new LinkedHashMap<>();
        OPERATIONS.forEach(op -> mine.put(op, new Latencies()));
        Random random = new Random(settings.seed() + thread);
        String window = clerks.member("window-clerks", thread);
        String market = clerks.member("market-regulation", thread);
        while (System.nanoTime() < deadline) {
          try {
            long t0 = System.nanoTime();
            var started = applications.submit(new ApplicationRequest(itemCode, REFORM,
                new ApplicationRequest.Applicant("湘潭宏达机电设备有限公司", DemoHistory.creditCode(random), "张三",
                    "13812345678"), materials, false, Map.of()));
            mine.get("start-case").add(System.nanoTime() - t0);
            work(engine, clerks, window, started.processInstanceId(), "Task_VerifyMaterials", Map.of(), mine);
            work(engine, clerks, market, started.processInstanceId(), "Task_ReviewApplication",
                Map.of("reviewDecision", "APPROVE", "decisionReason", "材料齐全, 符合条件"), mine);
            cases.incrementAndGet();
          } catch (RuntimeException e) {
            errors.incrementAndGet();
            if (errors.get() <= 5) {
              System.out.println("[bench] latency error: " + e);
            }
          }
        }
        return mine;
      }));
    }
    Map<String, Latencies> all = new LinkedHashMap<>();
    OPERATIONS.forEach(op -> all.put(op, new Latencies()));
    for (Future<Map<String, Latencies>> f : futures) {
      f.get().forEach((op, l) -> all.get(op).addAll(l));
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    CpuSample cpu1 = CpuSample.now();
    double waited = connectionWaitMs(meters) - wait0;
    pool.shutdown();
    long calls = all.values().stream().mapToLong(Latencies::count).sum();
    return new Level(threads, elapsed, cases.get(), errors.get(), all, cpu0.busyUntil(cpu1), cpu0.jvmShareUntil(cpu1),
        calls == 0 ? Double.NaN : waited / calls);
  }

  /** A clerk logged in to the engine opens the queue, claims the case's task and completes it. */
  private static void work(ProcessEngine engine, Clerks clerks, String user, String processInstanceId, String taskKey,
      Map<String, Object> form, Map<String, Latencies> times) {
    IdentityService identity = engine.getIdentityService();
    TaskService tasks = engine.getTaskService();
    List<String> groups = clerks.groups(user);
    identity.setAuthentication(user, groups);
    try {
      long t0 = System.nanoTime();
      tasks.createTaskQuery().taskCandidateGroupIn(groups).taskUnassigned().orderByDueDate().asc().listPage(0, 15);
      tasks.createTaskQuery().taskCandidateGroupIn(groups).taskUnassigned().count();
      times.get("queue-page").add(System.nanoTime() - t0);
      Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
          .singleResult();
      if (task == null) {
        throw new IllegalStateException("no task " + taskKey + " in " + processInstanceId);
      }
      long t1 = System.nanoTime();
      tasks.claim(task.getId(), user);
      times.get("claim").add(System.nanoTime() - t1);
      long t2 = System.nanoTime();
      tasks.complete(task.getId(), form);
      times.get("complete-task").add(System.nanoTime() - t2);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Total milliseconds threads of the application waited for a pooled connection (0 without the metric). */
  private static double connectionWaitMs(MeterRegistry meters) {
    if (meters == null) {
      return 0;
    }
    return meters.find("hikaricp.connections.acquire").timers().stream()
        .mapToDouble(t -> t.totalTime(TimeUnit.MILLISECONDS)).sum();
  }

  /** Machine CPU ticks (busy, total) from /proc/stat and this JVM's CPU time, to tell saturation from waiting. */
  record CpuSample(long busyTicks, long totalTicks, long jvmCpuNanos, long wallNanos) {

    static CpuSample now() {
      long busy = -1;
      long total = -1;
      try {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        total = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
          total += Long.parseLong(f[i]);
        }
        busy = total - idle;
      } catch (Exception e) {
        // not Linux: the CPU columns show NaN
      }
      long jvm = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
          ? os.getProcessCpuTime() : -1;
      return new CpuSample(busy, total, jvm, System.nanoTime());
    }

    double busyUntil(CpuSample later) {
      return totalTicks < 0 || later.totalTicks <= totalTicks ? Double.NaN
          : (double) (later.busyTicks - busyTicks) / (later.totalTicks - totalTicks);
    }

    /** The JVM's CPU time as a share of the machine's capacity (all cores) over the same wall time. */
    double jvmShareUntil(CpuSample later) {
      if (jvmCpuNanos < 0) {
        return Double.NaN;
      }
      return (double) (later.jvmCpuNanos - jvmCpuNanos)
          / ((later.wallNanos - wallNanos) * (double) Runtime.getRuntime().availableProcessors());
    }
  }

  /** Lets the job executor finish the licences of the level before the next one starts. */
  private static void waitForJobs(ProcessEngine engine) throws InterruptedException {
    for (int i = 0; i < 600 && engine.getManagementService().createJobQuery().executable().messages().count() > 0; i++) {
      Thread.sleep(500);
    }
  }

  /** Demo users by department, and each user's groups (looked up once). */
  static final class Clerks {
    private final IdentityService identity;
    private final Map<String, List<String>> members = new ConcurrentHashMap<>();
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

    Clerks(IdentityService identity) {
      this.identity = identity;
    }

    String member(String group, int index) {
      List<String> people = members.computeIfAbsent(group, g -> identity.createUserQuery().memberOfGroup(g)
          .orderByUserId().asc().list().stream().map(User::getId).toList());
      return people.get(index % people.size());
    }

    List<String> groups(String user) {
      return groups.computeIfAbsent(user, u -> identity.createGroupQuery().groupMember(u).list().stream()
          .map(Group::getId).toList());
    }
  }
}
