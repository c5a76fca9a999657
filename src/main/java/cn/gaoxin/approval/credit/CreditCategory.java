package cn.gaoxin.approval.credit;

/**
 * Kinds of credit record. {@code dishonesty} marks the kinds that count as a bad credit record (失信) for later
 * decisions, e.g. that exclude an applicant from notification-commitment (告知承诺) until the record expires.
 */
public enum CreditCategory {
  FALSE_COMMITMENT("告知承诺不实 (虚假承诺)", true),
  ABNORMAL_OPERATION("列入经营异常名录", true),
  SERIOUS_DISHONESTY("列入严重违法失信名单", true),
  SIMPLIFIED_DEREGISTRATION_TERMINATED("简易注销程序被终止", false);

  private final String label;
  private final boolean dishonesty;

  CreditCategory(String label, boolean dishonesty) {
    this.label = label;
    this.dishonesty = dishonesty;
  }

  public String label() {
    return label;
  }

  public boolean dishonesty() {
    return dishonesty;
  }

  /** The category of that name, or an error naming the known ones. */
  public static CreditCategory parse(Object value) {
    for (CreditCategory c : values()) {
      if (c.name().equals(String.valueOf(value))) {
        return c;
      }
    }
    throw new IllegalArgumentException("未知的信用记录类别: " + value + " (可用: "
        + java.util.Arrays.toString(values()) + ")");
  }
}
