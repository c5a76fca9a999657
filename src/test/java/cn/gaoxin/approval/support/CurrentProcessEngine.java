package cn.gaoxin.approval.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Several Spring test contexts live side by side in one test JVM (Spring caches them), each with its own engine
 * named "default", and Camunda keeps engines in a static registry by name: the engine REST API and the webapps
 * use whichever context registered last. Before every test this listener registers the test's own engine again,
 * so HTTP calls in a test reach the database that test works on, whatever order the test classes run in.
 * Registered for every Spring test in META-INF/spring.factories (test resources).
 */
public class CurrentProcessEngine implements TestExecutionListener, Ordered {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    ApplicationContext context = testContext.getApplicationContext();
    if (context.getBeanNamesForType(ProcessEngine.class).length == 1) {
      ProcessEngines.registerProcessEngine(context.getBean(ProcessEngine.class));
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
