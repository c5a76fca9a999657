package cn.gaoxin.approval.audit;

import static cn.gaoxin.approval.audit.AuditScenarioSupport.FOOD;
import static cn.gaoxin.approval.audit.AuditScenarioSupport.REFORM;
import static cn.gaoxin.approval.audit.AuditScenarioSupport.planned;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.audit.simulation.DemoHistory;
import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.support.ScenarioTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The scorecard's figures on a known simulated set: ten 容缺受理 cases submitted on Monday 3 November 2025 (a month
 * without holidays), one per path, with the working days each takes fixed by the plan.
 */
// the same application context as the audit REST and browser tests (a web server on a random port): one context
// for all audit tests, so no context switch evicts the one the engine REST API depends on
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditScorecardTest extends ScenarioTest {

  static final LocalDateTime MONDAY = LocalDateTime.of(2025, 11, 3, 10, 0);

  @Autowired DemoHistory demo;
  @Autowired ScorecardService scorecards;
  @Autowired CaseSummaryStore summaries;

  @Test
  void figuresOfAKnownSimulatedSet() {
    String firm = "湘潭宏达机电设备有限公司";
    String code = AuditScenarioSupport.creditCode(11);
    List<PlannedCase> plan = List.of(
        planned("APPROVED", MONDAY, "ONLINE", firm, code, FOOD, Map.of("reviewDays", 2)),
        planned("APPROVED", MONDAY, "COUNTER", firm, code, FOOD, Map.of("reviewDays", 4)),
        planned("APPROVED_LATE", MONDAY, "ONLINE", firm, code, FOOD, Map.of("reviewDays", 7)),
        planned("REJECTED", MONDAY, "ONLINE", firm, code, FOOD, Map.of("reviewDays", 3)),
        planned("TOLERANT_SUPPLEMENTED", MONDAY, "ONLINE", firm, code, FOOD,
            Map.of("supplementDays", 2, "reviewDays", 5)),
        planned("TOLERANT_RETURNED", MONDAY, "ONLINE", firm, code, FOOD, Map.of("supplementDays", 3, "reviewDays", 4)),
        planned("NOT_ACCEPTED", MONDAY, "ONLINE", firm, code, FOOD, Map.of()),
        planned("WITHDRAWN", MONDAY, "ONLINE", firm, code, FOOD, Map.of("withdrawDays", 1)),
        planned("RESUBMITTED", MONDAY, "ONLINE", firm, code, FOOD, Map.of("resubmitDays", 2, "reviewDays", 3)),
        planned("OPEN", MONDAY, "ONLINE", firm, code, FOOD, Map.of()));
    AuditScenarioSupport.play(demo, plan);

    Scorecard card = scorecards.scorecard(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30));
    Scorecard.Reform reform = card.reforms().stream().filter(r -> r.key().equals(REFORM)).findFirst().orElseThrow();
    assertThat(reform.name()).isEqualTo("容缺受理");
    Scorecard.Figures f = reform.figures();
    // decided: 2, 4, 7 (overdue), 3 (rejected), 5 and 4 (容缺), 5 (resubmitted): sorted 2 3 4 4 5 5 7
    assertThat(f.cases()).isEqualTo(10);
    assertThat(f.decided()).isEqualTo(7);
    assertThat(f.approved()).isEqualTo(6);
    assertThat(f.rejected()).isEqualTo(1);
    assertThat(f.withdrawn()).isEqualTo(1);
    assertThat(f.open()).isEqualTo(1);
    assertThat(f.medianDays()).isEqualTo(4.0);
    assertThat(f.p90Days()).isEqualTo(5.8);
    // from acceptance: 2 4 7 3 5 4 3 against the promised 5 working days: 6 of 7 on time
    assertThat(f.onTimeRate()).isEqualTo(0.8571);
    assertThat(f.visitsPerCase()).isEqualTo(0.1);
    assertThat(f.atMostOneVisitRate()).isEqualTo(1.0);
    assertThat(f.materialsPerCase()).isEqualTo(6.0);
    assertThat(f.tolerantCases()).isEqualTo(2);
    assertThat(f.supervisionEvents()).isEqualTo(1);
    assertThat(f.supervisedCases()).isEqualTo(1);
    assertThat(f.completed()).isEqualTo(9); // the withdrawn case ends through the model's withdrawal path
    // finished cases get their follow-up (service-follow-up) once it starts; none is rated yet
    Long followed = summaries.jdbc().queryForObject("select count(*) from app_case_summary where process_key = ? "
        + "and credit_code = ? and end_state = 'COMPLETED' and followed_up_at is not null", Long.class, REFORM, code);
    assertThat(f.followedUp()).isEqualTo(followed);
    assertThat(f.followUpCoverage()).isEqualTo(ScorecardService.round(followed / 9.0));
    assertThat(f.rated()).isZero();
    assertThat(f.satisfactionRate()).isNull();
    assertThat(reform.items()).extracting(Scorecard.Item::code).contains(FOOD, "SCJG-BG-001", "WJ-GGWS-001");
    Scorecard.Item food = reform.items().stream().filter(i -> FOOD.equals(i.code())).findFirst().orElseThrow();
    assertThat(food.figures()).isEqualTo(f);
    assertThat(food.baseline()).isNull();
    Scorecard.Item other = reform.items().stream().filter(i -> "WJ-GGWS-001".equals(i.code())).findFirst().orElseThrow();
    assertThat(other.figures().cases()).isZero();
    assertThat(other.figures().medianDays()).isNull();

    // nothing outside the period
    Scorecard before = scorecards.scorecard(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 15));
    assertThat(before.reforms().stream().filter(r -> r.key().equals(REFORM)).findFirst().orElseThrow()
        .figures().cases()).isZero();
  }

  @Test
  void followUpCasesCountTowardsCoverageAndSatisfaction() {
    String code = AuditScenarioSupport.creditCode(12);
    AuditScenarioSupport.play(demo, List.of(
        planned("APPROVED", LocalDateTime.of(2025, 10, 20, 9, 30), "ONLINE", "青岛海科食品有限公司", code, FOOD,
            Map.of("reviewDays", 1)),
        planned("APPROVED", LocalDateTime.of(2025, 10, 21, 9, 30), "ONLINE", "青岛海科食品有限公司", code, FOOD,
            Map.of("reviewDays", 1))));
    List<String> cases = summaries.jdbc().queryForList("select case_number from app_case_summary where credit_code = ? "
        + "and process_key = ? order by submitted_at", String.class, code, REFORM);
    assertThat(cases).hasSize(2);

    // any model that follows up a case by convention: variables originalCaseNumber and evaluation
    var model = Bpmn.createExecutableProcess("audit-test-follow-up").name("回访 (测试)").camundaHistoryTimeToLive(10950)
        .startEvent().name("开始").endEvent().name("结束").done();
    engine.getRepositoryService().createDeployment().addModelInstance("audit-test-follow-up.bpmn", model).deploy();
    clockAt(LocalDateTime.of(2025, 11, 28, 10, 0));
    engine.getRuntimeService().startProcessInstanceByKey("audit-test-follow-up", "GX-2025-FU0001",
        Map.of("originalCaseNumber", cases.get(0), "evaluation", "满意"));

    Scorecard card = scorecards.scorecard(LocalDate.of(2025, 10, 20), LocalDate.of(2025, 10, 21));
    Scorecard.Figures f = card.reforms().stream().filter(r -> r.key().equals(REFORM)).findFirst().orElseThrow().figures();
    assertThat(f.completed()).isEqualTo(2);
    // the first case is followed up by the test model (and perhaps by service-follow-up too); the second perhaps
    assertThat(f.followedUp()).isBetween(1L, 2L);
    assertThat(f.followUpCoverage()).isEqualTo(f.followedUp() / 2.0);
    assertThat(f.rated()).isEqualTo(1);
    assertThat(f.satisfactionRate()).isEqualTo(1.0);
    assertThat(f.averageScore()).isEqualTo(4.0);
    assertThat(summaries.byCaseNumber(cases.get(0)).orElseThrow().satisfaction()).isEqualTo("满意");
    assertThat(CaseSummaries.score("GOOD")).isEqualTo(4);
    assertThat(CaseSummaries.score("中评")).isEqualTo(3);
    assertThat(CaseSummaries.score("BAD")).isEqualTo(2);
  }

  @Test
  void reductionsAgainstTheCatalogBaseline() {
    ServiceItem item = new ServiceItem("YYYZ-001", "一业一证", "market-regulation", List.of("one-industry-one-licence"),
        null, List.of(), BigDecimal.ZERO, false, "", new ServiceItem.Baseline(12, 20, "材料压减50%, 审批时间压缩98%"), null);
    Scorecard.Figures f = new Scorecard.Figures(4, 4, 4, 0, 0, 0, 0.4, 1.0, 1.0, 0.0, 1.0, 6.0, 0, 0, 0, 4, 0, 0.0, 0,
        null, null);
    Scorecard.Baseline b = ScorecardService.baseline(item, f);
    assertThat(b.materials()).isEqualTo(12);
    assertThat(b.days()).isEqualTo(20);
    assertThat(b.materialsReduction()).isEqualTo(50.0);
    assertThat(b.daysReduction()).isEqualTo(98.0);
    assertThat(b.claim()).isEqualTo("材料压减50%, 审批时间压缩98%");
  }

  @Test
  void percentilesInterpolateLikePercentileCont() {
    TreeMap<Integer, Long> h = new TreeMap<>(Map.of(1, 1L, 2, 1L, 3, 1L, 4, 1L));
    assertThat(ScorecardService.percentile(h, 0.5)).isEqualTo(2.5);
    assertThat(ScorecardService.percentile(h, 0.9)).isEqualTo(3.7);
    assertThat(ScorecardService.percentile(new TreeMap<>(Map.of(6, 3L)), 0.9)).isEqualTo(6.0);
    assertThat(ScorecardService.percentile(new TreeMap<>(), 0.5)).isNull();
  }
}
