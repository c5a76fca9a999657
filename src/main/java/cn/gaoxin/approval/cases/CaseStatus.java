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
  LOAN_DISBURSED("贷款已发放"),
  // construction and land (工程建设与用地)
  BUTLER_ASSIGNED("已分配项目服务管家"),
  ROADMAP_ISSUED("已出具专属审批流程图, 分阶段办理中"),
  LAND_USE_COMPLETED("用地一件事已办结"),
  PERMITS_PREPARED("许可已同步预审, 待签订土地出让合同"),
  PREPARATION_CLOSED("未在期限内签订土地出让合同, 预审已关闭"),
  STOP_WORK_ORDERED("已责令停工"),
  ACCEPTANCE_FAILED("竣工联合验收未通过"),
  ACCEPTANCE_PASSED("竣工联合验收合格"),
  HANDOVER_CERTIFICATES_ISSUED("交房即交证: 不动产权证书已核发"),
  INSPECTION_PASSED("勘验通过"),
  INSPECTION_FAILED("勘验未通过"),
  // supervision and evaluation (监管与评价)
  LEDGER_OPEN("已列入台账, 整改中"),
  RECTIFIED("已整改销号"),
  REPLIED("已答复, 办结"),
  NOT_APPLICABLE("不属于受理范围, 已答复"),
  FOLLOW_UP_EVALUATED("已回访评价"),
  FOLLOW_UP_CLOSED("回访已办结"),
  SAMPLE_DRAWN("已随机抽取检查对象和执法人员"),
  RESULTS_PUBLISHED("结果已公示"),
  SPOT_CHECK_COMPLIANT("抽查未发现问题"),
  SPOT_CHECK_PROBLEMS_FOUND("抽查发现问题, 已依法处置"),
  GRADES_APPROVED("评价结果已审定"),
  DATA_COLLECTION("数据采集和企业核实中"),
  UNDER_PUBLIC_NOTICE("公示中 (受理异议)"),
  // 告知承诺制, 简易注销, 跨区通办
  FILED("已备案"),
  FORWARDED_TO_PARTNER("已转协作地区审批"),
  DEREGISTERED("已注销"),
  DEREGISTRATION_TERMINATED("简易注销程序已终止");

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
