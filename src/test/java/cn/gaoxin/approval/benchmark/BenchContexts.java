package cn.gaoxin.approval.benchmark;

import cn.gaoxin.approval.ApprovalApplication;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the two kinds of Spring context the benchmark compares, in this JVM, with settings passed as command-line
 * arguments (they win over application.yaml and the profile files, as environment variables do in production):
 * the application itself ({@link ApprovalApplication}, web server on a free port, demo users for the clerks) and
 * the bare engine ({@link BareEngineApplication}). On PostgreSQL both run the production profile {@code postgres}.
 * Applications log to one file in the output folder (one logging system per JVM), not to the console.
 */
final class BenchContexts {

  static final String ADMIN_PASSWORD = "bench-admin-password-1";

  private final BenchSettings settings;

  BenchContexts(BenchSettings settings) {
    this.settings = settings;
  }

  ConfigurableApplicationContext application(String jdbcUrl, boolean postgres) {
    List<String> args = common(jdbcUrl, postgres);
    args.add("--server.port=0");
    // the demo departments and users: the clerks who claim and complete tasks (their groups and grants)
    args.add("--approval.demo.enabled=true");
    if (postgres) {
      args.add("--management.server.port=0");
      args.add("--approval.licences.signing-key=bench-signing-key-0123456789");
    }
    return new SpringApplicationBuilder(ApprovalApplication.class).run(args.toArray(String[]::new));
  }

  ConfigurableApplicationContext bareEngine(String jdbcUrl, boolean postgres) {
    List<String> args = common(jdbcUrl, postgres);
    args.add("--camunda.bpm.process-engine-name=bare");
    args.add("--spring.application.name=bench-bare-engine");
    // no Flyway here: the engine creates its tables itself, from the same Camunda scripts V70 runs
    args.add("--camunda.bpm.database.schema-update=true");
    return new SpringApplicationBuilder(BareEngineApplication.class).web(WebApplicationType.NONE)
        .run(args.toArray(String[]::new));
  }

  private List<String> common(String jdbcUrl, boolean postgres) {
    List<String> args = new ArrayList<>();
    if (postgres) {
      args.add("--spring.profiles.active=postgres");
      args.add("--spring.datasource.username=" + settings.pgUser());
      args.add("--spring.datasource.password=" + settings.pgPassword());
    }
    args.add("--spring.datasource.url=" + jdbcUrl);
    args.add("--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD);
    args.add("--spring.main.banner-mode=off");
    args.add("--logging.file.name=" + settings.output().resolve("applications.log").toAbsolutePath());
    args.add("--logging.threshold.console=OFF");
    return args;
  }

  /**
   * Stops the engine's job executor for the throughput rounds, as the demo-history simulation does while it
   * plays cases (the harness runs each case's jobs itself, right after each step). Engine impl API: the public API
   * has no switch for it (see audit/simulation/SimulationClock).
   */
  static boolean pauseJobExecutor(ProcessEngine engine) {
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    if (executor != null && executor.isActive()) {
      executor.shutdown();
      return true;
    }
    return false;
  }

  static void resumeJobExecutor(ProcessEngine engine) {
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    if (executor != null && !executor.isActive()) {
      executor.start();
    }
  }
}
