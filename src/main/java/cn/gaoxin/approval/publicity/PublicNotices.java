package cn.gaoxin.approval.publicity;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.identifiers.PhoneNumbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.springframework.stereotype.Service;

/**
 * Cases under public notice (公示) and objections to them. A model opens the period with
 * {@code openPublicNoticePeriod} and listens for the message {@value #OBJECTION_MESSAGE} while the notice runs
 * (e.g. a non-interrupting message event sub-process, one verification per objection); while it listens, the
 * case is on the public list and accepts objections. The objection's details are set as local variables of the
 * execution that receives it, so several objections never overwrite each other.
 */
@Service
public class PublicNotices {

  public static final String OBJECTION_MESSAGE = "PublicNoticeObjectionRaised";

  /** An entry of the public list: no contact data, only what a notice publishes. */
  public record Entry(String caseNumber, String applicantName, String itemName, String summary, Date startsAt,
      Date endsAt) {}

  public record Objection(String objectorName, String objectorPhone, String objectionText) {}

  /** Why an objection was not taken: the message is for the objector. */
  public static class ObjectionRefusedException extends RuntimeException {
    public ObjectionRefusedException(String message) {
      super(message);
    }
  }

  private final RuntimeService runtimeService;
  private final EngineClock clock;

  public PublicNotices(RuntimeService runtimeService, EngineClock clock) {
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** Cases whose public notice is running now, the earliest ending first. */
  public List<Entry> current() {
    Set<String> instances = new LinkedHashSet<>();
    for (EventSubscription s : runtimeService.createEventSubscriptionQuery().eventType("message")
        .eventName(OBJECTION_MESSAGE).list()) {
      instances.add(s.getProcessInstanceId());
    }
    List<Entry> entries = new ArrayList<>();
    for (String id : instances) {
      Map<String, Object> v = runtimeService.getVariables(id, List.of(CaseVariables.CASE_NUMBER,
          CaseVariables.APPLICANT_NAME, CaseVariables.ITEM_NAME, "publicNoticeSummary", "publicNoticeStartsAt",
          OpenPublicNoticePeriodDelegate.ENDS_AT));
      entries.add(new Entry((String) v.get(CaseVariables.CASE_NUMBER), (String) v.get(CaseVariables.APPLICANT_NAME),
          (String) v.get(CaseVariables.ITEM_NAME), (String) v.get("publicNoticeSummary"),
          (Date) v.get("publicNoticeStartsAt"), (Date) v.get(OpenPublicNoticePeriodDelegate.ENDS_AT)));
    }
    entries.sort(Comparator.comparing(Entry::endsAt, Comparator.nullsLast(Comparator.naturalOrder())));
    return entries;
  }

  /** Lodges an objection to a case under public notice; every problem is reported at once, nothing is changed. */
  public void object(String caseNumber, Objection objection) {
    List<String> problems = new ArrayList<>();
    if (objection.objectorName() == null || objection.objectorName().isBlank()) {
      problems.add("请填写异议人姓名或单位名称");
    } else if (objection.objectorName().length() > 100) {
      problems.add("异议人姓名或单位名称不能超过 100 字");
    }
    if (!PhoneNumbers.isValidMobile(objection.objectorPhone())) {
      problems.add("联系电话应为 11 位手机号码, 以便核查人员联系");
    }
    if (objection.objectionText() == null || objection.objectionText().trim().length() < 10) {
      problems.add("请写明异议的事实和理由 (不少于 10 个字)");
    } else if (objection.objectionText().length() > 2000) {
      problems.add("异议内容不能超过 2000 字");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    List<EventSubscription> open = runtimeService.createEventSubscriptionQuery().eventType("message")
        .eventName(OBJECTION_MESSAGE).list().stream()
        .filter(s -> caseNumber.equals(businessKey(s.getProcessInstanceId()))).toList();
    if (open.isEmpty()) {
      throw new ObjectionRefusedException("案件 " + caseNumber + " 不在公示期内, 不能提出公示异议");
    }
    runtimeService.createMessageCorrelation(OBJECTION_MESSAGE)
        .processInstanceId(open.get(0).getProcessInstanceId())
        .setVariableLocal("objectorName", objection.objectorName().trim())
        .setVariableLocal("objectorPhone", objection.objectorPhone())
        .setVariableLocal("objectionText", objection.objectionText().trim())
        .setVariableLocal("objectionReceivedAt", clock.now())
        .correlate();
  }

  private String businessKey(String processInstanceId) {
    var instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }
}
