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
  RETURNED("已退回补正"),
  SCOPE_REFUSED("经营范围不予核准"),
  PARTIALLY_APPROVED("部分准予"),
  RESULTS_READY("审批结果已出, 待送达"),
  DELIVERED("已送达"),
  ORDER_TAKEN("已接单, 待上门收件"),
  MATERIALS_COLLECTED("材料已收取, 中心办理中"),
  INELIGIBLE("不符合申请条件"),
  PUBLIC_NOTICE("公示中"),
  NOT_GRANTED("不予兑现"),
  FUNDS_PAID("资金已拨付"),
  CREDIT_APPROVED("银行已审批授信"),
  CREDIT_REFUSED("银行不予授信"),
  LOAN_DISBURSED("贷款已发放");

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
