package cn.gaoxin.approval.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Chinese working-day calendar: Monday to Friday, minus statutory holidays, plus make-up working days.
 *
 * <p>Time limits in the catalog are counted the way service halls count them: the day of acceptance does
 * not count, counting starts on the next working day, and the limit falls due at the end of the n-th working
 * day. A date in a year without loaded holiday data is counted by weekends only; that is logged once per year
 * and reported by {@link CalendarHealthIndicator}, never silently treated as complete.
 */
public class WorkingDayCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

  private final Map<Integer, HolidayYear> years;
  private final Set<LocalDate> daysOff = new HashSet<>();
  private final Set<LocalDate> makeUpDays = new HashSet<>();
  private final Set<Integer> yearsQueriedWithoutData = ConcurrentHashMap.newKeySet();

  public WorkingDayCalendar(Map<Integer, HolidayYear> years) {
    this.years = Collections.unmodifiableMap(new TreeMap<>(years));
    years.values().forEach(year -> {
      year.holidays().forEach(h -> h.from().datesUntil(h.to().plusDays(1)).forEach(daysOff::add));
      makeUpDays.addAll(year.makeUpWorkdays());
    });
  }

  public boolean isWorkingDay(LocalDate date) {
    checkHorizon(date);
    if (makeUpDays.contains(date)) {
      return true;
    }
    if (daysOff.contains(date)) {
      return false;
    }
    DayOfWeek dow = date.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  /** The date on which a limit of {@code workingDays} counted from {@code start} falls due. */
  public LocalDate addWorkingDays(LocalDate start, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("工作日数不能为负数: " + workingDays);
    }
    LocalDate date = start;
    int counted = 0;
    while (counted < workingDays) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    return date;
  }

  /** The last working day before {@code date}. */
  public LocalDate previousWorkingDay(LocalDate date) {
    LocalDate d = date.minusDays(1);
    while (!isWorkingDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  /**
   * Working days used from {@code start} (exclusive) to {@code end} (inclusive): 0 when finished on the
   * day of acceptance, 1 when finished on the next working day, and so on. Used to measure against limits.
   */
  public int workingDaysBetween(LocalDate start, LocalDate end) {
    if (end.isBefore(start)) {
      return -workingDaysBetween(end, start);
    }
    int count = 0;
    for (LocalDate d = start.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  /** The last date covered by loaded holiday data, if any year is loaded. */
  public Optional<LocalDate> horizon() {
    return years.keySet().stream().max(Integer::compare).map(y -> Year.of(y).atDay(Year.of(y).length()));
  }

  public Set<Integer> loadedYears() {
    return years.keySet();
  }

  /** Years for which a date was asked although no holiday data is loaded. */
  public Set<Integer> yearsQueriedWithoutData() {
    return Set.copyOf(yearsQueriedWithoutData);
  }

  private void checkHorizon(LocalDate date) {
    int year = date.getYear();
    if (!years.containsKey(year) && yearsQueriedWithoutData.add(year)) {
      log.warn("工作日历缺少 {} 年的节假日数据: 该年只按周末计算, 请补充国务院办公厅的节假日安排 (calendar/holidays-cn.yaml)", year);
    }
  }
}
