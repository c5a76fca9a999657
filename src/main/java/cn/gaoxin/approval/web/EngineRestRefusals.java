package cn.gaoxin.approval.web;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refusals through the engine REST API (/engine-rest, and the webapps' copy Tasklist calls) reach Tasklist clients and REST callers as what they are. The
 * engine REST API wraps whatever fails inside a call into a 500 ("Cannot submit task form …: ENGINE-03051 …"); this
 * mapper looks into the wrapped causes and answers:
 * <ul>
 *   <li>400 with the Chinese message, when the platform's own checks refused bad input (a task listener or the
 *       case-opening listener throwing the engine's {@link org.camunda.bpm.engine.exception.NotValidException});</li>
 *   <li>409, when two submissions of the same task (a double click, two clerks, two nodes) met: the engine let the
 *       other one win and rolled this one back ({@link OptimisticLockingException}), so the clerk learns that the
 *       task was handled rather than that the server broke.</li>
 * </ul>
 * Everything else is answered exactly as the REST API would.
 */
@Configuration
public class EngineRestRefusals {

  static final String SIMULTANEOUS = "该任务刚刚已被他人处理 (同时提交), 本次提交未生效; 请刷新后查看案件的最新状态";

  /** The name under which Camunda's Spring Boot starter registers the webapps' engine API (Tasklist's calls). */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  @Bean
  public ResourceConfigCustomizer engineRestRefusalMapper() {
    return config -> config.register(RefusalMapper.class);
  }

  /**
   * Tasklist does not call /engine-rest but the webapps' own copy of the engine API (/camunda/api/engine), a Jersey
   * application the starter registers as a servlet with no customisation hook. Jersey reads extra providers from the
   * servlet's init parameter {@code jersey.config.server.provider.classnames}, which can only be set while the
   * servlet context starts: so the starter's initializer is wrapped, and right after it has registered the servlet
   * the same mapper is added to it. A clerk who submits a form another clerk has just completed then sees the Chinese
   * 409 message in Tasklist's notification instead of "ENGINE-03005 … updated by another transaction".
   */
  @Bean
  static BeanPostProcessor webappEngineApiRefusals() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof CamundaBpmWebappInitializer webapps) {
          return (ServletContextInitializer) context -> {
            webapps.onStartup(context);
            ServletRegistration api = context.getServletRegistration(WEBAPP_ENGINE_API);
            if (api != null) {
              api.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, RefusalMapper.class.getName());
            }
          };
        }
        return bean;
      }
    };
  }

  @Priority(Priorities.USER - 100)
  public static class RefusalMapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable cause = exception.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
        if (cause instanceof OptimisticLockingException) {
          return refusal(Response.Status.CONFLICT, "OptimisticLockingException", SIMULTANEOUS);
        }
        if (cause instanceof BadUserRequestException refusal) {
          return refusal(Response.Status.BAD_REQUEST, refusal.getClass().getSimpleName(), refusal.getMessage());
        }
      }
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    private static Response refusal(Response.Status status, String type, String message) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", type);
      body.put("message", message);
      body.put("code", null);
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
  }
}
