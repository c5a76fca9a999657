package cn.gaoxin.approval.publicity;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.notices.NoticeComposer;
import cn.gaoxin.approval.notices.NoticeTemplates;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Fills notice templates ({placeholders}) for texts that are not a notice to the case's applicant: announcements and
 * notices to each listed enterprise. Values: the given extras first, then case variables; dates as yyyy年M月d日.
 */
@Component
public class CaseText {

  private final EngineClock clock;

  public CaseText(EngineClock clock) {
    this.clock = clock;
  }

  public String fill(String template, VariableScope scope, Map<String, String> extra) {
    return NoticeTemplates.fill(template, name -> {
      if (extra.containsKey(name)) {
        return extra.get(name);
      }
      Object v = scope.getVariable(name);
      if (v instanceof Date d) {
        return NoticeComposer.formatDate(clock, d);
      }
      if ("caseStatusText".equals(name)) {
        return CaseStatus.label(scope.getVariable("caseStatus"));
      }
      return v == null ? null : v.toString();
    });
  }
}
