package cn.gaoxin.approval.operations.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One application node in its own JVM: {@code java -cp <the build's classpath> cn.gaoxin.approval.ApprovalApplication}
 * with the production ({@code postgres}) profile, its own HTTP and management ports, and the job executor on.
 * {@link #kill()} is SIGKILL ({@code Process.destroyForcibly()} on Linux): no shutdown hook, no graceful anything.
 */
final class AppNode implements AutoCloseable {

  static final String ADMIN_PASSWORD = "cluster-admin-password-1";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final int port;
  final int managementPort;
  final Path log;
  private final List<String> arguments;
  private Process process;

  AppNode(String name, int port, int managementPort, Path logDir, List<String> arguments) {
    this.name = name;
    this.port = port;
    this.managementPort = managementPort;
    this.log = logDir.resolve("node-" + name + ".log");
    this.arguments = arguments;
    try {
      Files.deleteIfExists(log); // one log per test run; a restarted node appends to it
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  void start() throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
        "-Duser.timezone=Asia/Shanghai", "-cp", classpath(),
        "cn.gaoxin.approval.ApprovalApplication",
        "--server.port=" + port, "--management.server.port=" + managementPort,
        "--camunda.bpm.generic-properties.properties.hostname=node-" + name,
        "--approval.probe.enabled=true", "--approval.probe.node=" + name));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("SPRING_PROFILES_ACTIVE", "postgres");
    env.put("APPROVAL_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("APPROVAL_LICENCE_SIGNING_KEY", "cluster-test-signing-key-0123456789");
    env.put("APPROVAL_PUBLIC_URL", "http://127.0.0.1:" + port);
    Files.writeString(log, "==== start node " + name + " " + java.time.Instant.now() + "\n",
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    process = builder.start();
  }

  /** Waits until the node answers its readiness probe (database and engine up). */
  void awaitReady(Duration timeout) throws Exception {
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new AssertionError("节点 " + name + " 启动失败 (退出码 " + process.exitValue() + "), 日志: " + log + "\n"
            + tail(60));
      }
      try {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
            + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("节点 " + name + " 未能在 " + timeout + " 内就绪, 日志: " + log + "\n" + tail(60));
  }

  /** SIGKILL: the JVM dies at once, in the middle of whatever it is doing. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(无日志: " + e + ")";
    }
  }

  long countInLog(String text) {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.filter(l -> l.contains(text)).count();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  /**
   * The build's runtime classpath (main classes and dependencies) plus only the probe delegate out of the test
   * classes, so no other test's beans end up in the application.
   */
  static synchronized String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
    Path probeClasses = Path.of("target", "cluster-probe-classes").toAbsolutePath();
    String probe = ClusterProbeDelegate.class.getName().replace('.', '/') + ".class";
    try {
      Path target = probeClasses.resolve(probe);
      Files.createDirectories(target.getParent());
      Files.copy(testClasses.resolve(probe), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> entries = new ArrayList<>();
    for (String entry : cp.split(File.pathSeparator)) {
      if (!entry.isBlank() && !Path.of(entry).toAbsolutePath().equals(testClasses)) {
        entries.add(entry);
      }
    }
    entries.add(probeClasses.toString());
    return String.join(File.pathSeparator, entries);
  }
}
