package cn.gaoxin.approval.inspection;

/** What an inspector records: the site passed, or failed (with the failed checks and findings). */
public enum InspectionOutcome {
  PASS("通过"), FAIL("未通过");

  private final String label;

  InspectionOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The outcome from a form value; null when it is missing or unknown. */
  public static InspectionOutcome parse(Object value) {
    if (value == null) {
      return null;
    }
    for (InspectionOutcome o : values()) {
      if (o.name().equals(value.toString())) {
        return o;
      }
    }
    return null;
  }
}
