package cn.gaoxin.approval.clerks;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.countersign.CountersignDefinition;
import cn.gaoxin.approval.countersign.CountersignDefinition.SignerKind;
import cn.gaoxin.approval.countersign.Countersigns;
import cn.gaoxin.approval.identity.AccessSetup;
import cn.gaoxin.approval.notices.NoticeOutbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The approval operations clerks expect besides complete: 转办 (transfer), 委派 (delegate), 催办 (urge), 抄送
 * (copy) and 加签 (add a signer to a running 会签 / 或签). Each checks the caller's engine authorizations, adds the
 * department rules the engine does not know, and is recorded in the case history as a task comment (who, when, why)
 * besides the engine's operation log.
 */
@Service
public class TaskOperations {

  public static final String COPY_TASK_PREFIX = "【抄送】";
  static final int URGE_PRIORITY_STEP = 25;

  private final TaskService taskService;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final NoticeOutbox outbox;
  private final EngineClock clock;
  private final Countersigns countersigns;

  public TaskOperations(ProcessEngine engine, NoticeOutbox outbox, EngineClock clock, Countersigns countersigns) {
    this.taskService = engine.getTaskService();
    this.identityService = engine.getIdentityService();
    this.runtimeService = engine.getRuntimeService();
    this.historyService = engine.getHistoryService();
    this.outbox = outbox;
    this.clock = clock;
    this.countersigns = countersigns;
  }

  /** 转办: hand the task over to a colleague of the same department; the colleague becomes the assignee. */
  public void transfer(String taskId, String toUser, String reason) {
    Task task = workableTask(taskId);
    requireColleague(task, toUser);
    guarded(() -> taskService.setAssignee(taskId, toUser));
    record(task, "转办", "转办给 " + toUser + ": " + reason);
  }

  /** 委派: a colleague works the task and hands it back (Tasklist shows 完成委托); the caller stays its owner. */
  public void delegate(String taskId, String toUser, String reason) {
    Task task = workableTask(taskId);
    requireColleague(task, toUser);
    guarded(() -> {
      if (task.getAssignee() == null) {
        taskService.setAssignee(taskId, currentUser());
      }
      taskService.delegateTask(taskId, toUser);
    });
    record(task, "委派", "委派给 " + toUser + ": " + reason);
  }

  /** 催办: a supervisor urges an overdue task: its priority rises and whoever holds it is told. */
  public void urge(String taskId, String reason) {
    if (!currentGroups().contains(AccessSetup.SUPERVISION)) {
      throw new TaskOperationRefused(HttpStatus.FORBIDDEN, "只有效能监察人员可以催办");
    }
    Task task = visibleTask(taskId);
    if (task.getDueDate() == null || !task.getDueDate().before(clock.now())) {
      throw new TaskOperationRefused(HttpStatus.CONFLICT, "该任务尚未超期, 不能催办");
    }
    // supervisors hold no assign right on tasks (whoever may assign may take the task over): the platform raises the
    // priority on their behalf, after the checks above
    asPlatform(() -> taskService.setPriority(taskId, Math.min(100, task.getPriority() + URGE_PRIORITY_STEP)));
    record(task, "催办", reason);
    String caseNumber = caseNumber(task);
    String recipient = task.getAssignee() != null ? task.getAssignee() : String.join(",", candidateGroups(task));
    outbox.enqueue(caseNumber, "URGE", recipient, NoticeOutbox.CHANNEL_STAFF, "催办: " + task.getName() + " (" + caseNumber + ")",
        "案件 " + caseNumber + " 的「" + task.getName() + "」已超期, 请尽快办理。督办意见: " + reason,
        caseNumber + ":URGE:" + taskId + ":" + clock.now().getTime(), clock.instant());
  }

