package cn.gaoxin.approval.benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Reads from the engine's history (public API) what each case of a round executed, as a {@link CaseShape}: its
 * activity instances by type (a case's called sub-cases count towards it), its jobs by type from the job log
 * (async continuations; timers created and fired), and its message waits: those received are activity instances;
 * those created but never used (the other branch of an event-based gateway, a withdrawal event sub-process waiting
 * the whole case, a message boundary event on a task) leave no history, so they are counted from the model along
 * the activities the case went through. Its data: historic variable instances (created) and variable updates
 * beyond the first write of each, JSON apart.
 */
final class CaseShapes {

  private static final Set<String> SERVICE = Set.of("serviceTask", "sendTask", "scriptTask", "businessRuleTask");
  private static final Set<String> MESSAGE = Set.of("intermediateMessageCatch", "boundaryMessage", "receiveTask",
      "messageStartEvent");
  private static final Set<String> TIMER = Set.of("intermediateTimer", "boundaryTimer", "startTimerEvent");

  private final HistoryService history;
  private final ProcessEngine engine;
  private final Map<String, BpmnModelInstance> models = new HashMap<>();

  CaseShapes(ProcessEngine engine) {
    this.engine = engine;
    this.history = engine.getHistoryService();
  }

  /** Root process instance id → its reform (process key) and shape, for the given root instances. */
  Map<String, Shaped> read(Collection<String> rootIds) {
    Set<String> roots = new HashSet<>(rootIds);
    Map<String, List<HistoricProcessInstance>> byRoot = new HashMap<>();
    int page = 0;
    while (true) {
      List<HistoricProcessInstance> batch = history.createHistoricProcessInstanceQuery().orderByProcessInstanceId()
          .asc().listPage(page * 1000, 1000);
      for (HistoricProcessInstance p : batch) {
        String root = p.getRootProcessInstanceId() == null ? p.getId() : p.getRootProcessInstanceId();
        if (roots.contains(root)) {
          byRoot.computeIfAbsent(root, r -> new ArrayList<>()).add(p);
        }
      }
      if (batch.size() < 1000) {
        break;
      }
      page++;
    }
    Map<String, Shaped> shapes = new LinkedHashMap<>();
    for (String root : rootIds) {
      List<HistoricProcessInstance> instances = byRoot.get(root);
      if (instances != null) {
        shapes.put(root, shape(root, instances));
      }
    }
    return shapes;
  }

  record Shaped(String reform, CaseShape shape) {}

  private Shaped shape(String root, List<HistoricProcessInstance> instances) {
    int user = 0, service = 0, gateways = 0, calls = 0, other = 0, received = 0, waitsCreated = 0;
    int async = 0, timersCreated = 0, timersFired = 0;
    int plainVars = 0, jsonVars = 0, plainWrites = 0, jsonWrites = 0;
    String reform = null;
    boolean open = false;
    for (HistoricProcessInstance p : instances) {
      BpmnModelInstance model = models.computeIfAbsent(p.getProcessDefinitionId(),
          id -> engine.getRepositoryService().getBpmnModelInstance(id));
      if (p.getId().equals(root)) {
        reform = p.getProcessDefinitionKey();
        open = p.getEndTime() == null;
      }
      waitsCreated += eventSubProcessMessageStarts(model.getModelElementsByType(
          org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next().getChildElementsByType(SubProcess.class));
      for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery().processInstanceId(p.getId())
          .list()) {
        String type = a.getActivityType();
        if (type.equals("userTask")) {
          user++;
        } else if (SERVICE.contains(type)) {
          service++;
        } else if (type.endsWith("Gateway")) {
          gateways++;
        } else if (type.equals("callActivity")) {
          calls++;
        } else if (MESSAGE.contains(type)) {
          if (a.getEndTime() != null) {
            received++;
          }
        } else if (!TIMER.contains(type)) {
          other++;
        }
        waitsCreated += messageWaitsOpenedBy(model, a);
      }
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(p.getId())
          .disableCustomObjectDeserialization().disableBinaryFetching().list()) {
        if ("json".equals(v.getTypeName())) {
          jsonVars++;
        } else {
          plainVars++;
        }
      }
      for (HistoricDetail d : history.createHistoricDetailQuery().processInstanceId(p.getId()).variableUpdates()
          .disableCustomObjectDeserialization().disableBinaryFetching().list()) {
        if ("json".equals(((HistoricVariableUpdate) d).getTypeName())) {
          jsonWrites++;
        } else {
          plainWrites++;
        }
      }
      Set<String> created = new HashSet<>();
      for (HistoricJobLog log : history.createHistoricJobLogQuery().processInstanceId(p.getId()).list()) {
        String jobType = log.getJobDefinitionType() == null ? "" : log.getJobDefinitionType();
        if (log.isCreationLog() && created.add(log.getJobId())) {
          if (jobType.startsWith("timer")) {
            timersCreated++;
          } else if (jobType.equals("async-continuation")) {
            async++;
          }
        } else if (log.isSuccessLog() && jobType.startsWith("timer")) {
          timersFired++;
        }
      }
    }
    CaseShape shape = new CaseShape(user, service, gateways, async, timersFired,
        Math.max(0, timersCreated - timersFired), received, Math.max(0, waitsCreated - received), calls, other, open,
        plainVars, jsonVars, Math.max(0, plainWrites - plainVars), Math.max(0, jsonWrites - jsonVars));
    return new Shaped(reform, shape);
  }

  /** Message subscriptions an activity opens while it runs, that the activity history does not show. */
  private static int messageWaitsOpenedBy(BpmnModelInstance model, HistoricActivityInstance a) {
    ModelElementInstance element = model.getModelElementById(a.getActivityId());
    int waits = 0;
    if (element instanceof EventBasedGateway gateway) {
      for (SequenceFlow out : gateway.getOutgoing()) {
        if (out.getTarget() instanceof IntermediateCatchEvent e && isMessage(e.getEventDefinitions())) {
          waits++;
        }
      }
      return waits;
    }
    if (element instanceof IntermediateCatchEvent e && isMessage(e.getEventDefinitions())
        && e.getIncoming().stream().noneMatch(f -> f.getSource() instanceof EventBasedGateway)) {
      return 1; // a plain message wait: its subscription exists whether or not the message came
    }
    if ("receiveTask".equals(a.getActivityType())) {
      return 1;
    }
    if (element instanceof FlowNode node) {
      for (BoundaryEvent b : model.getModelElementsByType(BoundaryEvent.class)) {
        if (b.getAttachedTo() == node && isMessage(b.getEventDefinitions())) {
          waits++;
        }
      }
    }
    if (element instanceof SubProcess sub && !sub.triggeredByEvent()) {
      waits += eventSubProcessMessageStarts(sub.getChildElementsByType(SubProcess.class));
    }
    return waits;
  }

  private static int eventSubProcessMessageStarts(Collection<SubProcess> children) {
    int waits = 0;
    for (SubProcess child : children) {
      if (child.triggeredByEvent()) {
        for (StartEvent start : child.getChildElementsByType(StartEvent.class)) {
          if (isMessage(start.getEventDefinitions())) {
            waits++;
          }
        }
      }
    }
    return waits;
  }

  private static boolean isMessage(Collection<? extends org.camunda.bpm.model.bpmn.instance.EventDefinition> defs) {
    return defs.stream().anyMatch(d -> d instanceof MessageEventDefinition);
  }
}
