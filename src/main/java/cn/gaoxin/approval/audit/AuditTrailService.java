package cn.gaoxin.approval.audit;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.calendar.WorkingDayCalendar;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.catalog.Department;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.identifiers.Masking;
import cn.gaoxin.approval.identity.AccessSetup;
import cn.gaoxin.approval.licences.LicenceRegister;
import cn.gaoxin.approval.notices.NoticeOutbox;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Service;

/**
 * Reads one case's audit trail from the engine's history (public API only), the notice outbox and the licence
 * register. Everything is read as the logged-in auditor (see {@link EngineAuthenticationFilter}).
 */
@Service
public class AuditTrailService {

  static final int MAX_VALUE_LENGTH = 500;
  private static final Pattern OUTCOME = Pattern.compile("(?i).*(decision|result|action|outcome|verdict)$");
  private static final Pattern REASON = Pattern.compile("(?i).*(reason|note|opinion|comment|remark)$");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  static final Map<String, String> OUTCOME_LABELS = Map.ofEntries(Map.entry("APPROVE", "准予"),
      Map.entry("REJECT", "不予"), Map.entry("ACCEPT", "合格"), Map.entry("RETURN", "退回补正"), Map.entry("URGE", "督办"),
      Map.entry("WARN", "约谈提醒"), Map.entry("ACCOUNTABILITY", "问责"), Map.entry("APPROVED", "准予许可"),
      Map.entry("REJECTED", "不予许可"), Map.entry("PASS", "通过"), Map.entry("FAIL", "不通过"));
  static final Map<String, String> TYPE_LABELS = Map.ofEntries(Map.entry("userTask", "人工办理"),
      Map.entry("serviceTask", "系统处理"), Map.entry("sendTask", "送达通知"), Map.entry("scriptTask", "系统处理"),
      Map.entry("businessRuleTask", "规则决策"), Map.entry("callActivity", "调用子流程"), Map.entry("subProcess", "子流程"),
      Map.entry("startEvent", "开始"), Map.entry("noneEndEvent", "结束"), Map.entry("terminateEndEvent", "终止"),
      Map.entry("errorEndEvent", "错误结束"), Map.entry("boundaryTimer", "超期计时"),
      Map.entry("intermediateTimer", "期限届满"), Map.entry("intermediateMessageCatch", "收到消息"),
      Map.entry("messageStartEvent", "消息开始"), Map.entry("boundaryMessage", "收到消息"),
      Map.entry("boundaryError", "业务异常"), Map.entry("exclusiveGateway", "判断"), Map.entry("parallelGateway", "并行"),
      Map.entry("inclusiveGateway", "包容判断"), Map.entry("eventBasedGateway", "等待事件"),
      Map.entry("multiInstanceBody", "多实例"), Map.entry("receiveTask", "等待接收"), Map.entry("manualTask", "线下办理"));
  static final Map<String, String> OPERATION_LABELS = Map.ofEntries(Map.entry("Claim", "认领"),
      Map.entry("Assign", "转办 (指定办理人)"), Map.entry("Delegate", "委托办理"), Map.entry("Resolve", "委托办结"),
      Map.entry("SetOwner", "变更负责人"), Map.entry("Complete", "办结"), Map.entry("Create", "创建"),
      Map.entry("Delete", "删除 (撤回/撤销)"), Map.entry("SetVariable", "修改变量"), Map.entry("ModifyVariable", "修改变量"),
      Map.entry("RemoveVariable", "删除变量"), Map.entry("DeleteVariable", "删除变量"), Map.entry("Suspend", "挂起"),
      Map.entry("Activate", "激活"), Map.entry("SetPriority", "变更优先级"), Map.entry("Update", "修改"),
      Map.entry("AddUserLink", "添加办理人"), Map.entry("DeleteUserLink", "移除办理人"),
      Map.entry("AddGroupLink", "添加候选部门"), Map.entry("DeleteGroupLink", "移除候选部门"),
      Map.entry("ModifyProcessInstance", "调整流程位置"), Map.entry("CorrelateMessage", "接收消息"),
      Map.entry("SetDueDate", "变更期限"), Map.entry("SetJobRetries", "重试作业"), Map.entry("DeleteHistory", "删除历史"),
      Map.entry("Migrate", "迁移"), Map.entry("Restart", "重启"));

