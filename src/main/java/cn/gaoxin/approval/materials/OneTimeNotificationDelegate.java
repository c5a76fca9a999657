package cn.gaoxin.approval.materials;

import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.notices.NoticeComposer;
import cn.gaoxin.approval.supervision.Deadlines;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * One-time notification (一次性告知): tells the applicant every problem with the materials in one notice and sets
 * the resubmission deadline (item limit {@code resubmission}, working days, fixed at the first notice).
 *
 * <p>The rule: a case never gets a second notice naming a problem already notified. On a later check only
 * problems about materials not named before are notified; when there are none, no notice is sent and the case
 * keeps waiting on the deadline it already has. Notified materials are kept in {@code notifiedMaterials}.
 */
@Component("sendOneTimeNotification")
public class OneTimeNotificationDelegate implements JavaDelegate {

  static final String NOTIFIED = "notifiedMaterials";
  static final String DUE = "resubmissionDueDate";

  private final NoticeComposer composer;
  private final Deadlines deadlines;

  public OneTimeNotificationDelegate(NoticeComposer composer, Deadlines deadlines) {
    this.composer = composer;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<MaterialsCheck.Problem> problems =
        CaseVariables.list(execution, "materialProblems", MaterialsCheck.Problem.class);
    Set<String> notified = new LinkedHashSet<>(CaseVariables.strings(execution, NOTIFIED));
    List<MaterialsCheck.Problem> fresh = problems.stream().filter(p -> !notified.contains(p.code())).toList();
    if (!execution.hasVariable(DUE)) {
      execution.setVariable(DUE, deadlines.fromNow(execution, "resubmission"));
    }
    execution.setVariable(CaseVariables.CASE_STATUS, CaseStatus.AWAITING_RESUBMISSION.name());
    if (fresh.isEmpty()) {
      return;
    }
    String list = IntStream.range(0, fresh.size())
        .mapToObj(i -> (i + 1) + ". " + fresh.get(i).name() + ": " + fresh.get(i).problem())
        .collect(Collectors.joining("\n"));
    composer.notifyApplicant(execution, "ONE_TIME_NOTIFICATION", Map.of("problems", list));
    List<String> all = new ArrayList<>(notified);
    fresh.forEach(p -> all.add(p.code()));
    execution.setVariable(NOTIFIED, CaseVariables.json(all));
    Object count = execution.getVariable("oneTimeNotifications");
    execution.setVariable("oneTimeNotifications", count instanceof Number n ? n.intValue() + 1 : 1);
  }
}
