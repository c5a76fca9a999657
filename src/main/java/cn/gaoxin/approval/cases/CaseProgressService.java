package cn.gaoxin.approval.cases;

import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.notices.NoticeOutbox;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;

/** Reads a case's progress from the engine's history: the same record auditors see, filtered for applicants. */
@Service
public class CaseProgressService {

  private final HistoryService historyService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final ServiceCatalog catalog;
  private final NoticeOutbox outbox;

  public CaseProgressService(HistoryService historyService, TaskService taskService,
      RepositoryService repositoryService, ServiceCatalog catalog, NoticeOutbox outbox) {
    this.historyService = historyService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.catalog = catalog;
    this.outbox = outbox;
  }

  /**
   * The case, if it exists and belongs to the applicant with this credit code. A case called by another (e.g. the
   * item handled for a 帮代办 order) has its own case number and is found by it like any other.
   */
  public Optional<HistoricProcessInstance> findOwnCase(String caseNumber, String creditCode) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .orderByProcessInstanceStartTime().asc().list().stream()
        .filter(p -> creditCode != null && creditCode.equals(variables(p.getId()).get(CaseVariables.CREDIT_CODE)))
        .findFirst();
  }

  public CaseProgress progress(HistoricProcessInstance instance) {
    Map<String, Object> vars = variables(instance.getId());
    List<HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc().list();
    List<CaseProgress.Step> open = tasks.stream().filter(t -> t.getEndTime() == null)
        .map(t -> new CaseProgress.Step(t.getName(), departmentOf(t.getId()), t.getStartTime(), t.getDueDate(), null))
        .toList();
    List<CaseProgress.Step> done = tasks.stream().filter(t -> t.getEndTime() != null && t.getDeleteReason() != null
            && t.getDeleteReason().equals("completed"))
        .map(t -> new CaseProgress.Step(t.getName(), null, t.getStartTime(), t.getDueDate(), t.getEndTime()))
        .toList();
    List<CaseProgress.NoticeSummary> notices = outbox.forCase(instance.getBusinessKey()).stream()
        .map(n -> new CaseProgress.NoticeSummary(n.type(), n.subject(), Date.from(n.createdAt()), n.status()))
        .toList();
    String status = (String) vars.get(CaseVariables.CASE_STATUS);
    String reformName = repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getName();
    return new CaseProgress(instance.getBusinessKey(), (String) vars.get(CaseVariables.ITEM_NAME), reformName,
        status, CaseStatus.label(status), instance.getEndTime() != null, (Date) vars.get(CaseVariables.SUBMITTED_AT),
        (Date) vars.get("acceptedAt"), (Date) vars.get("resubmissionDueDate"), (Date) vars.get("supplementDueDate"),
        (String) vars.get("decisionReason"), open, done, notices);
  }

  private String departmentOf(String taskId) {
    try {
      return taskService.getIdentityLinksForTask(taskId).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(l -> catalog.department(l.getGroupId()).map(d -> d.name()).orElse(l.getGroupId()))
          .findFirst().orElse(null);
    } catch (RuntimeException taskEndedMeanwhile) {
      return null;
    }
  }

  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> vars = new HashMap<>();
    for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list()) {
      boolean processLevel = v.getActivityInstanceId() == null || v.getActivityInstanceId().equals(processInstanceId);
      if (processLevel || !vars.containsKey(v.getName())) {
        // serialized Java objects are not deserialized here (and not shown): only plain values reach applicants
        var typed = v.getTypedValue();
        vars.put(v.getName(), typed instanceof org.camunda.bpm.engine.variable.value.SerializableValue ? null : v.getValue());
      }
    }
    return vars;
  }
}
