package cn.gaoxin.approval.audit;

import static cn.gaoxin.approval.audit.DemoDriverChecks.ended;
import static cn.gaoxin.approval.audit.DemoDriverChecks.open;
import static org.assertj.core.api.Assertions.assertThat;

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
 * The demo-history drivers of the licensing reforms (一窗受理, 企业开办, 一业一证, 证照联办, 告知承诺制, 简易注销,
 * 跨区通办): every scenario played once from Monday 15 September 2025, so the cases run across the National Day
 * holiday (1–8 October); each ends where its scenario says, leaves nothing behind, and shows on the scorecard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LicensingDemoDriversTest extends ScenarioTest {

  static final LocalDateTime START = LocalDateTime.of(2025, 9, 15, 9, 30);

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
  void oneWindowAcceptance() {
    play("one-window-acceptance", 701, Map.of(
        "APPROVED", ended("DELIVERED"),
        "PARTIALLY_APPROVED", ended("DELIVERED"),
        "REJECTED", ended("DELIVERED"),
        "APPROVED_LATE", ended("DELIVERED"),
        "RESUBMITTED", ended("DELIVERED"),
        "NOT_ACCEPTED", ended("NOT_ACCEPTED"),
        "RETURNED", ended("DELIVERED"),
        "WITHDRAWN", ended("WITHDRAWN"),
        "OPEN", open("ACCEPTED")));
  }

  @Test
  void enterpriseEstablishment() {
    play("enterprise-establishment", 702, Map.of(
        "APPROVED", ended("DELIVERED"),
        "FOREIGN_INVESTED", ended("DELIVERED"),
        "APPROVED_LATE", ended("DELIVERED"),
        "REJECTED", ended("REJECTED"),
        "SCOPE_REFUSED", ended("SCOPE_REFUSED"),
        "RESUBMITTED", ended("DELIVERED"),
        "NOT_ACCEPTED", ended("NOT_ACCEPTED"),
        "RETURNED", ended("DELIVERED"),
        "WITHDRAWN", ended("WITHDRAWN"),
        "OPEN", open("ACCEPTED")));
  }

  @Test
  void oneIndustryOneLicence() {
    play("one-industry-one-licence", 703, Map.of(
        "APPROVED", ended("APPROVED"),
        "HYGIENE_REFUSED", ended("PARTIALLY_APPROVED"),
        "REJECTED", ended("REJECTED"),
        "APPROVED_LATE", ended("APPROVED"),
        "RESUBMITTED", ended("APPROVED"),
        "NOT_ACCEPTED", ended("NOT_ACCEPTED"),
        "RETURNED", ended("APPROVED"),
        "WITHDRAWN", ended("WITHDRAWN"),
        "OPEN", open("ACCEPTED")));
  }

  @Test
  void licencePermitJoint() {
    play("licence-permit-joint", 704, Map.of(
        "APPROVED", ended("APPROVED"),
        "LICENCE_ONLY", ended("PARTIALLY_APPROVED"),
        "REJECTED", ended("REJECTED"),
        "APPROVED_LATE", ended("APPROVED"),
        "RESUBMITTED", ended("APPROVED"),
        "NOT_ACCEPTED", ended("NOT_ACCEPTED"),
        "RETURNED", ended("APPROVED"),
        "WITHDRAWN", ended("WITHDRAWN"),
        "OPEN", open("ACCEPTED")));
  }

  @Test
  void notificationCommitment() {
    play("notification-commitment", 705, Map.ofEntries(
        Map.entry("FILED", ended("FILED")),
        Map.entry("COMMITMENT_CONFIRMED", ended("APPROVED")),
        Map.entry("COMMITMENT_REVOKED", ended("REVOKED")),
        Map.entry("POST_CHECK_LATE", ended("APPROVED")),
        Map.entry("REVIEW_APPROVED", ended("APPROVED")),
        Map.entry("REVIEW_LATE", ended("APPROVED")),
        Map.entry("REJECTED", ended("REJECTED")),
        Map.entry("RETURNED", ended("APPROVED")),
        Map.entry("RESUBMITTED", ended("APPROVED")),
        Map.entry("NOT_ACCEPTED", ended("NOT_ACCEPTED")),
        Map.entry("WITHDRAWN", ended("WITHDRAWN")),
        Map.entry("OPEN", open("ACCEPTED"))));
  }

  @Test
  void simplifiedDeregistration() {
    play("simplified-deregistration", 706, Map.ofEntries(
        Map.entry("DEREGISTERED", ended("DEREGISTERED")),
        Map.entry("NOT_ELIGIBLE", ended("INELIGIBLE")),
        Map.entry("OBJECTION_DISMISSED", ended("DEREGISTERED")),
        Map.entry("TERMINATED", ended("DEREGISTRATION_TERMINATED")),
        Map.entry("REFUSED", ended("REJECTED")),
        Map.entry("REGISTRATION_LATE", ended("DEREGISTERED")),
        Map.entry("RESUBMITTED", ended("DEREGISTERED")),
        Map.entry("NOT_ACCEPTED", ended("NOT_ACCEPTED")),
        Map.entry("RETURNED", ended("DEREGISTERED")),
        Map.entry("WITHDRAWN", ended("WITHDRAWN")),
        Map.entry("OPEN", open("PUBLIC_NOTICE"))));
  }

  @Test
  void crossRegionHandlingWithThePartnerDistrict() {
    play("cross-region-handling", 707, Map.of(
        "APPROVED", ended("APPROVED"),
        "REJECTED", ended("REJECTED"),
        "APPROVED_LATE", ended("APPROVED"),
        "RESUBMITTED", ended("APPROVED"),
        "NOT_ACCEPTED", ended("NOT_ACCEPTED"),
        "RETURNED", ended("APPROVED"),
        "WITHDRAWN", ended("WITHDRAWN"),
        "OPEN", open("FORWARDED_TO_PARTNER")));
    // every forwarding opened a partner district's case, which shows on the scorecard as well: one per forwarded
    // case, and a second one for the case the partner returned for correction
    assertThat(checks.figures("cross-region-partner", START.toLocalDate(), START.toLocalDate().plusDays(40)).cases())
        .isEqualTo(8);
  }

  private void play(String key, long seed, Map<String, End> expected) {
    checks.playAtOnce(drivers.stream().filter(d -> d.processKey().equals(key)).findFirst().orElseThrow(), START,
        seed, expected);
  }
}
