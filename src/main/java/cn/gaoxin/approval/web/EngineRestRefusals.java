package cn.gaoxin.approval.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bad input refused by the platform's own checks (a task listener or the case-opening listener throwing the
 * engine's {@link org.camunda.bpm.engine.exception.NotValidException}) reaches Tasklist and REST clients as what it is:
 * a 400 with the Chinese message. The engine REST API wraps whatever a listener throws into a 500 ("Cannot submit task
 * form …: ENGINE-03051 …"); this mapper looks into the wrapped causes and, only when the refusal was a bad request,
 * answers 400 with its own message. Everything else is answered exactly as the REST API would.
 */
@Configuration
public class EngineRestRefusals {

  @Bean
  public ResourceConfigCustomizer badRequestsFromListeners() {
    return config -> config.register(BadInputMapper.class);
  }

  @Priority(Priorities.USER - 100)
  public static class BadInputMapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable cause = exception.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
        if (cause instanceof BadUserRequestException refusal) {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("type", refusal.getClass().getSimpleName());
          body.put("message", refusal.getMessage());
          body.put("code", null);
          return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
      }
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }
}
