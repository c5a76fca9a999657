package cn.gaoxin.approval.clerks;

import org.springframework.http.HttpStatus;

/** A clerk's operation that is not allowed; the message says why, in Chinese. */
public class TaskOperationRefused extends RuntimeException {

  private final HttpStatus status;

  public TaskOperationRefused(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
