package cn.gaoxin.approval.publicnotice;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts a public notice (公示) today for the calendar-day period named by input parameter {@code period}
 * (default {@code publicNotice}) of the case's catalog item (see {@link CalendarPeriods}). Writes
 * {@code publicNoticeStartsAt}, {@code publicNoticeEndsAt} (23:59:59 of the last day; a timer waits for it),
 * {@code publicNoticePeriod} (ISO text) and {@code publicNoticeDays}, {@code publicNoticeText} (for forms), and sets the case status to 公示中.
 */
@Component("startPublicNotice")
public class StartPublicNoticeDelegate implements JavaDelegate {

  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final CalendarPeriods periods;
  private final EngineClock clock;

  public StartPublicNoticeDelegate(CalendarPeriods periods, EngineClock clock) {
    this.periods = periods;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object name = execution.getVariableLocal("period");
    String periodName = name == null || name.toString().isBlank() ? "publicNotice" : name.toString();
    Period period = periods.period((String) execution.getVariable(CaseVariables.ITEM_CODE), periodName);
    LocalDate today = clock.today();
    execution.setVariable("publicNoticeStartsAt", clock.now());
    execution.setVariable("publicNoticeEndsAt", periods.endFrom(today, period));
    execution.setVariable("publicNoticePeriod", period.toString());
    int days = (int) (today.plus(period).toEpochDay() - today.toEpochDay());
    execution.setVariable("publicNoticeDays", days);
    execution.setVariable("publicNoticeText", CHINESE_DATE.format(today) + " 至 " + CHINESE_DATE.format(today.plus(period))
        + " (" + days + " 个自然日)");
    execution.setVariable(CaseVariables.CASE_STATUS, CaseStatus.IN_PUBLIC_NOTICE.name());
  }
}
