package cn.gaoxin.approval.cases;

import java.util.List;

/** An application that cannot be accepted as submitted; nothing was started. */
public class ApplicationRejectedException extends RuntimeException {

  private final List<String> problems;

  public ApplicationRejectedException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
