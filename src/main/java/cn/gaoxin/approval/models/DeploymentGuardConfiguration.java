package cn.gaoxin.approval.models;

import cn.gaoxin.approval.identity.RestAuthenticationConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link DeploymentGuard} in front of the engine REST API, right after its login. */
@Configuration
public class DeploymentGuardConfiguration {

  @Bean
  public FilterRegistrationBean<DeploymentGuard> deploymentGuard(ProcessEngine engine) {
    FilterRegistrationBean<DeploymentGuard> registration = new FilterRegistrationBean<>(new DeploymentGuard(engine));
    registration.setName("deployment-guard");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(RestAuthenticationConfiguration.ORDER + 1);
    return registration;
  }
}
