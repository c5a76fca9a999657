package cn.gaoxin.approval.worklists;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sets each task's follow-up date (跟进日期) to the start of the last working day before it falls due, so the
 * work queue 即将超期 can list tasks due within one working day with a plain Tasklist filter, and clerks see the
 * warning date in Tasklist.
 */
@Component
public class DueWarning {

  private final WorkingDayCalendar calendar;
  private final EngineClock clock;

  public DueWarning(WorkingDayCalendar calendar, EngineClock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  @EventListener(condition = "#task.eventName == 'create'")
  public void onTask(org.camunda.bpm.engine.delegate.DelegateTask task) {
    Date due = task.getDueDate();
    if (due == null || task.getFollowUpDate() != null) {
      return; // a model that sets its own follow-up date keeps it
    }
    LocalDate warningDay = calendar.previousWorkingDay(clock.toLocalDate(due));
    Date followUp = Date.from(warningDay.atStartOfDay(clock.zone()).toInstant());
    if (!followUp.equals(task.getFollowUpDate())) {
      task.setFollowUpDate(followUp);
    }
  }
}
