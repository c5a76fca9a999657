package cn.gaoxin.approval.web;

import cn.gaoxin.approval.cases.ApplicationRejectedException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns bad input to the application's own API into a 400 that says, in Chinese, what is wrong. */
@RestControllerAdvice(basePackages = "cn.gaoxin.approval")
public class ApiErrors {

  @ExceptionHandler(ApplicationRejectedException.class)
  public ResponseEntity<Map<String, Object>> rejected(ApplicationRejectedException e) {
    return badRequest(e.problems());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  public ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
    List<String> problems = e.getBindingResult().getAllErrors().stream()
        .map(err -> err.getDefaultMessage()).distinct().collect(Collectors.toList());
    return badRequest(problems);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    String problem;
    if (cause instanceof UnrecognizedPropertyException u) {
      problem = "不认识的字段: " + u.getPropertyName();
    } else if (cause instanceof InvalidFormatException f && !(f.getValue() instanceof String)) {
      problem = "字段 " + path(f) + " 的类型不对"; // a number or yes/no where text is expected (web/StrictJson)
    } else if (cause instanceof InvalidFormatException f && f.getTargetType() != null
        && (Number.class.isAssignableFrom(f.getTargetType()) || f.getTargetType() == Boolean.class)) {
      problem = "字段 " + path(f) + " 的类型不对"; // text where a number or yes/no is expected
    } else if (cause instanceof InvalidFormatException f) {
      problem = "字段 " + path(f) + " 的格式不对";
    } else if (cause instanceof MismatchedInputException m) {
      problem = "字段 " + path(m) + " 的类型不对";
    } else {
      problem = "请求内容不是合法的 JSON";
    }
    return badRequest(List.of(problem));
  }

  private static String path(MismatchedInputException e) {
    return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static ResponseEntity<Map<String, Object>> badRequest(List<String> problems) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .body(Map.of("error", "申请未被接收: " + String.join("; ", problems), "problems", problems));
  }
}
