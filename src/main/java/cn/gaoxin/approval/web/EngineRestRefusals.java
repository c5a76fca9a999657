package cn.gaoxin.approval.web;

import jakarta.annotation.Priority;
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
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refusals through the engine REST API (/engine-rest) reach Tasklist clients and REST callers as what they are. The
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

  @Bean
  public ResourceConfigCustomizer engineRestRefusalMapper() {
    return config -> config.register(RefusalMapper.class);
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
