package cn.gaoxin.approval.reforms.services;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.notices.NoticeComposer;
import cn.gaoxin.approval.payments.Amounts;
import java.math.BigDecimal;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Registers the case's policy claim in {@link PolicyClaims}; a second claim of the same firm (credit code) for the
 * same policy (and period) is the business error {@value #ERROR_CODE}, whose message tells the applicant in Chinese
 * which earlier case blocks it.
 *
 * <p>Input parameters: {@code amount} (required, yuan), {@code period} (ONCE: one claim per firm ever, the
 * default; YEARLY: one per firm and calendar year), {@code policyCode} / {@code policyName} (default: the catalog
 * item). Writes {@code claimPeriod}, {@code subsidyAmountText} ("800,000 元").
 */
@Component("registerPolicyClaim")
public class RegisterPolicyClaimDelegate implements JavaDelegate {

  public static final String ERROR_CODE = "POLICY_ALREADY_CLAIMED";

  private final PolicyClaims claims;
  private final EngineClock clock;

  public RegisterPolicyClaimDelegate(PolicyClaims claims, EngineClock clock) {
    this.claims = claims;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BigDecimal amount = Amounts.yuan(execution.getVariableLocal("amount"));
    if (amount == null || amount.signum() <= 0) {
      throw new IllegalStateException("兑现金额 (amount) 必须大于 0, 实际为 " + execution.getVariableLocal("amount"));
    }
    Object periodRule = execution.getVariableLocal("period");
    boolean yearly = "YEARLY".equals(periodRule == null ? null : periodRule.toString());
    if (periodRule != null && !yearly && !"ONCE".equals(periodRule.toString())) {
      throw new IllegalStateException("输入参数 period 只能是 ONCE 或 YEARLY, 实际为 " + periodRule);
    }
    String period = yearly ? String.valueOf(clock.today().getYear()) : PolicyClaims.ONCE;
    String policyCode = text(execution, "policyCode", CaseVariables.ITEM_CODE);
    String policyName = text(execution, "policyName", CaseVariables.ITEM_NAME);
    String creditCode = (String) execution.getVariable(CaseVariables.CREDIT_CODE);
    String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
    Optional<PolicyClaims.Claim> blocking = claims.register(policyCode, period, creditCode, caseNumber,
        (String) execution.getVariable(CaseVariables.APPLICANT_NAME), policyName, amount);
    execution.setVariable("claimPeriod", period);
    execution.setVariable("subsidyAmountText", Amounts.text(amount));
    if (blocking.isPresent()) {
      PolicyClaims.Claim earlier = blocking.get();
      String state = PolicyClaims.PAID.equals(earlier.status()) ? "资金已拨付" : "正在办理";
      throw new BpmnError(ERROR_CODE, "贵单位 (统一社会信用代码 " + creditCode + ") 已于 "
          + NoticeComposer.formatDate(clock, Date.from(earlier.claimedAt())) + " 申请兑现 \"" + earlier.policyName()
          + "\" (案件编号 " + earlier.caseNumber() + ", " + state + ")。同一企业" + (yearly ? "每年度" : "")
          + "只能兑现同一政策一次, 本次申请不予受理");
    }
  }

  private static String text(DelegateExecution execution, String input, String caseVariable) {
    Object value = execution.getVariableLocal(input);
    if (value == null || value.toString().isBlank()) {
      value = execution.getVariable(caseVariable);
    }
    return value == null ? null : value.toString();
  }
}
