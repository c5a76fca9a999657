package cn.gaoxin.approval.tasks;

import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Small checks for task-completion validators: a failed check rolls the completion back with a Chinese message. */
public final class TaskInputs {

  private TaskInputs() {}

  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? "" : value.toString().trim();
  }

  public static String requireText(VariableScope scope, String name, String message) {
    String value = text(scope, name);
    if (value.isEmpty()) {
      throw new NotValidException(message);
    }
    return value;
  }

  public static String requireOneOf(VariableScope scope, String name, String message, String... allowed) {
    String value = text(scope, name);
    for (String a : allowed) {
      if (a.equals(value)) {
        return value;
      }
    }
    throw new NotValidException(message);
  }

  public static void requireMaxLength(VariableScope scope, String name, int max, String label) {
    if (text(scope, name).length() > max) {
      throw new NotValidException(label + "不能超过 " + max + " 字");
    }
  }
}
