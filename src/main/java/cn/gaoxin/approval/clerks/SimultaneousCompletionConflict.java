package cn.gaoxin.approval.clerks;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Two clerks (or two nodes) complete the same task at the same moment: the engine lets exactly one win and throws
 * an {@link OptimisticLockingException} for the other, which the engine REST API wraps in a {@link RestException}
 * with status 500, as if the server were broken. The loser gets 409 with a message that tells the clerk what
 * happened instead; nothing of the losing call was written (its transaction was rolled back). Every other REST
 * exception is answered exactly as the engine REST API does.
 */
@Provider
@Priority(1) // before the engine REST API's own mapper of the same exception type
public class SimultaneousCompletionConflict implements ExceptionMapper<RestException> {

  static final String MESSAGE = "该任务刚刚已被他人处理 (同时提交), 本次提交未生效; 请刷新后查看案件的最新状态";

  private final RestExceptionHandler engineDefault = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockingException) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "OptimisticLockingException", "message", MESSAGE)).build();
      }
    }
    return engineDefault.toResponse(exception);
  }
}
