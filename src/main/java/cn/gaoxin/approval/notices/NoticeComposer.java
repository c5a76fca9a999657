package cn.gaoxin.approval.notices;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Renders a template against a case and puts the notice into the outbox, addressed to the applicant. */
@Component
public class NoticeComposer {

  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final NoticeTemplates templates;
  private final NoticeOutbox outbox;
  private final ServiceCatalog catalog;
  private final EngineClock clock;

  public NoticeComposer(NoticeTemplates templates, NoticeOutbox outbox, ServiceCatalog catalog, EngineClock clock) {
    this.templates = templates;
    this.outbox = outbox;
    this.catalog = catalog;
    this.clock = clock;
  }

  /**
   * Queues notice {@code type} for the case's applicant. {@code extra} values win over case variables. The dedup
   * key ties the notice to this activity instance: running the same step again never sends it twice.
   */
  public boolean notifyApplicant(DelegateExecution execution, String type, Map<String, String> extra) {
    NoticeTemplates.Template template = templates.require(type);
    Map<String, String> values = new HashMap<>(extra);
    String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
    String subject = NoticeTemplates.fill(template.subject(), name -> value(execution, values, name));
    String body = NoticeTemplates.fill(template.body(), name -> value(execution, values, name));
    String recipient = String.valueOf(execution.getVariable(CaseVariables.CONTACT_PHONE));
    String dedupKey = caseNumber + ":" + type + ":" + execution.getActivityInstanceId();
    return outbox.enqueue(caseNumber, type, recipient, NoticeOutbox.CHANNEL_SMS, subject, body, dedupKey,
        clock.instant());
  }

  private String value(DelegateExecution execution, Map<String, String> extra, String name) {
    if (extra.containsKey(name)) {
      return extra.get(name);
    }
    switch (name) {
      case "promisedDays":
        return catalog.item((String) execution.getVariable(CaseVariables.ITEM_CODE))
            .map(i -> String.valueOf(i.limits().promised())).orElse(null);
      case "decisionStatusText":
        return CaseStatus.label(execution.getVariable("decisionStatus"));
      default:
        Object v = execution.getVariable(name);
        if (v instanceof Date d) {
          return clock.toLocalDate(d).format(CHINESE_DATE);
        }
        return v == null ? "" : v.toString();
    }
  }

  public static String formatDate(EngineClock clock, Date date) {
    return clock.toLocalDate(date).format(CHINESE_DATE);
  }
}