  /**
   * 抄送: a leader or another department gets a read-only copy of the case: a 知会 task in their Tasklist
   * (「抄送我的」) that they can only acknowledge, and read access to the case; no task of the case is theirs.
   */
  public String copy(String taskId, String toUser, String toGroup, String note) {
    Task task = visibleTask(taskId);
    if (!works(task)) {
      // reading a task (supervisors, auditors) is not working it: a copy hands the case to someone else to read
      throw new TaskOperationRefused(HttpStatus.FORBIDDEN, "只有办理该任务的人员 (办理人或本部门人员) 可以抄送");
    }
    if ((toUser == null) == (toGroup == null)) {
      throw new TaskOperationRefused(HttpStatus.BAD_REQUEST, "请指定抄送给一个用户 (toUser) 或一个部门 (toGroup)");
    }
    if (toUser != null && identityService.createUserQuery().userId(toUser).count() == 0
        || toGroup != null && identityService.createGroupQuery().groupId(toGroup).count() == 0) {
      throw new TaskOperationRefused(HttpStatus.BAD_REQUEST, "抄送对象不存在: " + (toUser != null ? toUser : toGroup));
    }
    String caseNumber = caseNumber(task);
    Map<String, Object> caseVars = runtimeService.getVariables(task.getProcessInstanceId(),
        List.of(CaseVariables.CASE_NUMBER, CaseVariables.APPLICANT_NAME, CaseVariables.ITEM_NAME));
    String caller = currentUser();
    String[] copyId = new String[1];
    // the copy is created by the platform on the caller's behalf: clerks may not create tasks themselves
    asPlatform(() -> {
      Task copy = taskService.newTask();
      copy.setName(COPY_TASK_PREFIX + task.getName() + " (" + caseNumber + ")");
      copy.setDescription("由 " + caller + " 抄送, 仅供知悉。" + (note == null ? "" : note));
      copy.setOwner(caller);
      copy.setAssignee(toUser);
      taskService.saveTask(copy);
      if (toGroup != null) {
        taskService.addCandidateGroup(copy.getId(), toGroup);
      }
      taskService.setVariablesLocal(copy.getId(), caseVars);
      copyId[0] = copy.getId();
    });
    record(task, "抄送", "抄送给 " + (toUser != null ? toUser : toGroup) + (note == null ? "" : ": " + note));
    return copyId[0];
  }

