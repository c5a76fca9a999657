package cn.gaoxin.approval.publicity;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.notices.NoticeOutbox;
import cn.gaoxin.approval.notices.NoticeTemplates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * Sends one notice to each enterprise of a list, e.g. its inspection result or its evaluation grade. Inputs:
 * {@code noticeType} (notices/*.yaml) and {@code enterprises} (the name of a JSON list variable whose entries have
 * {@code name}, {@code creditCode}, {@code contactPhone} and any other fields the template uses as {placeholders},
 * {@code {enterpriseName}} being the entry's name). Entries without a phone number are counted, not sent. Sets
 * {@code notifiedEnterprises}. Through the outbox, in the step's transaction; a retried step sends nothing twice.
 */
@Component("notifyEnterprises")
public class NotifyEnterprisesDelegate implements JavaDelegate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NoticeTemplates templates;
  private final NoticeOutbox outbox;
  private final CaseText text;
  private final EngineClock clock;

  public NotifyEnterprisesDelegate(NoticeTemplates templates, NoticeOutbox outbox, CaseText text, EngineClock clock) {
    this.templates = templates;
    this.outbox = outbox;
    this.text = text;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    Object type = execution.getVariableLocal("noticeType");
    Object listName = execution.getVariableLocal("enterprises");
    if (type == null || listName == null) {
      throw new IllegalStateException("通知企业的任务缺少输入参数 noticeType 或 enterprises");
    }
    NoticeTemplates.Template template = templates.require(type.toString());
    Object list = execution.getVariableTyped(listName.toString()) instanceof JsonValue json
        ? json.getValueSerialized() : execution.getVariable(listName.toString());
    if (list == null) {
      throw new IllegalStateException("企业清单变量 " + listName + " 不存在");
    }
    String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
    int sent = 0;
    for (JsonNode entry : JSON.readTree(list.toString())) {
      String phone = entry.path("contactPhone").asText("");
      if (phone.isBlank()) {
        continue;
      }
      Map<String, String> values = new HashMap<>();
      entry.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
      values.put("enterpriseName", entry.path("name").asText(""));
      String creditCode = entry.path("creditCode").asText("");
      outbox.enqueue(caseNumber, type.toString(), phone, NoticeOutbox.CHANNEL_SMS,
          text.fill(template.subject(), execution, values), text.fill(template.body(), execution, values),
          caseNumber + ":" + type + ":" + creditCode + ":" + execution.getActivityInstanceId(), clock.instant());
      sent++;
    }
    execution.setVariable("notifiedEnterprises", sent);
  }
}
