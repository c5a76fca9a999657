package cn.gaoxin.approval.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Reruns every reform's scenario suite on the real PostgreSQL, with nothing to write per suite: the POM's second
 * Surefire run ({@code scenarios-on-postgresql}) sets {@code approval.test.database=postgresql} and turns on JUnit's
 * extension auto-detection, which loads this extension (META-INF/services) for every test class there. It lets
 * only {@link ScenarioTest} subclasses run, has {@link PostgresAvailable} recreate the test database (or skip the
 * class, printing why, where no server answers) and adds the settings of the {@code pgtest} profile, so the suite's one shared
 * Spring context runs on PostgreSQL with Flyway-created Camunda tables, as production does.
 */
public class PostgresScenarioRun implements ExecutionCondition, BeforeAllCallback {

  static final String SWITCH = "approval.test.database";

  static boolean active() {
    return "postgresql".equals(System.getProperty(SWITCH));
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!active() || context.getTestMethod().isPresent()) {
      return ConditionEvaluationResult.enabled("");
    }
    Class<?> type = context.getTestClass().orElse(null);
    if (type == null) {
      return ConditionEvaluationResult.enabled("");
    }
    if (!ScenarioTest.class.isAssignableFrom(type)) {
      return ConditionEvaluationResult.disabled("PostgreSQL 复跑只包括场景测试 (ScenarioTest)");
    }
    if (runsOnPostgresAlready(type)) {
      return ConditionEvaluationResult.disabled("该类本身已在 PostgreSQL 上运行");
    }
    return ConditionEvaluationResult.enabled("场景测试在 PostgreSQL 上复跑");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!active() || context.getTestClass().map(t -> !ScenarioTest.class.isAssignableFrom(t)).orElse(true)) {
      return;
    }
    new PostgresAvailable().beforeAll(context); // skips the class with the printed reason when PostgreSQL is down
    // the pgtest settings (application-pgtest.yaml) on top of the suite's own profile, for every context of this run
    System.setProperty("spring.config.additional-location", "classpath:/application-pgtest.yaml");
  }

  private static boolean runsOnPostgresAlready(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      ExtendWith extendWith = c.getAnnotation(ExtendWith.class);
      if (extendWith != null) {
        for (Class<?> e : extendWith.value()) {
          if (e == PostgresAvailable.class) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