  /**
   * 加签: a participant of a running 会签 / 或签 (the holder or a candidate of one of its signer tasks) or a
   * supervisor adds a department ({@code group}, for countersigns signed per department) or an official
   * ({@code user}, for countersigns signed by the officials of one department). The new signer gets their own signer
   * task in the running countersign; a 会签 then also needs their agreement. Returns the new signer task's id.
   */
  public String addSigner(String taskId, String group, String user, String reason) {
    if ((group == null) == (user == null)) {
      throw new TaskOperationRefused(HttpStatus.BAD_REQUEST, "请指定加签的部门 (group) 或人员 (user), 二者选一");
    }
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw finishedSigning(taskId);
    }
    CountersignDefinition countersign = asPlatform(
        () -> countersigns.definition(task.getProcessDefinitionId(), task.getTaskDefinitionKey()))
        .orElseThrow(() -> new TaskOperationRefused(HttpStatus.CONFLICT, "该任务不是会签或或签任务, 不能加签"));
    String label = countersign.mode().label();
    String me = currentUser();
    boolean participant = me.equals(task.getAssignee())
        || taskService.getIdentityLinksForTask(task.getId()).stream()
            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
            .anyMatch(l -> me.equals(l.getUserId()) || currentGroups().contains(l.getGroupId()));
    if (!participant && !currentGroups().contains(AccessSetup.SUPERVISION)) {
      throw new TaskOperationRefused(HttpStatus.FORBIDDEN, "只有参与本次" + label + "的人员或效能监察人员可以加签");
    }
    String signer = requireSigner(countersign, group, user);
    String signerName = countersigns.signerName(countersign, signer);
    if (asPlatform(() -> countersigns.signers(task)).contains(signer)) {
      throw new TaskOperationRefused(HttpStatus.CONFLICT, signerName + " 已在本次" + label + "中, 不能重复加签");
    }
    String newTask = asPlatform(() -> countersigns.addSigner(task, countersign, signer,
        "加签 " + signer + " (" + me + "): " + reason));
    record(task, "加签", "加签 " + signerName + " 参加「" + task.getName() + "」" + label + ": " + reason);
    String caseNumber = caseNumber(task);
    outbox.enqueue(caseNumber, "ADD_SIGNER", signer, NoticeOutbox.CHANNEL_STAFF,
        "请签署: " + task.getName() + " (" + caseNumber + ")",
        "案件 " + caseNumber + " 的「" + task.getName() + "」" + label + "已加签 " + signerName + ", 请在待办中签署。加签人 "
            + me + ", 理由: " + reason,
        caseNumber + ":ADD_SIGNER:" + newTask, clock.instant());
    return newTask;
  }

  /** The new signer: a department for a countersign signed per department, an official of its department otherwise. */
  private String requireSigner(CountersignDefinition countersign, String group, String user) {
    if (countersign.signerKind() == SignerKind.GROUP) {
      if (group == null) {
        throw new TaskOperationRefused(HttpStatus.BAD_REQUEST,
            "本" + countersign.mode().label() + "按部门签署, 请指定加签部门 (group)");
      }
      if (identityService.createGroupQuery().groupId(group).count() == 0) {
        throw new TaskOperationRefused(HttpStatus.BAD_REQUEST, "加签部门不存在: " + group);
      }
      return group;
    }
    if (user == null) {
      throw new TaskOperationRefused(HttpStatus.BAD_REQUEST,
          "本" + countersign.mode().label() + "由人员签署, 请指定加签人员 (user)");
    }
    if (identityService.createUserQuery().userId(user).count() == 0) {
      throw new TaskOperationRefused(HttpStatus.BAD_REQUEST, "加签人员不存在: " + user);
    }
    if (identityService.createUserQuery().userId(user).memberOfGroup(countersign.signingGroup()).count() == 0) {
      throw new TaskOperationRefused(HttpStatus.BAD_REQUEST,
          "加签人员须为 " + countersign.signingGroup() + " 的人员: " + user);
    }
    return user;
  }

  /** Why a task that is no longer open cannot take a new signer. */
  private TaskOperationRefused finishedSigning(String taskId) {
    HistoricTaskInstance done = asPlatform(
        () -> historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
    // a task still open that the caller cannot see stays invisible: only a finished signer task is explained
    if (done != null && done.getEndTime() != null && done.getProcessInstanceId() != null) {
      var countersign = asPlatform(
          () -> countersigns.definition(done.getProcessDefinitionId(), done.getTaskDefinitionKey()));
      if (countersign.isPresent()) {
        String label = countersign.get().mode().label();
        if (asPlatform(() -> countersigns.running(done.getProcessInstanceId(), done.getTaskDefinitionKey()))) {
          return new TaskOperationRefused(HttpStatus.CONFLICT,
              "该签署任务已办结, 请在本次" + label + "仍在签署的任务上加签");
        }
        return new TaskOperationRefused(HttpStatus.CONFLICT, "本次" + label + "已结束, 不能加签");
      }
    }
    return new TaskOperationRefused(HttpStatus.NOT_FOUND, "任务不存在或您无权查看");
  }

  /**
   * Runs an engine call on the caller's behalf once the caller's right to the operation is checked: the caller stays
   * the authenticated user (the engine's operation log names them), with the platform's administrator rights for this
   * call only, since clerks may not modify process instances themselves.
   */
  private <T> T asPlatform(Supplier<T> call) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null) {
      return call.get();
    }
    List<String> groups = new ArrayList<>(caller.getGroupIds() == null ? List.of() : caller.getGroupIds());
    groups.add(Groups.CAMUNDA_ADMIN);
    identityService.setAuthentication(caller.getUserId(), groups, caller.getTenantIds());
    try {
      return call.get();
    } finally {
      identityService.setAuthentication(caller);
    }
  }

  private Task visibleTask(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new TaskOperationRefused(HttpStatus.NOT_FOUND, "任务不存在或您无权查看");
    }
    return task;
  }

  /** A task the caller works: assigned to them, or unassigned in one of their departments. */
  private Task workableTask(String taskId) {
    Task task = visibleTask(taskId);
    String me = currentUser();
    boolean mine = me.equals(task.getAssignee())
        || task.getAssignee() == null && candidateGroups(task).stream().anyMatch(currentGroups()::contains);
    if (!mine) {
      throw new TaskOperationRefused(HttpStatus.FORBIDDEN, "只能转办或委派由您办理或本部门待认领的任务");
    }
    return task;
  }

  /** Whether the caller works the task: its assignee, or a member of one of its candidate departments. */
  private boolean works(Task task) {
    return currentUser().equals(task.getAssignee())
        || candidateGroups(task).stream().anyMatch(currentGroups()::contains);
  }

  /** Runs an engine call as the platform (no user), then restores the caller's engine authentication. */
  private void asPlatform(Runnable operation) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      operation.run();
    } finally {
      identityService.setAuthentication(caller);
    }
  }

  private void requireColleague(Task task, String toUser) {
    if (toUser == null || toUser.isBlank() || toUser.equals(currentUser())) {
      throw new TaskOperationRefused(HttpStatus.BAD_REQUEST, "请指定另一位办理人 (toUser)");
    }
    List<String> groups = candidateGroups(task);
    boolean colleague =
        groups.stream().anyMatch(g -> identityService.createUserQuery().userId(toUser).memberOfGroup(g).count() > 0);
    if (!colleague) {
      throw new TaskOperationRefused(HttpStatus.FORBIDDEN, "只能转办或委派给本部门的人员 (" + String.join(", ", groups) + ")");
    }
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private void record(Task task, String operation, String text) {
    taskService.createComment(task.getId(), task.getProcessInstanceId(), "【" + operation + "】" + currentUser() + ": " + text);
  }

  private String caseNumber(Task task) {
    Object number = runtimeService.getVariable(task.getProcessInstanceId(), CaseVariables.CASE_NUMBER);
    return number == null ? "-" : number.toString();
  }

  private String currentUser() {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth == null) {
      throw new TaskOperationRefused(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    return auth.getUserId();
  }

  private List<String> currentGroups() {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
  }

  private static void guarded(Runnable operation) {
    try {
      operation.run();
    } catch (AuthorizationException e) {
      throw new TaskOperationRefused(HttpStatus.FORBIDDEN, "您无权对该任务执行此操作");
    }
  }
}
