package cn.gaoxin.approval.visits;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Counts one visit of the applicant to the service hall (只跑一次: {@code inPersonVisits}) and notes why in
 * {@code visitLog} (JSON list of {purpose, activity, at}). Input {@code purpose}, e.g. 领取审批结果; optional input
 * {@code applies} (default true) lets the model count only in that case, e.g. {@code ${deliveryMethod == 'COUNTER'}}.
 * A retried step does not count the same visit twice.
 */
@Component("recordInPersonVisit")
public class RecordInPersonVisitDelegate implements JavaDelegate {

  private final EngineClock clock;

  public RecordInPersonVisitDelegate(EngineClock clock) {
    this.clock = clock;
  }

  @SuppressWarnings("unchecked")
  @Override
  public void execute(DelegateExecution execution) {
    Object applies = execution.getVariableLocal("applies");
    if (applies != null && !Boolean.parseBoolean(applies.toString())) {
      return;
    }
    Object purpose = execution.getVariableLocal("purpose");
    String activity = execution.getActivityInstanceId();
    List<Map> log = new ArrayList<>(CaseVariables.list(execution, "visitLog", Map.class));
    if (log.stream().anyMatch(v -> activity.equals(v.get("activity")))) {
      return;
    }
    Map<String, String> visit = new LinkedHashMap<>();
    visit.put("purpose", purpose == null ? "到窗口办理" : purpose.toString());
    visit.put("activity", activity);
    visit.put("at", clock.instant().toString());
    log.add(visit);
    Object visits = execution.getVariable(CaseVariables.IN_PERSON_VISITS);
    execution.setVariable(CaseVariables.IN_PERSON_VISITS, (visits instanceof Number n ? n.intValue() : 0) + 1);
    execution.setVariable("visitLog", CaseVariables.json(log));
  }
}
