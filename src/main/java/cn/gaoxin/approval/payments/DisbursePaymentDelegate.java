package cn.gaoxin.approval.payments;

import cn.gaoxin.approval.cases.CaseVariables;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Pays money out on the case into the {@link PaymentRegister} (idempotent per case and purpose). The step reaches
 * outside the engine (treasury, bank): model it with {@code camunda:asyncBefore} and a retry cycle, so a
 * technical failure is retried and never pays twice.
 *
 * <p>Input parameters: {@code purpose} (required, e.g. 政策兑现资金), {@code payer} (required), {@code amount}
 * (required, yuan, &gt; 0), {@code payeeName} / {@code payeeCreditCode} (default: the applicant; a named payee has no credit code unless given),
 * {@code resultVariable} (default {@code paymentVoucher}). Writes the voucher number to the result variable, and
 * {@code <resultVariable>Amount} (number), {@code <resultVariable>AmountText} ("800,000 元"), {@code <resultVariable>At}.
 */
@Component("disbursePayment")
public class DisbursePaymentDelegate implements JavaDelegate {

  private final PaymentRegister register;

  public DisbursePaymentDelegate(PaymentRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String purpose = required(execution, "purpose");
    String payer = required(execution, "payer");
    BigDecimal amount = Amounts.yuan(execution.getVariableLocal("amount"));
    if (amount == null || amount.signum() <= 0) {
      throw new IllegalStateException("支付环节的金额 (amount) 必须大于 0, 实际为 " + execution.getVariableLocal("amount"));
    }
    // the applicant is the payee unless the model names another one (e.g. the post office for courier fees)
    Object namedPayee = execution.getVariableLocal("payeeName");
    boolean applicantIsPayee = namedPayee == null || namedPayee.toString().isBlank();
    String payeeName = applicantIsPayee ? (String) execution.getVariable(CaseVariables.APPLICANT_NAME) : namedPayee.toString();
    Object namedCode = execution.getVariableLocal("payeeCreditCode");
    String payeeCode = namedCode != null && !namedCode.toString().isBlank() ? namedCode.toString()
        : applicantIsPayee ? (String) execution.getVariable(CaseVariables.CREDIT_CODE) : null;
    String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
    Payment payment = register.pay(new PaymentRegister.PaymentOrder(caseNumber + ":" + purpose, caseNumber,
        execution.getProcessInstanceId(), purpose, payer, payeeName, payeeCode, amount));
    Object resultVariable = execution.getVariableLocal("resultVariable");
    String result = resultVariable == null || resultVariable.toString().isBlank() ? "paymentVoucher" : resultVariable.toString();
    execution.setVariable(result, payment.voucherNumber());
    execution.setVariable(result + "Amount", Amounts.variable(payment.amount()));
    execution.setVariable(result + "AmountText", Amounts.text(payment.amount()));
    execution.setVariable(result + "At", java.util.Date.from(payment.paidAt()));
  }

  private static String required(DelegateExecution execution, String name) {
    Object value = execution.getVariableLocal(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("支付环节缺少输入参数 " + name);
    }
    return value.toString();
  }
}
