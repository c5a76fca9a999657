package cn.gaoxin.approval.supervision;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.calendar.WorkingDayCalendar;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Due dates in working days, for BPMN expressions (bean name {@code deadlines}). The limits come from the
 * case's catalog item (variable {@code itemCode}), never from the model:
 * <ul>
 *   <li>{@code ${deadlines.fromNow(execution, 'acceptance')}}: the item's acceptance limit counted from now;</li>
 *   <li>{@code ${deadlines.fromAcceptance(execution, 'promised')}}: counted from the day the case was accepted
 *       (variable {@code acceptedAt}), so a task created later still falls due on the promised day;</li>
 *   <li>{@code ${deadlines.workingDaysFromNow(3)}}: a fixed number of working days, where a model needs one.</li>
 * </ul>
 * Limit names: legal, promised, acceptance, supplement, resubmission, postCheck.
 */
@Component("deadlines")
public class Deadlines {

  public static final String ACCEPTED_AT = "acceptedAt";

  private final WorkingDayCalendar calendar;
  private final ServiceCatalog catalog;
  private final EngineClock clock;

  public Deadlines(WorkingDayCalendar calendar, ServiceCatalog catalog, EngineClock clock) {
    this.calendar = calendar;
    this.catalog = catalog;
    this.clock = clock;
  }

  public Date fromNow(VariableScope scope, String limitName) {
    return workingDaysFrom(clock.now(), limitOf(scope, limitName));
  }

  public Date fromAcceptance(VariableScope scope, String limitName) {
    Object acceptedAt = scope.getVariable(ACCEPTED_AT);
    Date start = acceptedAt instanceof Date d ? d : clock.now();
    return workingDaysFrom(start, limitOf(scope, limitName));
  }

  public Date workingDaysFromNow(int workingDays) {
    return workingDaysFrom(clock.now(), workingDays);
  }

  public Date workingDaysFrom(Date start, int workingDays) {
    return clock.endOfDay(calendar.addWorkingDays(clock.toLocalDate(start), workingDays));
  }

  public int limitOf(VariableScope scope, String limitName) {
    ServiceItem item = catalog.require((String) scope.getVariable("itemCode"));
    return item.limits().named(limitName);
  }
}
