package cn.gaoxin.approval.visits;

/** How an applicant receives the results of a case (送达方式). */
public enum DeliveryMethod {
  COUNTER("窗口领取", true),
  POST("邮寄送达 (免费)", false),
  ELECTRONIC("电子送达 (电子证照推送至手机)", false);

  private final String label;
  private final boolean inPerson;

  DeliveryMethod(String label, boolean inPerson) {
    this.label = label;
    this.inPerson = inPerson;
  }

  public String label() {
    return label;
  }

  /** Whether the applicant has to come to the service hall for it. */
  public boolean inPerson() {
    return inPerson;
  }

  public static DeliveryMethod parse(String value) {
    for (DeliveryMethod m : values()) {
      if (m.name().equalsIgnoreCase(value.trim())) {
        return m;
      }
    }
    return null;
  }
}
