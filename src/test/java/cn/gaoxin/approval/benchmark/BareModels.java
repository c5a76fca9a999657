package cn.gaoxin.approval.benchmark;

import cn.gaoxin.approval.cases.CaseVariables;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;

/**
 * Bare models of a {@link CaseShape}, generated with Camunda's model API, and the player that runs one case
 * through them the way the demo-history harness runs a real case (act, then run the case's due async jobs).
 *
 * <p>A bare model is one straight line from start to end: the shape's user tasks, exclusive gateways (one way out,
 * no condition), service tasks ({@code ${benchNoop}}), intermediate timer and message catch events (those that
 * fired), call activities (of an empty sub-process) and intermediate throw events (the remaining activities: end
 * events, embedded sub-processes …), interleaved; async continuations on as many of them as the case had (service
 * tasks first). Timers and message waits that were created but never fired are event sub-processes with a timer
 * (far future) or message start: they cost a job or a subscription while the case runs, as the real ones do. No
 * listeners, no forms, no variables, no candidate groups, no due dates.
 */
final class BareModels {

  static final String SUB = "bench-bare-sub";

  enum Kind { USER, GATEWAY, SERVICE, TIMER, MESSAGE, CALL, OTHER }

  record Step(Kind kind, String id, boolean async) {}

  private final Set<String> deployed = new HashSet<>();

