package cn.gaoxin.approval.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Now" as the engine sees it. The engine's clock can be moved in tests and in the demo-history simulation;
 * due dates must follow it. This is the one place that touches the engine's impl package (ClockUtil has no
 * public-API equivalent); replace it here when moving to another engine distribution.
 */
@Component
public class EngineClock {

  private final ZoneId zone;

  public EngineClock(@Value("${approval.calendar.zone:Asia/Shanghai}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  public Date now() {
    return ClockUtil.getCurrentTime();
  }

  public LocalDate today() {
    return toLocalDate(now());
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalDate toLocalDate(Date date) {
    return date.toInstant().atZone(zone).toLocalDate();
  }

  /** The last second of a day in the zone's local time: a limit falls due at the end of its day. */
  public Date endOfDay(LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant());
  }

  public Instant instant() {
    return now().toInstant();
  }
}
