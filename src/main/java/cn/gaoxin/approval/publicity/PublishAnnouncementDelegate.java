package cn.gaoxin.approval.publicity;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.notices.NoticeTemplates;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * Publishes an announcement (公示). Inputs: {@code kind} (e.g. INSPECTION_RESULTS), {@code template} (a notice type of
 * notices/*.yaml whose subject and body become the announcement's title and text, filled from the case),
 * optional {@code items} (the name of a JSON list variable published with it, e.g. the result list), optional
 * {@code validUntil} (end of a notice period). Sets {@code announcementId}. Publishing again finds the announcement.
 */
@Component("publishAnnouncement")
public class PublishAnnouncementDelegate implements JavaDelegate {

  private final PublicAnnouncements announcements;
  private final NoticeTemplates templates;
  private final CaseText text;
  private final EngineClock clock;

  public PublishAnnouncementDelegate(PublicAnnouncements announcements, NoticeTemplates templates, CaseText text,
      EngineClock clock) {
    this.announcements = announcements;
    this.templates = templates;
    this.text = text;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String kind = required(execution, "kind");
    NoticeTemplates.Template template = templates.require(required(execution, "template"));
    Object itemsName = execution.getVariableLocal("items");
    String itemsJson = null;
    if (itemsName != null && !itemsName.toString().isBlank()) {
      Object items = execution.getVariableTyped(itemsName.toString()) instanceof JsonValue json
          ? json.getValueSerialized() : execution.getVariable(itemsName.toString());
      if (items == null) {
        throw new IllegalStateException("公示清单变量 " + itemsName + " 不存在");
      }
      itemsJson = items.toString();
    }
    Object until = execution.getVariableLocal("validUntil");
    Date validUntil = until instanceof Date d ? d : null;
    var announcement = announcements.publish((String) execution.getVariable(CaseVariables.CASE_NUMBER), kind,
        text.fill(template.subject(), execution, Map.of()), text.fill(template.body(), execution, Map.of()), itemsJson,
        (String) execution.getVariable(CaseVariables.DEPARTMENT), clock.instant(),
        validUntil == null ? null : validUntil.toInstant());
    execution.setVariable("announcementId", announcement.id());
  }

  private static String required(DelegateExecution execution, String name) {
    Object value = execution.getVariableLocal(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("发布公示的任务缺少输入参数 " + name);
    }
    return value.toString();
  }
}
