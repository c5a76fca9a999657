package cn.gaoxin.approval.publicity;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a public notice period (公示期) of a number of calendar days: sets {@code publicNoticeStartsAt} (now),
 * {@code publicNoticeEndsAt}, {@code publicNoticePeriod} (ISO duration, e.g. P7D), {@code publicNoticeDays},
 * {@code publicNoticeSummary} (what the public list shows) and the case status 公示中. As the law counts periods
 * (期间开始之日不计算在期间内), the period starts the day after publication: a 7-day notice published on
 * 24 September ends at 23:59:59 on 1 October. Model the end as a timer on {@code ${publicNoticeEndsAt}}: an
 * absolute date, so waiting again after an objection does not restart the period.
 *
 * <p>Input parameters: {@code days} (calendar days, required, from data such as a decision table),
 * {@code summary} (optional text for the public list).
 */
@Component("openPublicNoticePeriod")
public class OpenPublicNoticePeriodDelegate implements JavaDelegate {

  public static final String ENDS_AT = "publicNoticeEndsAt";

  private final EngineClock clock;

  public OpenPublicNoticePeriodDelegate(EngineClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object daysValue = execution.getVariableLocal("days");
    int days;
    try {
      days = daysValue instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(daysValue).trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("公示环节的输入参数 days (公示天数) 必须是整数, 实际为 " + daysValue);
    }
    if (days < 1 || days > 366) {
      throw new IllegalStateException("公示天数必须在 1 到 366 天之间, 实际为 " + days);
    }
    Date now = clock.now();
    LocalDate lastDay = clock.toLocalDate(now).plusDays(days);
    execution.setVariable("publicNoticeStartsAt", now);
    execution.setVariable(ENDS_AT, clock.endOfDay(lastDay));
    execution.setVariable("publicNoticeDays", days);
    execution.setVariable("publicNoticePeriod", "P" + days + "D");
    Object summary = execution.getVariableLocal("summary");
    execution.setVariable("publicNoticeSummary", summary == null ? execution.getVariable(CaseVariables.ITEM_NAME) : summary.toString());
    execution.setVariable(CaseVariables.CASE_STATUS, CaseStatus.PUBLIC_NOTICE.name());
  }
}
