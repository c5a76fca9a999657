package cn.gaoxin.approval.publicnotice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.catalog.CatalogException;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calendar-day periods of catalog items (e.g. the 45-day notice of 简易注销): loading, validation, end dates. */
class CalendarPeriodsTest {

  static final ServiceCatalog CATALOG = new ServiceCatalog(Map.of("SCJG-JYZX-001", new ServiceItem("SCJG-JYZX-001",
      "企业简易注销登记", "market-regulation", List.of("simplified-deregistration"),
      new ServiceItem.TimeLimits(3, 1, 1, null, 5, null),
      List.of(new ServiceItem.Material("DEREG_APPLICATION", "注销登记申请书", ServiceItem.MaterialKind.CORE)),
      BigDecimal.ZERO, true, null, null, null)), Map.of());
  static final EngineClock CLOCK = new EngineClock("Asia/Shanghai");

  @TempDir Path dir;

  private CalendarPeriods load(String yaml) throws IOException {
    Files.writeString(dir.resolve("items.yaml"), yaml);
    Files.writeString(dir.resolve("departments.yaml"), "departments: []\n");
    return new CalendarPeriods(CATALOG, CLOCK, dir.toUri().toString());
  }

  @Test
  void aFortyFiveDayNoticeCountsCalendarDaysAndEndsAtTheEndOfItsLastDay() throws IOException {
    CalendarPeriods periods = load("items: []\ncalendarPeriods:\n  SCJG-JYZX-001: { publicNotice: P45D }\n");

    assertThat(periods.period("SCJG-JYZX-001", "publicNotice")).isEqualTo(Period.ofDays(45));
    // 2026-03-02 + 45 calendar days (Qingming 4–6 April counted like any day) = 2026-04-16
    assertThat(periods.endFrom(LocalDate.of(2026, 3, 2), Period.ofDays(45)))
        .isEqualTo(Date.from(LocalDate.of(2026, 4, 16).atTime(23, 59, 59).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    assertThat(periods.describe(Date.from(LocalDate.of(2026, 3, 2).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()),
        periods.endFrom(LocalDate.of(2026, 3, 2), Period.ofDays(45)))).isEqualTo("2026年3月2日 至 2026年4月16日 (45 个自然日)");
    assertThatThrownBy(() -> periods.period("SCJG-JYZX-001", "objection"))
        .hasMessageContaining("未在事项目录 calendarPeriods 中配置自然日期间 objection");
  }

  @Test
  void filesWithoutPeriodsAreFine() throws IOException {
    assertThatThrownBy(() -> load("items: []\n").period("SCJG-JYZX-001", "publicNotice"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anUnknownItemStopsStartUp() {
    assertThatThrownBy(() -> load("calendarPeriods:\n  SCJG-NONE-001: { publicNotice: P45D }\n"))
        .isInstanceOf(CatalogException.class).hasMessageContaining("SCJG-NONE-001").hasMessageContaining("事项目录中没有这个事项");
  }

  @Test
  void aPeriodThatIsNotIsoStopsStartUp() {
    assertThatThrownBy(() -> load("calendarPeriods:\n  SCJG-JYZX-001: { publicNotice: 45天 }\n"))
        .isInstanceOf(CatalogException.class).hasMessageContaining("calendarPeriods.publicNotice")
        .hasMessageContaining("不是 ISO-8601 期间");
  }

  @Test
  void anEmptyPeriodStopsStartUp() {
    assertThatThrownBy(() -> load("calendarPeriods:\n  SCJG-JYZX-001: { publicNotice: P0D }\n"))
        .isInstanceOf(CatalogException.class).hasMessageContaining("期间必须大于 0");
  }
}
