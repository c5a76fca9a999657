package cn.gaoxin.approval.audit;

import static cn.gaoxin.approval.audit.DemoDriverScenarios.Expected.ended;
import static cn.gaoxin.approval.audit.DemoDriverScenarios.Expected.open;

import cn.gaoxin.approval.audit.DemoDriverScenarios.Expected;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo-history drivers of the enterprise services (火炬积分贷, 政策兑现, 帮代办 / 邮帮办): every scenario played
 * once from Monday 14 July 2025; each case ends where its scenario says, leaves nothing behind, and shows on the
 * scorecard.
 */
class ServicesDemoDriversTest extends DemoDriverScenarios {

  static final LocalDateTime START = LocalDateTime.of(2025, 7, 14, 9, 30);

  @Test
  void innovationPointsLoan() {
    play("innovation-points-loan", 801, Map.of(
        "DISBURSED", ended("LOAN_DISBURSED"),
        "REDUCED", ended("LOAN_DISBURSED"),
        "REFUSED", ended("CREDIT_REFUSED"),
        "INELIGIBLE", ended("INELIGIBLE"),
        "POINTS_INSUFFICIENT", ended("INELIGIBLE"),
        "APPROVED_LATE", ended("LOAN_DISBURSED"),
        "WITHDRAWN", ended("WITHDRAWN"),
        "OPEN", open("ACCEPTED")));
  }

  @Test
  void policyFulfilment() {
    play("policy-fulfilment", 802, Map.ofEntries(
        Map.entry("PAID", ended("FUNDS_PAID")),
        Map.entry("OBJECTION_DISMISSED", ended("FUNDS_PAID")),
        Map.entry("OBJECTION_UPHELD", ended("NOT_GRANTED")),
        Map.entry("NOT_GRANTED", ended("NOT_GRANTED")),
        Map.entry("INELIGIBLE", ended("INELIGIBLE")),
        Map.entry("RETURNED", ended("FUNDS_PAID")),
        Map.entry("RESUBMITTED", ended("FUNDS_PAID")),
        Map.entry("NOT_ACCEPTED", ended("NOT_ACCEPTED")),
        Map.entry("APPROVED_LATE", ended("FUNDS_PAID")),
        Map.entry("WITHDRAWN", ended("WITHDRAWN")),
        Map.entry("OPEN", open("ACCEPTED"))));
  }

  @Test
  void proxyService() {
    play("proxy-service", 803, Map.of(
        "DELIVERED", ended("DELIVERED"),
        "HANDLING_REJECTED", ended("DELIVERED"),
        "CLOSED_WITHOUT_RESULT", ended("MATERIALS_COLLECTED"),
        "COLLECTION_LATE", ended("DELIVERED"),
        "CANCELLED", ended("WITHDRAWN"),
        "WITHDRAWN", ended("WITHDRAWN"),
        "ORDER_REFUSED", ended("NOT_ACCEPTED"),
        "OPEN", open("ORDER_TAKEN")));
  }

  private void play(String key, long seed, Map<String, Expected> expected) {
    play(key, START, seed, expected);
  }
}
