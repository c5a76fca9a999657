package cn.gaoxin.approval.cases;

/** Where a case stands, as applicants and clerks read it (variable {@code caseStatus}). */
public enum CaseStatus {
  RECEIVED("已收件"),
  AWAITING_RESUBMISSION("待补正 (已一次性告知)"),
  ACCEPTED("已受理"),
  ACCEPTED_ON_COMMITMENT("已容缺受理"),
  APPROVED("准予许可"),
  REJECTED("不予许可"),
  SUSPENDED("已中止"),
  REVOKED("已撤销"),
  NOT_ACCEPTED("不予受理"),
  WITHDRAWN("已撤回"),
  RETURNED("已退回补正");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The Chinese label of a status name; unknown names are shown as they are. */
  public static String label(Object status) {
    if (status == null) {
      return "";
    }
    for (CaseStatus s : values()) {
      if (s.name().equals(status.toString())) {
        return s.label;
      }
    }
    return status.toString();
  }
}
