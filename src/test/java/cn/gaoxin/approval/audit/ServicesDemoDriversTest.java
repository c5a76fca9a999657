package cn.gaoxin.approval.audit;

import static cn.gaoxin.approval.audit.DemoDriverChecks.ended;
import static cn.gaoxin.approval.audit.DemoDriverChecks.open;

import cn.gaoxin.approval.audit.DemoDriverChecks.End;
import cn.gaoxin.approval.audit.simulation.DemoHistory;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.support.ScenarioTest;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The demo-history drivers of the enterprise services (火炬积分贷, 政策兑现, 帮代办 / 邮帮办): every scenario played
 * once from Monday 14 July 2025; each case ends where its scenario says, leaves nothing behind, and shows on the
 * scorecard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServicesDemoDriversTest extends ScenarioTest {

  static final LocalDateTime START = LocalDateTime.of(2025, 7, 14, 9, 30);

  @Autowired DemoHistory demo;
  @Autowired ScorecardService scorecards;
  @Autowired CaseSummaryStore summaries;
  @Autowired ServiceCatalog catalog;
  @Autowired List<ReformDriver> drivers;
  DemoDriverChecks checks;

  @BeforeEach
  void checks() {
    checks = new DemoDriverChecks(demo, scorecards, summaries, catalog, engine);
  }

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

  private void play(String key, long seed, Map<String, End> expected) {
    checks.playAtOnce(drivers.stream().filter(d -> d.processKey().equals(key)).findFirst().orElseThrow(), START,
        seed, expected);
  }
}
