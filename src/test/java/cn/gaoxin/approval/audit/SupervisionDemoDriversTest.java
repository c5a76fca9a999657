package cn.gaoxin.approval.audit;

import static cn.gaoxin.approval.audit.DemoDriverChecks.ended;
import static cn.gaoxin.approval.audit.DemoDriverChecks.open;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.audit.simulation.DemoHistory;
import cn.gaoxin.approval.audit.simulation.supervision.DoubleRandomInspectionDriver;
import cn.gaoxin.approval.audit.simulation.supervision.ObserverSuggestionDriver;
import cn.gaoxin.approval.audit.simulation.supervision.PerMuYieldEvaluationDriver;
import cn.gaoxin.approval.audit.simulation.supervision.ServiceFollowUpDriver;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.support.ScenarioTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The demo-history drivers of the supervision models: every scenario once, from Monday 7 July 2025 on (no holiday
 * until October). Campaigns are launched by their department in Tasklist; follow-ups start when the case they
 * follow up finishes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisionDemoDriversTest extends ScenarioTest {

  static final LocalDateTime MONDAY = LocalDateTime.of(2025, 7, 7, 9, 0);

  @Autowired DemoHistory demo;
  @Autowired ScorecardService scorecards;
  @Autowired CaseSummaryStore summaries;
  @Autowired ServiceCatalog catalog;
  @Autowired DoubleRandomInspectionDriver doubleRandom;
  @Autowired ObserverSuggestionDriver observers;
  @Autowired PerMuYieldEvaluationDriver perMuYield;
  @Autowired ServiceFollowUpDriver followUps;
  DemoDriverChecks checks;

  @BeforeEach
  void checks() {
    checks = new DemoDriverChecks(demo, scorecards, summaries, catalog, engine);
  }

  @Test
  void doubleRandomInspection() {
    String published = "RESULTS_PUBLISHED";
    checks.playEveryScenario(doubleRandom, MONDAY, Map.of("PUBLISHED", ended(published),
        "FINDINGS_HANDLED", ended(published), "APPROVED_LATE", ended(published), "RETURNED", ended(published), "OPEN", open("SAMPLE_DRAWN")));
  }

  @Test
  void observerSuggestion() {
    checks.playEveryScenario(observers, MONDAY.plusDays(1), Map.of("REPLIED", ended("REPLIED"),
        "NOT_APPLICABLE", ended("NOT_APPLICABLE"), "REWORK", ended("REPLIED"), "TRIAGE_LATE", ended("REPLIED"),
        "RECTIFICATION_LATE", ended("REPLIED"), "OPEN", open("RECEIVED")));
  }

  @Test
  void perMuYieldEvaluation() {
    String published = "RESULTS_PUBLISHED";
    checks.playEveryScenario(perMuYield, MONDAY.plusDays(2), Map.of("PUBLISHED", ended(published),
        "DISPUTED", ended(published), "DEEMED", ended(published), "EXCLUDED", ended(published),
        "OBJECTION_UPHELD", ended(published), "OBJECTION_DISMISSED", ended(published),
        "APPROVED_LATE", ended(published), "RETURNED", ended(published), "OPEN", open("DATA_COLLECTION")));
  }

  @Test
  void serviceFollowUpOfAFinishedCase() {
    String closed = "FOLLOW_UP_CLOSED";
    var plan = DemoDriverChecks.plan(followUps, MONDAY.plusDays(3), followUps.processKey().hashCode());
    checks.playAndCheck(followUps, plan, Map.of("GOOD", ended(closed), "MEDIUM", ended(closed),
        "BAD_RESOLVED", ended(closed), "BAD_EXPLAINED", ended(closed), "BAD_REWORK", ended(closed),
        "CONTACT_LATE", ended(closed), "OPEN", open("RECEIVED")),
        c -> checks.followUpOf(c, "incomplete-materials-acceptance"));

    // the rating reaches the scorecard of the reform whose case was followed up
    LocalDate day = plan.get(0).start().toLocalDate();
    Scorecard.Figures food = scorecards.scorecard(day, day).reforms().stream()
        .filter(r -> r.key().equals("incomplete-materials-acceptance")).findFirst().orElseThrow().figures();
    assertThat(food.rated()).isGreaterThanOrEqualTo(plan.size() - 1);
    assertThat(food.followedUp()).isGreaterThanOrEqualTo(plan.size());
  }
}
