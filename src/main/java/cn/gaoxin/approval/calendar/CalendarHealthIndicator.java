package cn.gaoxin.approval.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports the holiday data horizon. Status is UNKNOWN (not DOWN: cases still run) once a due date was
 * computed for a year without holiday data, or when the data ends within the warning window.
 */
@Component("workingDayCalendarHealthIndicator")
public class CalendarHealthIndicator implements HealthIndicator {

  private final WorkingDayCalendar calendar;
  private final ZoneId zone;
  private final int warnDaysBeforeHorizon;

  public CalendarHealthIndicator(WorkingDayCalendar calendar,
      @Value("${approval.calendar.zone:Asia/Shanghai}") String zone,
      @Value("${approval.calendar.warn-days-before-horizon:45}") int warnDaysBeforeHorizon) {
    this.calendar = calendar;
    this.zone = ZoneId.of(zone);
    this.warnDaysBeforeHorizon = warnDaysBeforeHorizon;
  }

  @Override
  public Health health() {
    LocalDate today = LocalDate.now(zone);
    Health.Builder builder = Health.up();
    builder.withDetail("loadedYears", calendar.loadedYears());
    calendar.horizon().ifPresent(h -> builder.withDetail("horizon", h.toString()));
    boolean nearHorizon = calendar.horizon().map(h -> today.plusDays(warnDaysBeforeHorizon).isAfter(h)).orElse(true);
    if (!calendar.yearsQueriedWithoutData().isEmpty() || nearHorizon) {
      builder.unknown()
          .withDetail("yearsQueriedWithoutData", calendar.yearsQueriedWithoutData())
          .withDetail("warning", "节假日数据即将用完或已被超出: 请在 calendar/holidays-cn.yaml 中补充下一年的安排");
    }
    return builder.build();
  }
}
