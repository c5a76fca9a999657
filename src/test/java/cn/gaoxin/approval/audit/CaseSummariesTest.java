package cn.gaoxin.approval.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.calendar.CalendarConfiguration;
import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Working days to decision and on-time, from acceptance or from a promise clock the model starts later. */
class CaseSummariesTest {

  static final ServiceCatalog CATALOG = new ServiceCatalog(Map.of("SCJG-JYZX-001", new ServiceItem("SCJG-JYZX-001",
      "企业简易注销登记", "market-regulation", List.of("simplified-deregistration"),
      new ServiceItem.TimeLimits(3, 1, 1, null, 5, null),
      List.of(new ServiceItem.Material("DEREG_APPLICATION", "注销登记申请书", ServiceItem.MaterialKind.CORE)),
      BigDecimal.ZERO, true, null, null, null)), Map.of());

  final CaseSummaries summaries = summaries();

  static CaseSummaries summaries() {
    try {
      return new CaseSummaries(CATALOG, CalendarConfiguration.load(new ClassPathResource("calendar/holidays-cn.yaml")),
          new EngineClock("Asia/Shanghai"), List.of("followUpOf"), List.of("evaluation"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Date at(int month, int day) {
    return Date.from(LocalDateTime.of(2026, month, day, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }

  private CaseSummary build(Map<String, Object> vars) {
    return summaries.build("pi", "GX-2026-000001", "simplified-deregistration", "simplified-deregistration:1:x", true,
        at(3, 2).toInstant(), null, null, vars);
  }

  @Test
  void withoutAPromiseClockTheLimitRunsFromAcceptance() {
    Map<String, Object> vars = new HashMap<>(Map.of("itemCode", "SCJG-JYZX-001", "acceptedAt", at(3, 2),
        "decidedAt", at(4, 20), "decisionStatus", "DEREGISTERED"));

    CaseSummary s = build(vars);

    // Mon 2 March → Mon 20 April 2026: 34 working days (Qingming 4–6 April off), far beyond the 1-day promise
    assertThat(s.daysFromAcceptance()).isEqualTo(34);
    assertThat(s.onTime()).isFalse();
  }

  @Test
  void aPromiseClockStartedAfterTheNoticeCountsOnlyTheDaysAfterIt() {
    Map<String, Object> vars = new HashMap<>(Map.of("itemCode", "SCJG-JYZX-001", "acceptedAt", at(3, 2),
        "promiseClockStartedAt", at(4, 17), "decidedAt", at(4, 20), "decisionStatus", "DEREGISTERED"));

    CaseSummary s = build(vars);

    assertThat(s.daysToDecision()).isEqualTo(34); // from application: the whole span is still reported
    assertThat(s.daysFromAcceptance()).isEqualTo(1); // Fri 17 → Mon 20 April: one working day
    assertThat(s.onTime()).isTrue();
  }

  @Test
  void theSummaryReadsThePromiseClock() {
    assertThat(summaries.variableNames()).contains("promiseClockStartedAt", "decidedAt", "acceptedAt");
  }
}
