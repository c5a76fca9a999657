package cn.gaoxin.approval.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part 4: start-up time and memory of the application on the embedded default, as an operator starts it: the
 * repackaged jar ({@code java -jar}, no JVM options) in an empty folder, so the first start creates {@code ./data}
 * (H2 file, schema, deployments, demo users); then a second start on that data. Measured: time from launching the
 * JVM to {@code /actuator/health} answering UP, resident memory (VmRSS) then, and heap in use after a full GC
 * ({@code jcmd GC.run}, then the heap figure of {@code /actuator/prometheus}); then SIGTERM and the time to exit.
 */
final class StartupBench {

  record Start(String label, double secondsToUp, double startedInSeconds, long rssMiB, double heapAfterGcMiB,
      long heapMaxMiB, double shutdownSeconds) {}

  private final BenchSettings settings;

  StartupBench(BenchSettings settings) {
    this.settings = settings;
  }

  List<Start> run() throws Exception {
    Path jar = settings.jar().toAbsolutePath();
    if (!Files.exists(jar)) {
      throw new IllegalStateException("jar not built: " + jar + " (run through mvn -Pbenchmark verify)");
    }
    Path dir = settings.output().resolve("startup").toAbsolutePath();
    BenchDatabases.deleteTree(dir);
    Files.createDirectories(dir);
    List<Start> starts = new ArrayList<>();
    starts.add(start("first start (empty ./data)", jar, dir, 1));
    starts.add(start("restart (existing ./data)", jar, dir, 2));
    return starts;
  }

  private Start start(String label, Path jar, Path dir, int n) throws Exception {
    int port = freePort();
    Path log = dir.resolve("start-" + n + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long t0 = System.nanoTime();
    Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=" + port)
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    double up = -1;
    try {
      while (System.nanoTime() - t0 < 180_000_000_000L && process.isAlive()) {
        try {
          HttpResponse<String> health = http.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
          if (health.statusCode() == 200 && health.body().startsWith("{\"status\":\"UP\"")) {
            up = (System.nanoTime() - t0) / 1e9;
            break;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(100);
      }
      if (up < 0) {
        throw new IllegalStateException("application did not report UP; see " + log);
      }
      long rss = rssKiB(process.pid()) / 1024;
      run(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(process.pid()), "GC.run");
      String prometheus = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
      double heap = sum(prometheus, "jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+-]+)") / 1048576;
      long heapMax = (long) (sum(prometheus, "jvm_memory_max_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+-]+)")
          / 1048576);
      long t1 = System.nanoTime();
      process.destroy();
      process.waitFor(60, TimeUnit.SECONDS);
      double shutdown = (System.nanoTime() - t1) / 1e9;
      Matcher started = Pattern.compile("Started ApprovalApplication in ([0-9.]+) seconds")
          .matcher(Files.readString(log));
      return new Start(label, up, started.find() ? Double.parseDouble(started.group(1)) : Double.NaN, rss, heap,
          heapMax, shutdown);
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }

  private static double sum(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    double total = 0;
    while (m.find()) {
      double v = Double.parseDouble(m.group(1));
      if (v > 0) {
        total += v;
      }
    }
    return total;
  }

  private static long rssKiB(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor(60, TimeUnit.SECONDS);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
