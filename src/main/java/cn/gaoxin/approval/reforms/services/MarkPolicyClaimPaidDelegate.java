package cn.gaoxin.approval.reforms.services;

import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the case's policy claim as paid (it then blocks further claims for good) with the payment voucher
 * (input parameter {@code voucher}, required), and sets the case status 资金已拨付.
 */
@Component("markPolicyClaimPaid")
public class MarkPolicyClaimPaidDelegate implements JavaDelegate {

  private final PolicyClaims claims;

  public MarkPolicyClaimPaidDelegate(PolicyClaims claims) {
    this.claims = claims;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object voucher = execution.getVariableLocal("voucher");
    if (voucher == null || voucher.toString().isBlank()) {
      throw new IllegalStateException("记录兑现结果缺少输入参数 voucher (支付凭证号)");
    }
    String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
    if (!claims.markPaid(caseNumber, voucher.toString())) {
      throw new IllegalStateException("案件 " + caseNumber + " 没有已登记的兑现申请, 无法记录拨付");
    }
    execution.setVariable(CaseVariables.CASE_STATUS, CaseStatus.FUNDS_PAID.name());
  }
}
