package cn.gaoxin.approval.reforms.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database guard of 政策兑现 on its own: a claim whose twin is inserted but not yet committed by another
 * transaction waits for it and is then refused by the unique key, naming the twin; the transaction stays usable.
 */
class PolicyClaimsTest extends ServicesScenarioTest {

  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void aClaimRacingAnUncommittedTwinIsRefusedByTheUniqueKey() throws Exception {
    String firm = newCreditCode();
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    CountDownLatch firstInserted = new CountDownLatch(1);
    CountDownLatch commitFirst = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Optional<PolicyClaims.Claim>> first = pool.submit(() -> tx.execute(status -> {
        Optional<PolicyClaims.Claim> result = claims.register("CZ-ZCDX-001", "ONCE", firm, "GX-2026-900001", "甲公司",
            "新三板挂牌一次性资金补助", new BigDecimal("800000"));
        firstInserted.countDown();
        await(commitFirst);
        return result;
      }));
      assertThat(firstInserted.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Object[]> second = pool.submit(() -> tx.execute(status -> {
        Optional<PolicyClaims.Claim> result = claims.register("CZ-ZCDX-001", "ONCE", firm, "GX-2026-900002", "甲公司",
            "新三板挂牌一次性资金补助", new BigDecimal("800000"));
        // the transaction is still usable after the refused insert
        Optional<PolicyClaims.Claim> seen = claims.forCase("GX-2026-900001");
        return new Object[] {result, seen};
      }));
      Thread.sleep(500);
      assertThat(second.isDone()).as("the second claim waits for the first transaction").isFalse();
      commitFirst.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS)).isEmpty();
      Object[] outcome = second.get(20, TimeUnit.SECONDS);
      @SuppressWarnings("unchecked") Optional<PolicyClaims.Claim> refused = (Optional<PolicyClaims.Claim>) outcome[0];
      assertThat(refused).hasValueSatisfying(c -> assertThat(c.caseNumber()).isEqualTo("GX-2026-900001"));
      assertThat((Optional<?>) outcome[1]).isPresent();
      assertThat(claims.ofFirm(firm)).singleElement().satisfies(c -> assertThat(c.caseNumber()).isEqualTo("GX-2026-900001"));
    } finally {
      commitFirst.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void theSameCaseRegisteringAgainIsNotADuplicateAndReleaseKeepsPaidClaims() {
    String firm = newCreditCode();
    assertThat(claims.register("CZ-ZCDX-004", "ONCE", firm, "GX-2026-900011", "乙公司", "高新技术企业首次认定奖励",
        new BigDecimal("200000"))).isEmpty();
    assertThat(claims.register("CZ-ZCDX-004", "ONCE", firm, "GX-2026-900011", "乙公司", "高新技术企业首次认定奖励",
        new BigDecimal("200000"))).isEmpty();
    assertThat(claims.markPaid("GX-2026-900011", "ZF-2026-999999")).isTrue();
    assertThat(claims.release("GX-2026-900011")).isFalse();
    assertThat(claims.ofFirm(firm)).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo("PAID"));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
