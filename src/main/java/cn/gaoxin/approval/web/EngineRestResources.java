package cn.gaoxin.approval.web;

import cn.gaoxin.approval.clerks.SimultaneousCompletionConflict;
import jakarta.ws.rs.ApplicationPath;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API (/engine-rest) as the starter configures it, plus the application's own exception mappers.
 * Declaring this bean replaces the starter's default resource config (it is conditional on a missing bean).
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestResources extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(SimultaneousCompletionConflict.class);
  }
}