  /** Deploys the bare models of shapes not deployed yet (and the empty sub-process once). */
  void deploy(ProcessEngine engine, Collection<CaseShape> shapes) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bench-bare");
    boolean any = false;
    if (deployed.add(SUB)) {
      deployment.addModelInstance(SUB + ".bpmn", Bpmn.createExecutableProcess(SUB).camundaHistoryTimeToLive(10950)
          .startEvent("Start").endEvent("End").done());
      any = true;
    }
    for (CaseShape shape : shapes) {
      if (deployed.add(shape.key())) {
        deployment.addModelInstance(shape.key() + ".bpmn", model(shape));
        any = true;
      }
    }
    if (any) {
      deployment.deploy();
    }
  }

  static List<Step> steps(CaseShape s) {
    int[] left = {s.userTasks(), s.gateways(), s.serviceTasks(), s.timersFired(), s.messagesReceived(),
        s.callActivities(), Math.max(0, s.otherActivities() - 2 - 2 * s.callActivities())};
    Kind[] kinds = Kind.values();
    List<Kind> order = new ArrayList<>();
    boolean more = true;
    while (more) {
      more = false;
      for (int k = 0; k < kinds.length; k++) {
        if (left[k] > 0) {
          order.add(kinds[k]);
          left[k]--;
          more = true;
        }
      }
    }
    if (s.open()) {
      // an open case waits at its last wait state after everything else it executed: that wait goes last
      for (int i = order.size() - 1; i >= 0; i--) {
        Kind kind = order.get(i);
        if (kind == Kind.USER || kind == Kind.TIMER || kind == Kind.MESSAGE) {
          order.remove(i);
          order.add(kind);
          break;
        }
      }
    }
    // async continuations: service tasks first, then user tasks, gateways, the rest
    boolean[] async = new boolean[order.size()];
    int asyncLeft = s.asyncSteps();
    for (Kind preferred : List.of(Kind.SERVICE, Kind.USER, Kind.GATEWAY, Kind.CALL, Kind.OTHER, Kind.TIMER,
        Kind.MESSAGE)) {
      for (int i = 0; i < order.size() && asyncLeft > 0; i++) {
        if (order.get(i) == preferred && !async[i]) {
          async[i] = true;
          asyncLeft--;
        }
      }
    }
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      steps.add(new Step(order.get(i), order.get(i).name().charAt(0) + "_" + (i + 1), async[i]));
    }
    return steps;
  }

  static BpmnModelInstance model(CaseShape shape) {
    ProcessBuilder process = Bpmn.createExecutableProcess(shape.key()).camundaHistoryTimeToLive(10950);
    AbstractFlowNodeBuilder<?, ?> b = process.startEvent("Start");
    for (Step step : steps(shape)) {
      b = switch (step.kind()) {
        case USER -> b.userTask(step.id());
        case GATEWAY -> b.exclusiveGateway(step.id());
        case SERVICE -> b.serviceTask(step.id()).camundaDelegateExpression("${benchNoop}");
        case TIMER -> b.intermediateCatchEvent(step.id()).timerWithDuration("PT1H");
        case MESSAGE -> b.intermediateCatchEvent(step.id()).message("Bare" + step.id());
        case CALL -> b.callActivity(step.id()).calledElement(SUB);
        case OTHER -> b.intermediateThrowEvent(step.id());
      };
      if (step.async()) {
        b.camundaAsyncBefore();
      }
    }
    b.endEvent("End");
    for (int i = 1; i <= shape.timersUnfired(); i++) {
      process.eventSubProcess("Sub_NeverTimer_" + i).startEvent("Start_NeverTimer_" + i)
          .timerWithDate("2099-12-31T00:00:00").endEvent("End_NeverTimer_" + i);
    }
    for (int i = 1; i <= shape.messageWaitsUnused(); i++) {
      process.eventSubProcess("Sub_NeverMessage_" + i).startEvent("Start_NeverMessage_" + i)
          .message("BareNever_" + i).endEvent("End_NeverMessage_" + i);
    }
    return b.done();
  }

  /**
   * Plays one case: start, then every wait state in order (a clerk claims and completes the task; a timer's job is
   * executed; a message is correlated), each followed by the case's due async jobs. An open case stops before its
   * last wait.
   */
  static String play(ProcessEngine engine, CaseShape shape, String businessKey, boolean withData) {
    List<Step> waits = steps(shape).stream()
        .filter(s -> s.kind() == Kind.USER || s.kind() == Kind.TIMER || s.kind() == Kind.MESSAGE).toList();
    int last = shape.open() && !waits.isEmpty() ? waits.size() - 1 : waits.size();
    Map<String, Object> start = new HashMap<>();
    List<Map<String, Object>> updates = new ArrayList<>();
    if (withData) {
      data(shape, last, start, updates);
    }
    if (waits.isEmpty() && !updates.isEmpty()) {
      // a case that ends as it starts (a filing on the spot, refused at once) wrote all its data in that one step
      updates.forEach(start::putAll);
      updates.clear();
    }
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(shape.key(), businessKey, start);
    runJobs(engine, pi);
    if (last == 0 && !updates.isEmpty() && !updates.get(0).isEmpty()) {
      engine.getRuntimeService().setVariables(pi.getId(), updates.get(0));
    }
    for (int i = 0; i < last; i++) {
      Step step = waits.get(i);
      Map<String, Object> vars = updates.isEmpty() ? Map.of() : updates.get(i);
      switch (step.kind()) {
        case USER -> {
          Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
          engine.getTaskService().claim(task.getId(), "clerk");
          engine.getTaskService().complete(task.getId(), vars);
        }
        case TIMER -> {
          if (!vars.isEmpty()) {
            engine.getRuntimeService().setVariables(pi.getId(), vars);
          }
          Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
              .activityId(step.id()).singleResult();
          engine.getManagementService().executeJob(job.getId());
        }
        default -> engine.getRuntimeService().createMessageCorrelation("Bare" + step.id())
            .processInstanceId(pi.getId()).setVariables(vars).correlate();
      }
      runJobs(engine, pi);
    }
    return pi.getId();
  }

  /**
   * The case's data for the baseline "with the same data": as many variables as the real case created, set at the
   * start (strings; JSON lists where the case had JSON), and as many updates, spread over its actions.
   */
  private static void data(CaseShape shape, int actions, Map<String, Object> start,
      List<Map<String, Object>> updates) {
    for (int i = 1; i <= shape.plainVariables(); i++) {
      start.put("v" + i, "案件数据 " + i);
    }
    for (int i = 1; i <= shape.jsonVariables(); i++) {
      start.put("j" + i, CaseVariables.json(List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID")));
    }
    int slots = Math.max(1, actions);
    for (int a = 0; a < slots; a++) {
      updates.add(new HashMap<>());
    }
    for (int u = 0; u < shape.plainUpdates(); u++) {
      updates.get(u % slots).put("v" + (1 + (u / slots) % Math.max(1, shape.plainVariables())), "更新 " + u);
    }
    for (int u = 0; u < shape.jsonUpdates(); u++) {
      updates.get(u % slots).put("j" + (1 + (u / slots) % Math.max(1, shape.jsonVariables())),
          CaseVariables.json(List.of("APPLICATION", "PREMISES_PROOF", String.valueOf(u))));
    }
  }

  /** As SimulationContext.runJobs: the case's due async continuations, until none is left. */
  static void runJobs(ProcessEngine engine, ProcessInstance pi) {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable()
          .messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> engine.getManagementService().executeJob(j.getId()));
    }
  }
}
