package cn.gaoxin.approval.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The browser tests' harness: scripts in {@code src/test/browser} run with node and drive headless Chromium
 * (Debian's, {@code /usr/bin/chromium} or {@code CHROMIUM}) through playwright-core, installed with {@code npm ci} on
 * first use (no browser download). Screenshots go to {@code target/browser-screenshots/}.
 */
public final class BrowserHarness {

  public static final Path HARNESS = Path.of("src", "test", "browser");
  public static final Path SHOTS = Path.of("target", "browser-screenshots");

  private BrowserHarness() {}

  /**
   * The Chromium to drive. Skips the calling test, printing the reason, where node or Chromium is missing (CI
   * installs both); installs playwright-core the first time.
   */
  public static String chromiumOrSkip() throws Exception {
    String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    String why = !works("node", "--version") ? "找不到 node"
        : !new File(chromium).canExecute() ? "找不到 Chromium (" + chromium + "; CI 用 apt-get install chromium)" : null;
    if (why != null) {
      System.out.println("[浏览器测试] 跳过: " + why);
    }
    Assumptions.assumeTrue(why == null, () -> "浏览器测试跳过: " + why);
    if (!Files.isDirectory(HARNESS.resolve("node_modules").resolve("playwright-core"))) {
      assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300)).as("npm ci").isZero();
    }
    Files.createDirectories(SHOTS);
    return chromium;
  }

  /** Runs a browser script with node in the harness folder; its output goes to the test's output. */
  public static int runScript(String script, Map<String, String> env, int timeoutSeconds) throws Exception {
    return run(List.of("node", script), env, timeoutSeconds);
  }

  /**
   * Runs a command in the harness folder. Its output is copied line by line to System.out: a child writing straight
   * into the forked test JVM's stdout (inheritIO) corrupts Surefire's channel and fails the build.
   */
  private static int run(List<String> command, Map<String, String> env, int timeoutSeconds) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(HARNESS.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    Thread copy = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        out.lines().forEach(line -> System.out.println("[浏览器] " + line));
      } catch (IOException ended) {
        // the process was destroyed after its time ran out; the assertion below says so
      }
    }, "browser-output");
    copy.start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      copy.join(10_000);
      throw new AssertionError(command + " 超时 (" + timeoutSeconds + " 秒)");
    }
    copy.join(10_000);
    return process.exitValue();
  }

  private static boolean works(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
