package cn.gaoxin.approval.reforms.licensing;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Several Spring test contexts (scenario tests, web tests, PostgreSQL tests) live side by side in one test JVM, and
 * each builds an engine named "default" that Camunda registers in its static {@link ProcessEngines} registry, where
 * the most recently built one wins. The REST API (/engine-rest) resolves its engine through that registry, so a web
 * test running after another context was built would talk to the other context's engine and database. Before each
 * test this registers the engine of the test's own context again. Registered for every Spring test in
 * META-INF/spring.factories; a test without an engine is left alone.
 */
public class CurrentEngineTestExecutionListener implements TestExecutionListener, Ordered {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    ApplicationContext context = testContext.getApplicationContext();
    context.getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
