package cn.gaoxin.approval.followup;

/** The enterprise's evaluation of a finished case (政务服务"好差评"). */
public enum ServiceEvaluation {
  GOOD("好评"), MEDIUM("中评"), BAD("差评");

  private final String label;

  ServiceEvaluation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The evaluation named by a form value, or null. */
  public static ServiceEvaluation of(Object value) {
    if (value != null) {
      for (ServiceEvaluation e : values()) {
        if (e.name().equals(value.toString())) {
          return e;
        }
      }
    }
    return null;
  }
}
