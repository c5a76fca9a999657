package cn.gaoxin.approval.audit.simulation;

import cn.gaoxin.approval.calendar.WorkingDayCalendar;
import cn.gaoxin.approval.cases.ApplicationRequest;
import cn.gaoxin.approval.cases.ApplicationService;
import cn.gaoxin.approval.cases.CaseVariables;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * What drivers act through: simulated time that only moves forward within a case, starting cases online or at the
 * counter, working tasks as a member of the task's department (logged in, so the operation log records who),
 * messages, timers and withdrawal.
 */
public class SimulationContext {

  private final ProcessEngine engine;
  private final ApplicationService applications;
  private final WorkingDayCalendar calendar;
  private final ZoneId zone;
  private final Random random;
  private final Map<String, List<String>> members = new HashMap<>();
  private final Map<String, List<String>> groups = new HashMap<>();
  private LocalDateTime now;

  SimulationContext(ProcessEngine engine, ApplicationService applications, WorkingDayCalendar calendar, ZoneId zone,
      Random random) {
    this.engine = engine;
    this.applications = applications;
    this.calendar = calendar;
    this.zone = zone;
    this.random = random;
  }

  public ProcessEngine engine() {
    return engine;
  }

  public Random random() {
    return random;
  }

  public LocalDateTime now() {
    return now;
  }

  /** Starts a new case's timeline: the clock goes to {@code time} even if that is earlier than the last case's. */
  void begin(LocalDateTime time) {
    now = time;
    SimulationClock.set(date(time));
  }

  /** Moves the clock to {@code time}, or a minute on if {@code time} is not after now (time never runs back). */
  public void at(LocalDateTime time) {
    now = time.isAfter(now) ? time : now.plusMinutes(1);
    SimulationClock.set(date(now));
  }

  /** Office hours on the {@code n}-th working day after the current day (0: later today). */
  public void workingDaysLater(int n) {
    var day = calendar.addWorkingDays(now.toLocalDate(), n);
    at(day.atTime(9 + random.nextInt(7), random.nextInt(60)));
  }

  public ProcessInstance start(PlannedCase c, String itemCode, List<String> materials, boolean commitment) {
    return start(c, itemCode, materials, commitment, Map.of());
  }

