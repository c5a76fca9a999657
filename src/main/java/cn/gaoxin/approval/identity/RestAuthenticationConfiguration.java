package cn.gaoxin.approval.identity;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP basic authentication for the engine's REST API (/engine-rest), which the starter leaves open
 * (STACK-NOTES 6). Camunda Modeler deploys with a designer's account; every call runs with that user's
 * authorizations.
 */
@Configuration
public class RestAuthenticationConfiguration {

  /**
   * Filter order of the REST logins: after Spring's own request filters, before the filters that act on the
   * logged-in user (models/DeploymentGuard runs at {@code ORDER + 1}).
   */
  public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter("rest-url-pattern-prefix", "/engine-rest");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(ORDER);
    return registration;
  }

  /**
   * The clerks' task operations (/api/tasks: 转办, 委派, 催办, 抄送) and the staff reports (ledger, follow-up
   * coverage) use the same logins and run with the caller's engine authorizations.
   */
  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> clerkApiAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("clerk-api-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/api/tasks/*", "/api/supervision/ledger", "/api/supervision/follow-up-coverage");
    registration.setOrder(ORDER);
    return registration;
  }
}
