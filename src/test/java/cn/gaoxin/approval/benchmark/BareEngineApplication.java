package cn.gaoxin.approval.benchmark;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The bare engine of the baseline: Camunda's Spring Boot starter as it comes, with the same application.yaml
 * (history FULL, authorization on, id generator, retry cycle, job executor settings: the same engine settings) and
 * the same datasource settings, but none of the platform's beans: no component scan of {@code cn.gaoxin.approval},
 * so no delegates, listeners, event-bridge consumers, forms, catalog or case summary. One no-op delegate bean.
 *
 * <p>Deliberately not a {@code @Configuration}: the application's component scan must not find it when the
 * benchmark starts the application in the same JVM (it is registered as a source, processed as lite
 * configuration). REST (Jersey) is excluded because the context has no web server (STACK-NOTES 7); Flyway because
 * the engine creates its own tables here from the same Camunda scripts.
 */
@EnableAutoConfiguration(exclude = {CamundaBpmRestJerseyAutoConfiguration.class, FlywayAutoConfiguration.class,
    SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
class BareEngineApplication {

  /** The service tasks of the bare models: {@code camunda:delegateExpression="${benchNoop}"}, doing nothing. */
  @Bean
  JavaDelegate benchNoop() {
    return execution -> { };
  }
}
