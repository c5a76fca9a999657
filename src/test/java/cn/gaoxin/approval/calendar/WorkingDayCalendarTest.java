package cn.gaoxin.approval.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

class WorkingDayCalendarTest {

  static WorkingDayCalendar calendar;

  @BeforeAll
  static void load() throws Exception {
    calendar = CalendarConfiguration.load(new ClassPathResource("calendar/holidays-cn.yaml"));
  }

  /** The worked examples of holidays-cn.md, every one. */
  @ParameterizedTest(name = "{1} working days from {0} → {2}")
  @CsvSource({
      "2026-02-13, 5, 2026-02-27",   // Sat Feb 14 make-up = 1, Feb 15–23 off, Feb 24–27 = 2..5
      "2026-09-30, 1, 2026-10-08",   // Oct 1–7 off
      "2025-09-26, 3, 2025-09-30",   // Sun Sep 28 make-up = 1, Mon 29 = 2, Tue 30 = 3
  })
  void workedExamplesOfTheHolidayNotice(LocalDate start, int days, LocalDate due) {
    assertThat(calendar.addWorkingDays(start, days)).isEqualTo(due);
  }

  @ParameterizedTest(name = "{0} is a working day: {1}")
  @CsvSource({
      "2026-01-01, false", "2026-01-03, false", "2026-01-04, true",   // New Year, make-up Sunday
      "2026-02-14, true", "2026-02-15, false", "2026-02-23, false", "2026-02-28, true",
      "2026-04-06, false", "2026-05-05, false", "2026-05-09, true", "2026-06-19, false",
      "2026-09-20, true", "2026-09-25, false", "2026-10-07, false", "2026-10-10, true",
      "2025-01-26, true", "2025-02-08, true", "2025-04-27, true", "2025-10-08, false", "2025-10-11, true",
      "2026-11-21, false", "2026-11-23, true",                         // an ordinary weekend and Monday
  })
  void holidaysAndMakeUpDays(LocalDate date, boolean working) {
    assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
  }

  @Test
  void zeroDaysIsTheSameDayAndNegativeIsRefused() {
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 3, 2), 0)).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 3, 2), -1)).hasMessageContaining("不能为负数");
  }

  @Test
  void workingDaysBetweenCountsLikeTheLimits() {
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 27))).isEqualTo(5);
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 13))).isZero();
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 8))).isEqualTo(1);
  }

  @Test
  void aYearWithoutDataIsReportedNotSilentlyTreatedAsComplete() throws Exception {
    WorkingDayCalendar fresh = CalendarConfiguration.load(new ClassPathResource("calendar/holidays-cn.yaml"));
    assertThat(fresh.horizon()).contains(LocalDate.of(2026, 12, 31));
    assertThat(fresh.yearsQueriedWithoutData()).isEmpty();
    // 2027 has no notice loaded: weekends still count, and the calendar says it lacked data
    assertThat(fresh.addWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(fresh.yearsQueriedWithoutData()).containsExactly(2027);
    var health = new CalendarHealthIndicator(fresh, "Asia/Shanghai", 45).health();
    assertThat(health.getStatus().getCode()).isEqualTo("UNKNOWN");
    assertThat(health.getDetails()).containsKey("warning");
  }
}