  static final Map<String, String> PROPERTY_LABELS = Map.of("assignee", "办理人", "owner", "负责人",
      "dueDate", "期限", "priority", "优先级", "delegation", "委托状态", "name", "名称", "description", "说明",
      "deleteReason", "原因");

  public record Diagram(String caseNumber, String processDefinitionId, String xml, List<String> completed,
      List<String> active, List<String> flows, List<String> overdue) {}

  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final CaseSummaryStore summaries;
  private final ServiceCatalog catalog;
  private final WorkingDayCalendar calendar;
  private final EngineClock clock;
  private final NoticeOutbox outbox;
  private final LicenceRegister licences;

  public AuditTrailService(ProcessEngine engine, CaseSummaryStore summaries, ServiceCatalog catalog,
      WorkingDayCalendar calendar, EngineClock clock, NoticeOutbox outbox, LicenceRegister licences) {
    this.historyService = engine.getHistoryService();
    this.repositoryService = engine.getRepositoryService();
    this.taskService = engine.getTaskService();
    this.identityService = engine.getIdentityService();
    this.summaries = summaries;
    this.catalog = catalog;
    this.calendar = calendar;
    this.clock = clock;
    this.outbox = outbox;
    this.licences = licences;
  }

  /** The case's process instance: the top-level instance with this case number. */
  public Optional<HistoricProcessInstance> findCase(String caseNumber) {
    if (caseNumber == null || caseNumber.isBlank()) {
      return Optional.empty();
    }
    List<HistoricProcessInstance> found = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber.trim()).orderByProcessInstanceStartTime().asc().list();
    return found.stream().filter(p -> p.getSuperProcessInstanceId() == null).findFirst()
        .or(() -> found.stream().findFirst());
  }

  public Optional<CaseTrail> trail(String caseNumber) {
    return findCase(caseNumber).map(this::trail);
  }

  public Optional<Diagram> diagram(String caseNumber) {
    return findCase(caseNumber).map(this::diagram);
  }

  CaseTrail trail(HistoricProcessInstance instance) {
    String pid = instance.getId();
    Map<String, Object> vars = variables(pid);
    List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(pid).orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
        .list();
    Map<String, HistoricTaskInstance> tasks = new HashMap<>();
    historyService.createHistoricTaskInstanceQuery().processInstanceId(pid).list()
        .forEach(t -> tasks.put(t.getActivityInstanceId(), t));
    Map<String, HistoricTaskInstance> tasksById = new HashMap<>();
    tasks.values().forEach(t -> tasksById.put(t.getId(), t));
    List<HistoricDetail> details = historyService.createHistoricDetailQuery().processInstanceId(pid)
        .variableUpdates().disableCustomObjectDeserialization().orderByTime().asc().list();
    Map<String, List<Comment>> comments = new HashMap<>();
    for (Comment c : taskService.getProcessInstanceComments(pid)) {
      comments.computeIfAbsent(c.getTaskId() == null ? "" : c.getTaskId(), k -> new ArrayList<>()).add(c);
    }
    Map<String, HistoricProcessInstance> called = new HashMap<>();
    historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(pid).list()
        .forEach(c -> called.put(c.getId(), c));
    People people = new People();
    Instant now = clock.instant();

    Map<String, String> stepNames = new HashMap<>();
    activities.forEach(a -> stepNames.put(a.getId(), a.getActivityName() == null ? a.getActivityId() : a.getActivityName()));
    tasks.values().forEach(t -> stepNames.put("task:" + t.getId(), t.getName()));

    List<CaseTrail.Step> steps = new ArrayList<>();
    for (HistoricActivityInstance a : activities) {
      HistoricTaskInstance task = tasks.get(a.getId());
      List<CaseTrail.ValueEntry> values = new ArrayList<>();
      for (HistoricDetail d : details) {
        boolean ofThisStep = a.getId().equals(d.getActivityInstanceId())
            || task != null && task.getId().equals(d.getTaskId());
        if (ofThisStep && d instanceof HistoricVariableUpdate u) {
          values.add(new CaseTrail.ValueEntry(u.getVariableName(), display(plain(u.getTypedValue()))));
        }
      }
      String outcome = values.stream().filter(v -> OUTCOME.matcher(v.name()).matches()).map(CaseTrail.ValueEntry::value)
          .reduce((first, second) -> second).orElse(null);
      String reason = values.stream().filter(v -> REASON.matcher(v.name()).matches()).map(CaseTrail.ValueEntry::value)
          .reduce((first, second) -> second).orElse(null);
      List<String> groups = task == null ? List.of() : candidateGroups(task.getId());
      String userId = task != null ? task.getAssignee() : a.getAssignee();
      if (userId == null && "startEvent".equals(a.getActivityType())) {
        userId = instance.getStartUserId();
      }
      Instant start = a.getStartTime().toInstant();
      Instant end = a.getEndTime() == null ? null : a.getEndTime().toInstant();
      Date due = task == null ? null : task.getDueDate();
      Integer used = task == null ? null : calendar.workingDaysBetween(day(start), day(end == null ? now : end));
      Integer allowed = due == null ? null : calendar.workingDaysBetween(day(start), day(due.toInstant()));
      boolean overdue = due != null && (end == null ? now : end).isAfter(due.toInstant());
      List<CaseTrail.CommentEntry> stepComments = task == null ? List.of()
          : comments.getOrDefault(task.getId(), List.of()).stream()
              .map(c -> new CaseTrail.CommentEntry(c.getTime().toInstant(), c.getUserId(), clip(c.getFullMessage())))
              .toList();
      HistoricProcessInstance child = a.getCalledProcessInstanceId() == null ? null
          : called.get(a.getCalledProcessInstanceId());
      String kind = groups.contains(AccessSetup.SUPERVISION) ? "supervision"
          : "boundaryTimer".equals(a.getActivityType()) ? "overdue"
          : task != null ? "task" : a.getActivityType() != null && a.getActivityType().endsWith("Gateway") ? "gateway"
          : "system";
      steps.add(new CaseTrail.Step(a.getId(), a.getActivityId(), stepNames.get(a.getId()), a.getActivityType(),
          label(TYPE_LABELS, a.getActivityType()), start, end, a.isCanceled(), userId,
          people.name(userId), people.departments(userId),
          groups.stream().map(this::groupName).toList(), due == null ? null : due.toInstant(), used, allowed, overdue,
          outcome, outcome == null ? null : label(OUTCOME_LABELS, outcome), reason, values,
          stepComments, child == null ? null : child.getBusinessKey(), a.getCalledProcessInstanceId(), kind));
    }

    List<CaseTrail.VariableChange> changes = new ArrayList<>();
    for (HistoricDetail d : details) {
      if (d instanceof HistoricVariableUpdate u) {
        String step = d.getTaskId() != null ? stepNames.get("task:" + d.getTaskId())
            : stepNames.get(d.getActivityInstanceId());
        changes.add(new CaseTrail.VariableChange(d.getTime().toInstant(), u.getVariableName(), u.getTypeName(),
            display(plain(u.getTypedValue())), u.getRevision(), step));
      }
    }

    List<CaseTrail.Operation> operations = new ArrayList<>();
    Set<String> logged = new java.util.HashSet<>();
    for (UserOperationLogEntry e : historyService.createUserOperationLogQuery().processInstanceId(pid)
        .orderByTimestamp().asc().list()) {
      HistoricTaskInstance t = e.getTaskId() == null ? null : tasksById.get(e.getTaskId());
      boolean completion = "delete".equals(e.getProperty());
      if (e.getTaskId() != null && e.getNewValue() != null) {
        logged.add(e.getTaskId() + "|" + e.getNewValue() + "|" + e.getTimestamp().getTime());
      }
      operations.add(new CaseTrail.Operation(e.getTimestamp().toInstant(), e.getUserId(), people.name(e.getUserId()),
          e.getOperationType(), label(OPERATION_LABELS, e.getOperationType()),
          t == null ? null : t.getName(), completion ? null : label(PROPERTY_LABELS, e.getProperty()),
          completion ? null : clip(e.getOrgValue()), completion ? null : clip(e.getNewValue())));
    }
    for (HistoricTaskInstance t : tasks.values()) {
      for (HistoricIdentityLinkLog link : historyService.createHistoricIdentityLinkLogQuery().taskId(t.getId())
          .orderByTime().asc().list()) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())
            || logged.contains(t.getId() + "|" + link.getUserId() + "|" + link.getTime().getTime())) {
          continue; // candidate groups are shown with the step; logged operations already say it
        }
        boolean owner = IdentityLinkType.OWNER.equals(link.getType());
        boolean add = "add".equals(link.getOperationType());
        String label = owner ? (add ? "委托 (设负责人)" : "解除负责人") : (add ? "指定办理人" : "解除办理人");
        operations.add(new CaseTrail.Operation(link.getTime().toInstant(), link.getAssignerId(),
            people.name(link.getAssignerId()), "identityLink:" + link.getType() + ":" + link.getOperationType(), label,
            t.getName(), owner ? "负责人" : "办理人", add ? null : people.label(link.getUserId()),
            add ? people.label(link.getUserId()) : null));
      }
    }
    if (instance.getDeleteReason() != null) {
      operations.add(new CaseTrail.Operation(instance.getEndTime().toInstant(), null, null, "Delete",
          "终止 (撤回/撤销)", null, "原因", null, clip(instance.getDeleteReason())));
    }
    operations.sort(java.util.Comparator.comparing(CaseTrail.Operation::time));

    String caseNumber = instance.getBusinessKey();
    List<CaseTrail.NoticeEntry> notices = caseNumber == null ? List.of() : outbox.forCase(caseNumber).stream()
        .map(n -> new CaseTrail.NoticeEntry(n.createdAt(), n.type(), Masking.text(n.recipient()), n.channel(),
            Masking.text(n.subject()), Masking.text(n.body()), n.status(), n.sentAt())).toList();
    List<CaseTrail.LicenceEntry> licenceEntries = caseNumber == null ? List.of()
        : licences.forCase(caseNumber).stream().map(l -> new CaseTrail.LicenceEntry(l.number(), l.title(),
            l.status().name(), l.issuedAt(), l.validUntil() == null ? null : l.validUntil().toString(),
            Masking.text(l.statusReason()))).toList();
    List<CaseTrail.SubCase> subCases = called.values().stream()
        .sorted(java.util.Comparator.comparing(HistoricProcessInstance::getStartTime))
        .map(c -> new CaseTrail.SubCase(c.getBusinessKey(), c.getId(), c.getProcessDefinitionKey(),
            c.getStartTime().toInstant(), c.getEndTime() == null ? null : c.getEndTime().toInstant(), c.getState()))
        .toList();
    return new CaseTrail(header(instance, vars), steps, changes, operations, notices, licenceEntries, subCases);
  }

  private CaseTrail.Header header(HistoricProcessInstance instance, Map<String, Object> vars) {
    CaseSummary s = summaries.byProcessInstance(instance.getId()).orElse(null);
    ProcessDefinition definition = repositoryService.getProcessDefinition(instance.getProcessDefinitionId());
    String department = CaseSummaries.text(vars.get("department"));
    String status = CaseSummaries.text(vars.get("caseStatus"));
    String decision = CaseSummaries.text(vars.get("decisionStatus"));
    String superCase = instance.getSuperProcessInstanceId() == null ? null
        : Optional.ofNullable(historyService.createHistoricProcessInstanceQuery()
            .processInstanceId(instance.getSuperProcessInstanceId()).singleResult())
            .map(HistoricProcessInstance::getBusinessKey).orElse(null);
    return new CaseTrail.Header(instance.getBusinessKey(), instance.getId(), instance.getProcessDefinitionKey(),
        definition.getName(), definition.getVersion(), CaseSummaries.text(vars.get("itemCode")),
        CaseSummaries.text(vars.get("itemName")), department, department == null ? null
            : catalog.department(department).map(Department::name).orElse(department),
        CaseSummaries.text(vars.get("applicantName")), CaseSummaries.text(vars.get("creditCode")),
        CaseSummaries.text(vars.get("channel")), status, CaseStatus.label(status), decision, CaseStatus.label(decision),
        clip(CaseSummaries.text(vars.get("decisionReason"))), instance.getState(), stateLabel(instance.getState()),
        clip(instance.getDeleteReason() != null ? instance.getDeleteReason()
            : CaseSummaries.text(vars.get("withdrawalReason"))), instance.getStartTime().toInstant(), s == null ? null : s.submittedAt(),
        s == null ? CaseSummaries.instant(vars.get("acceptedAt")) : s.acceptedAt(),
        s == null ? CaseSummaries.instant(vars.get("decidedAt")) : s.decidedAt(),
        instance.getEndTime() == null ? null : instance.getEndTime().toInstant(),
        CaseSummaries.integer(vars.get("inPersonVisits")),
        s != null ? s.tolerantAcceptance() : CaseSummaries.bool(vars.get("tolerantAcceptance")),
        Optional.ofNullable(CaseSummaries.integer(vars.get("supervisionEvents"))).orElse(0),
        CaseSummaries.integer(vars.get("materialsAsked")), CaseSummaries.integer(vars.get("oneTimeNotifications")),
        s == null ? null : s.promisedDays(), s == null ? null : s.daysToDecision(),
        s == null ? null : s.daysFromAcceptance(), s == null ? null : s.onTime(), instance.getStartUserId(), superCase);
  }

  Diagram diagram(HistoricProcessInstance instance) {
    String definitionId = instance.getProcessDefinitionId();
    String xml;
    try (var in = repositoryService.getProcessModel(definitionId)) {
      xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("无法读取流程图: " + definitionId, e);
    }
    List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).list();
    Set<String> completed = new LinkedHashSet<>();
    Set<String> active = new LinkedHashSet<>();
    Set<String> overdue = new LinkedHashSet<>();
    Map<String, List<HistoricActivityInstance>> byActivity = new HashMap<>();
    for (HistoricActivityInstance a : activities) {
      String id = a.getActivityId().replace("#multiInstanceBody", "");
      byActivity.computeIfAbsent(id, k -> new ArrayList<>()).add(a);
      (a.getEndTime() == null ? active : completed).add(id);
      if ("boundaryTimer".equals(a.getActivityType())) {
        overdue.add(id);
      }
    }
    completed.removeAll(active);
    List<String> flows = new ArrayList<>();
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definitionId);
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      List<HistoricActivityInstance> sources = byActivity.getOrDefault(flow.getSource().getId(), List.of());
      List<HistoricActivityInstance> targets = byActivity.getOrDefault(flow.getTarget().getId(), List.of());
      boolean taken = sources.stream().filter(s -> s.getEndTime() != null).anyMatch(s -> targets.stream()
          .anyMatch(t -> !t.getStartTime().before(s.getEndTime())));
      if (taken) {
        flows.add(flow.getId());
      }
    }
    return new Diagram(instance.getBusinessKey(), definitionId, xml, List.copyOf(completed), List.copyOf(active),
        flows, List.copyOf(overdue));
  }

  private List<String> candidateGroups(String taskId) {
    Set<String> groups = new LinkedHashSet<>();
    for (HistoricIdentityLinkLog link : historyService.createHistoricIdentityLinkLogQuery().taskId(taskId)
        .type(IdentityLinkType.CANDIDATE).list()) {
      if (link.getGroupId() != null && "add".equals(link.getOperationType())) {
        groups.add(link.getGroupId());
      }
    }
    return List.copyOf(groups);
  }

  private String groupName(String groupId) {
    return catalog.department(groupId).map(Department::name).orElse(groupId);
  }

  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> vars = new HashMap<>();
    for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).disableCustomObjectDeserialization().list()) {
      if (processInstanceId.equals(v.getActivityInstanceId()) || !vars.containsKey(v.getName())) {
        vars.put(v.getName(), plain(v.getTypedValue()));
      }
    }
    return vars;
  }

  private LocalDate day(Instant instant) {
    return clock.toLocalDate(Date.from(instant));
  }

  /**
   * A variable's value as the trail shows it, without deserializing objects (history is read with custom object
   * deserialization off: the auditor's JVM need not hold the classes, and deserializing case data is a risk): a JSON
   * or XML object shows as its serialized text, any other serialized object by its type, never as an error that
   * would hide the whole trail (a DMN result kept as an object, e.g. 亩产效益's {@code yieldResult}).
   */
  static Object plain(TypedValue typed) {
    if (typed instanceof ObjectValue object && !object.isDeserialized()) {
      String format = object.getSerializationDataFormat();
      if (format != null && (format.contains("json") || format.contains("xml"))) {
        return object.getValueSerialized();
      }
      String type = object.getObjectTypeName() == null ? "对象" : object.getObjectTypeName();
      return "[" + type + " (" + format + " 序列化, 审计页面不展开)]";
    }
    return typed == null ? null : typed.getValue();
  }

  String display(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Date d) {
      return DATE_TIME.format(d.toInstant().atZone(clock.zone()));
    }
    return clip(value.toString());
  }

  /** A value as auditors see it: clipped, and with mobile and identity numbers masked (they audit, not call). */
  private static String clip(String text) {
    return Masking.text(text == null || text.length() <= MAX_VALUE_LENGTH ? text
        : text.substring(0, MAX_VALUE_LENGTH) + "…");
  }

  /** The label of a key, or the key itself; null-safe (the label maps are immutable and refuse null keys). */
  static String label(Map<String, String> labels, String key) {
    return key == null ? null : labels.getOrDefault(key, key);
  }

  static String stateLabel(String state) {
    if (state == null) {
      return "";
    }
    return switch (state) {
      case HistoricProcessInstance.STATE_ACTIVE -> "办理中";
      case HistoricProcessInstance.STATE_SUSPENDED -> "已挂起";
      case HistoricProcessInstance.STATE_COMPLETED -> "已办结";
      case HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED -> "已终止 (撤回或撤销)";
      case HistoricProcessInstance.STATE_INTERNALLY_TERMINATED -> "已终止 (流程内终止)";
      default -> state;
    };
  }

  /** Users' names and departments, looked up once per trail. */
  private final class People {
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, List<String>> departments = new HashMap<>();

    String name(String userId) {
      if (userId == null) {
        return null;
      }
      return names.computeIfAbsent(userId, id -> {
        User user = identityService.createUserQuery().userId(id).singleResult();
        if (user == null) {
          return id;
        }
        String name = ((user.getLastName() == null ? "" : user.getLastName())
            + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
        return name.isEmpty() ? id : name;
      });
    }

    List<String> departments(String userId) {
      if (userId == null) {
        return List.of();
      }
      return departments.computeIfAbsent(userId, id -> identityService.createGroupQuery().groupMember(id).list()
          .stream().map(Group::getId).filter(g -> catalog.department(g).isPresent()).map(AuditTrailService.this::groupName)
          .toList());
    }

    String label(String userId) {
      if (userId == null) {
        return null;
      }
      String name = name(userId);
      List<String> d = departments(userId);
      return name + " (" + userId + (d.isEmpty() ? "" : ", " + String.join("、", d)) + ")";
    }
  }
}
