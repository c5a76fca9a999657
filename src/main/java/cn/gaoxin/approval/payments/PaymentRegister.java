package cn.gaoxin.approval.payments;

import cn.gaoxin.approval.calendar.EngineClock;
import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * The payment register: every payment a case makes (policy subsidies, courier fees the government settles, loan
 * disbursements), with a voucher number such as {@code ZF-2026-000001}. Paying is idempotent per payment key
 * (case and purpose): a payment step retried after a technical failure finds the payment it already made. The
 * register joins the caller's transaction, so a payment exists exactly when the process step that made it
 * committed. Connecting the treasury (国库集中支付) or a bank's core system means implementing the transfer
 * behind {@link #pay}; the register stays the record auditors read.
 */
@Component
public class PaymentRegister {

  /** What a process asks to pay. {@code key} identifies the payment within the zone (e.g. case number + purpose). */
  public record PaymentOrder(String key, String caseNumber, String processInstanceId, String purpose, String payer,
      String payeeName, String payeeCreditCode, BigDecimal amount) {}

  private final JdbcTemplate jdbc;
  private final EngineClock clock;
  private final String nextValueSql;

  public PaymentRegister(DataSource dataSource, EngineClock clock) throws Exception {
    this.jdbc = new JdbcTemplate(dataSource);
    this.clock = clock;
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.nextValueSql = product.toLowerCase().contains("postgres")
        ? "select nextval('app_payment_seq')" : "select next value for app_payment_seq";
  }

  /** Pays (once): returns the payment made under this key, made now if there was none. */
  public Payment pay(PaymentOrder order) {
    if (order.amount() == null || order.amount().signum() <= 0) {
      throw new IllegalArgumentException("支付金额必须大于 0: " + order.amount());
    }
    Optional<Payment> existing = byKey(order.key());
    if (existing.isPresent()) {
      return existing.get();
    }
    String voucher = String.format("ZF-%d-%06d", clock.today().getYear(), jdbc.queryForObject(nextValueSql, Long.class));
    jdbc.update("""
        insert into app_payment (voucher_number, payment_key, case_number, process_instance_id, purpose, payer,
          payee_name, payee_credit_code, amount, paid_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, voucher, order.key(), order.caseNumber(), order.processInstanceId(), order.purpose(), order.payer(),
        order.payeeName(), order.payeeCreditCode(), order.amount(), Timestamp.from(clock.instant()));
    return byVoucher(voucher).orElseThrow();
  }

  public Optional<Payment> byVoucher(String voucherNumber) {
    return jdbc.query("select * from app_payment where voucher_number = ?", PaymentRegister::map, voucherNumber)
        .stream().findFirst();
  }

  public List<Payment> forCase(String caseNumber) {
    return jdbc.query("select * from app_payment where case_number = ? order by voucher_number", PaymentRegister::map,
        caseNumber);
  }

  public List<Payment> toPayee(String creditCode) {
    return jdbc.query("select * from app_payment where payee_credit_code = ? order by voucher_number",
        PaymentRegister::map, creditCode);
  }

  private Optional<Payment> byKey(String key) {
    return jdbc.query("select * from app_payment where payment_key = ?", PaymentRegister::map, key).stream().findFirst();
  }

  private static Payment map(ResultSet rs, int row) throws SQLException {
    return new Payment(rs.getString("voucher_number"), rs.getString("case_number"), rs.getString("purpose"),
        rs.getString("payer"), rs.getString("payee_name"), rs.getString("payee_credit_code"),
        rs.getBigDecimal("amount"), rs.getTimestamp("paid_at").toInstant());
  }
}