  public Task task(ProcessInstance pi, String taskKey) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("案件 " + pi.getBusinessKey() + " 没有待办任务 " + taskKey);
    }
    return task;
  }

  /** A member of the task's candidate group claims and completes it with the form values. */
  public String complete(ProcessInstance pi, String taskKey, Map<String, Object> vars) {
    return complete(pi, task(pi, taskKey), vars);
  }

  /** The task is reassigned to another member of its department (转办), who completes it. */
  public void reassignAndComplete(ProcessInstance pi, String taskKey, Map<String, Object> vars) {
    Task task = task(pi, taskKey);
    List<String> people = members(groupOf(task));
    String first = people.get(0);
    String second = people.size() > 1 ? people.get(1) : first;
    as(first, () -> engine.getTaskService().claim(task.getId(), first));
    as(first, () -> engine.getTaskService().setAssignee(task.getId(), second));
    as(second, () -> {
      engine.getTaskService().createComment(task.getId(), pi.getId(), "已转办, 由本人继续审查");
      engine.getTaskService().complete(task.getId(), vars);
    });
    runJobs(pi);
  }

  public void correlate(ProcessInstance pi, String message, Map<String, Object> vars) {
    engine.getRuntimeService().createMessageCorrelation(message).processInstanceId(pi.getId()).setVariables(vars)
        .correlate();
    runJobs(pi);
  }

  /** Moves the clock just past the timer's due date and fires it (the earliest, where there are several). */
  public void fireTimer(ProcessInstance pi, String timerEventId) {
    // several for a boundary timer of a multi-instance task: the earliest falls due first
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(timerEventId)
        .timers().orderByJobDuedate().asc().list().stream().findFirst().orElse(null);
    if (job == null) {
      throw new IllegalStateException("案件 " + pi.getBusinessKey() + " 没有定时器 " + timerEventId);
    }
    at(LocalDateTime.ofInstant(job.getDuedate().toInstant(), zone).plusSeconds(1));
    engine.getManagementService().executeJob(job.getId());
    runJobs(pi);
  }

  /**
   * Runs the case's pending async continuations (steps that reach outside the engine), as the job executor would
   * right after each step; called after every action.
   */
  public void runJobs(ProcessInstance pi) {
    runCaseJobs(pi.getRootProcessInstanceId() != null ? pi.getRootProcessInstanceId() : pi.getId());
  }

  private void runCaseJobs(String root) {
    for (int round = 0; round < 100; round++) {
      // the whole case: the processes it called (stages, inspections) run their steps as well
      List<Job> jobs = engine.getManagementService().createJobQuery().rootProcessInstanceId(root).executable()
          .messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> engine.getManagementService().executeJob(j.getId()));
    }
  }

  /**
   * The applicant withdraws the application (撤回): through the model's {@code CaseWithdrawn} message where the
   * model has one waiting (as the applicant API does), otherwise the case is closed with the reason.
   */
  public void withdraw(ProcessInstance pi, String reason) {
    boolean modelled = engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
        .eventType("message").eventName("CaseWithdrawn").count() > 0;
    if (modelled) {
      correlate(pi, "CaseWithdrawn", Map.of("withdrawalReason", reason));
      return;
    }
    engine.getRuntimeService().setVariable(pi.getId(), CaseVariables.CASE_STATUS, "WITHDRAWN");
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "申请人撤回申请: " + reason);
  }

  public boolean isEnded(ProcessInstance pi) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0;
  }

  /** A member of the group (demo users), or a stand-in user id where the group has none. */
  public String member(String group) {
    List<String> people = members(group);
    return people.get(random.nextInt(people.size()));
  }

  private List<String> members(String group) {
    return members.computeIfAbsent(group, g -> {
      List<String> ids = new ArrayList<>(engine.getIdentityService().createUserQuery().memberOfGroup(g)
          .orderByUserId().asc().list().stream().map(User::getId).toList());
      if (ids.isEmpty()) {
        ids.add("sim-" + g);
      }
      return ids;
    });
  }

  /** A user's groups, looked up once per simulation (they do not change while it runs). */
  private List<String> groupsOf(String user) {
    return groups.computeIfAbsent(user, u -> engine.getIdentityService().createGroupQuery().groupMember(u).list()
        .stream().map(Group::getId).toList());
  }

  private void as(String user, Runnable action) {
    if (user.startsWith("sim-")) {
      action.run();
      return;
    }
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user, groupsOf(user));
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  private Date date(LocalDateTime time) {
    return Date.from(time.atZone(zone).toInstant());
  }

  /**
   * Starts a case with the applicant's reform-specific answers ({@code details}, e.g. business scope or delivery
   * method): online through the applicant API, or at the counter by a window clerk with the answers as form
   * values. A case that ends while it starts (a filing on the spot, an application refused at once) is returned
   * as its history has it.
   */
  public ProcessInstance start(PlannedCase c, String itemCode, List<String> materials, boolean commitment,
      Map<String, Object> details) {
    String processInstanceId;
    if ("COUNTER".equals(c.channel())) {
      Map<String, Object> vars = new HashMap<>(details);
      vars.put(CaseVariables.ITEM_CODE, itemCode);
      vars.put(CaseVariables.APPLICANT_NAME, c.applicantName());
      vars.put(CaseVariables.CREDIT_CODE, c.creditCode());
      vars.put(CaseVariables.CONTACT_NAME, "张三");
      vars.put(CaseVariables.CONTACT_PHONE, "13812345678");
      vars.put(CaseVariables.CHANNEL, "COUNTER");
      vars.put(CaseVariables.IN_PERSON_VISITS, 1);
      vars.put(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(materials));
      vars.put("supplementCommitment", commitment);
      String[] started = new String[1];
      as(member("window-clerks"), () -> started[0] = engine.getRuntimeService()
          .createProcessInstanceByKey(c.processKey()).setVariables(vars).execute().getId());
      processInstanceId = started[0];
    } else {
      processInstanceId = applications.submit(new ApplicationRequest(itemCode, c.processKey(),
          new ApplicationRequest.Applicant(c.applicantName(), c.creditCode(), "张三", "13812345678"), materials,
          commitment, details)).processInstanceId();
    }
    ProcessInstance running = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    return running != null ? running : new EndedCase(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult());
  }

  /** A member of {@code group} starts the process in Tasklist with the start form's values (campaigns, records). */
  public ProcessInstance startAs(String group, String processKey, Map<String, Object> vars) {
    ProcessInstance[] started = new ProcessInstance[1];
    as(member(group), () -> started[0] = engine.getRuntimeService().createProcessInstanceByKey(processKey)
        .setVariables(vars).execute());
    runJobs(started[0]);
    return started[0];
  }

  /** The open tasks of that key in the case: several for a multi-instance step (one per department, unit, item). */
  public List<Task> tasks(ProcessInstance pi, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
        .orderByTaskCreateTime().asc().orderByTaskId().asc().list();
  }

  /** The candidate group (department) of a task. */
  public String groupOf(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> l.getGroupId() != null).map(l -> l.getGroupId()).findFirst().orElse("window-clerks");
  }

  /** The open task of that key whose variable (local or inherited) has that value, e.g. one unit's branch. */
  public Task taskWhere(ProcessInstance pi, String taskKey, String variable, Object value) {
    return tasks(pi, taskKey).stream()
        .filter(t -> java.util.Objects.equals(value, engine.getTaskService().getVariable(t.getId(), variable)))
        .findFirst().orElseThrow(() -> new IllegalStateException(
            "案件 " + pi.getBusinessKey() + " 没有 " + variable + "=" + value + " 的待办任务 " + taskKey));
  }

  /**
   * Completes this task of the case (e.g. one branch of a multi-instance step) as the one it is held by or offered
   * to by name (the drawn inspector, the project's butler), otherwise as a member of its department; then runs the
   * case's async steps.
   */
  public String complete(ProcessInstance pi, Task task, Map<String, Object> vars) {
    var links = engine.getTaskService().getIdentityLinksForTask(task.getId());
    String user = task.getAssignee() != null ? task.getAssignee()
        : links.stream().filter(l -> "candidate".equals(l.getType()) && l.getUserId() != null)
            .map(l -> l.getUserId()).findFirst()
            .orElseGet(() -> member(links.stream().filter(l -> l.getGroupId() != null).map(l -> l.getGroupId())
                .findFirst().orElse("window-clerks")));
    as(user, () -> {
      if (task.getAssignee() == null) {
        engine.getTaskService().claim(task.getId(), user);
      }
      engine.getTaskService().complete(task.getId(), vars);
    });
    runJobs(pi);
    return user;
  }

  /** The running process the case called (call activity), e.g. a land-use stage or a video inspection. */
  public ProcessInstance calledInstance(ProcessInstance pi) {
    ProcessInstance called = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .singleResult();
    if (called == null) {
      throw new IllegalStateException("案件 " + pi.getBusinessKey() + " 当前没有调用中的子流程");
    }
    return called;
  }

  /**
   * Moves the clock {@code n} working days on but not past the task's due day, so the step is done on time (its
   * overdue timer, due at the end of that day, stays unfired).
   */
  public void workingDaysLaterWithinDue(Task task, int n) {
    var day = calendar.addWorkingDays(now.toLocalDate(), n);
    if (task.getDueDate() != null) {
      var due = LocalDateTime.ofInstant(task.getDueDate().toInstant(), zone).toLocalDate();
      if (day.isAfter(due)) {
        day = due.isAfter(now.toLocalDate()) ? due : now.toLocalDate();
      }
    }
    at(day.equals(now.toLocalDate()) ? now.plusMinutes(5 + random.nextInt(60))
        : day.atTime(9 + random.nextInt(7), random.nextInt(60)));
  }

  /** Fires the case's timers that are due by now, earliest first, as the job executor would. */
  public void fireDueTimers(ProcessInstance pi) {
    for (int round = 0; round < 20; round++) {
      Job due = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
          .executable().orderByJobDuedate().asc().list().stream().findFirst().orElse(null);
      if (due == null) {
        return;
      }
      engine.getManagementService().executeJob(due.getId());
      runJobs(pi);
    }
  }

  /** A case that ended while it started, as history has it. */
  private record EndedCase(HistoricProcessInstance history) implements ProcessInstance {
    @Override public String getId() { return history.getId(); }
    @Override public String getProcessInstanceId() { return history.getId(); }
    @Override public String getProcessDefinitionId() { return history.getProcessDefinitionId(); }
    @Override public String getProcessDefinitionKey() { return history.getProcessDefinitionKey(); }
    @Override public String getBusinessKey() { return history.getBusinessKey(); }
    @Override public String getRootProcessInstanceId() { return history.getRootProcessInstanceId(); }
    @Override public String getCaseInstanceId() { return history.getCaseInstanceId(); }
    @Override public String getTenantId() { return history.getTenantId(); }
    @Override public boolean isSuspended() { return false; }
    @Override public boolean isEnded() { return true; }
  }
}
