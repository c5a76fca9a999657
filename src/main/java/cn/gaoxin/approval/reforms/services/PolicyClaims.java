package cn.gaoxin.approval.reforms.services;

import cn.gaoxin.approval.calendar.EngineClock;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register of policy fulfilment claims (政策兑现). Its primary key (policy, claim period, credit code) is what
 * stops a firm from claiming one policy twice: two claims racing each other cannot both be inserted, whatever
 * the process engine does. Works inside the engine's transaction; the insert runs in a savepoint so that a
 * refused claim leaves the transaction usable (PostgreSQL aborts a transaction on a failed statement otherwise).
 */
@Component
public class PolicyClaims {

  private static final Logger log = LoggerFactory.getLogger(PolicyClaims.class);

  public static final String CLAIMED = "CLAIMED";
  public static final String PAID = "PAID";
  /** Claim period of a one-off policy (e.g. listing subsidies); yearly policies use the year, e.g. "2026". */
  public static final String ONCE = "ONCE";

  public record Claim(String policyCode, String claimPeriod, String creditCode, String caseNumber,
      String applicantName, String policyName, BigDecimal amount, String status, Instant claimedAt, Instant paidAt,
      String paymentVoucher) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate savepoint;
  private final EngineClock clock;

  public PolicyClaims(DataSource dataSource, PlatformTransactionManager transactionManager, EngineClock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.clock = clock;
  }

  /**
   * Registers the claim of a case. Returns empty when registered (or when this case registered it already, e.g. a
   * retried step); otherwise the earlier claim of the same firm for the same policy and period, which blocks it.
   */
  public Optional<Claim> register(String policyCode, String claimPeriod, String creditCode, String caseNumber,
      String applicantName, String policyName, BigDecimal amount) {
    Optional<Claim> existing = find(policyCode, claimPeriod, creditCode);
    if (existing.isPresent()) {
      return existing.get().caseNumber().equals(caseNumber) ? Optional.empty() : existing;
    }
    try {
      savepoint.executeWithoutResult(status -> jdbc.update("""
          insert into app_policy_claim (policy_code, claim_period, credit_code, case_number, applicant_name,
            policy_name, amount, status, claimed_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, policyCode, claimPeriod, creditCode, caseNumber, applicantName, policyName, amount, CLAIMED,
          Timestamp.from(clock.instant())));
      return Optional.empty();
    } catch (DuplicateKeyException raced) {
      // another claim of the same firm and policy committed between our check and our insert
      log.info("政策兑现申请 {} 与同一企业同一政策的另一申请同时提交, 已被唯一键拦截 ({} / {} / {})", caseNumber, policyCode,
          claimPeriod, creditCode);
      return Optional.of(find(policyCode, claimPeriod, creditCode).orElse(new Claim(policyCode, claimPeriod,
          creditCode, "(同时提交的另一申请)", applicantName, policyName, amount, CLAIMED, clock.instant(), null, null)));
    }
  }

  /** Releases the (unpaid) claim of a refused case so the firm may claim again; returns whether one was released. */
  public boolean release(String caseNumber) {
    return jdbc.update("delete from app_policy_claim where case_number = ? and status = ?", caseNumber, CLAIMED) == 1;
  }

  public boolean markPaid(String caseNumber, String voucher) {
    return jdbc.update("update app_policy_claim set status = ?, paid_at = ?, payment_voucher = ? where case_number = ?",
        PAID, Timestamp.from(clock.instant()), voucher, caseNumber) == 1;
  }

  public Optional<Claim> find(String policyCode, String claimPeriod, String creditCode) {
    return jdbc.query("select * from app_policy_claim where policy_code = ? and claim_period = ? and credit_code = ?",
        PolicyClaims::map, policyCode, claimPeriod, creditCode).stream().findFirst();
  }

  public Optional<Claim> forCase(String caseNumber) {
    return jdbc.query("select * from app_policy_claim where case_number = ?", PolicyClaims::map, caseNumber)
        .stream().findFirst();
  }

  public List<Claim> ofFirm(String creditCode) {
    return jdbc.query("select * from app_policy_claim where credit_code = ? order by claimed_at", PolicyClaims::map,
        creditCode);
  }

  private static Claim map(ResultSet rs, int row) throws SQLException {
    Timestamp paid = rs.getTimestamp("paid_at");
    return new Claim(rs.getString("policy_code"), rs.getString("claim_period"), rs.getString("credit_code"),
        rs.getString("case_number"), rs.getString("applicant_name"), rs.getString("policy_name"),
        rs.getBigDecimal("amount"), rs.getString("status"), rs.getTimestamp("claimed_at").toInstant(),
        paid == null ? null : paid.toInstant(), rs.getString("payment_voucher"));
  }
}
