package cn.gaoxin.approval.worklists;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Need to know: a department may read a case (its variables: case number, applicant, materials) once it has a
 * task in it, and so may the user a task is assigned to. Clerks get no read access to other cases. Granted in the
 * transaction that creates or assigns the task (the engine's Spring event bridge), so every model is covered
 * without listeners in the models. The grants go when the case (process instance) ends, completed or deleted:
 * they concern running cases only, and left behind they would grow the authorization table by every case ever
 * handled and slow every authorized query (history is read through process-definition permissions instead).
 */
@Component
public class CaseReadAccess {

  private final ProcessEngine engine;

  public CaseReadAccess(@Lazy ProcessEngine engine) {
    this.engine = engine;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> grantedInThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new HashSet<>();
    }
    Object bound = TransactionSynchronizationManager.getResource(CaseReadAccess.class);
    if (bound == null) {
      Set<String> granted = new HashSet<>();
      TransactionSynchronizationManager.bindResource(CaseReadAccess.class, granted);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(CaseReadAccess.class);
        }
      });
      return granted;
    }
    return (Set<String>) bound;
  }

  @EventListener(condition = "#task.eventName == 'create' || #task.eventName == 'assignment'")
  public void onTask(DelegateTask task) {
    String processInstanceId = task.getProcessInstanceId();
    if (processInstanceId == null) {
      return;
    }
    AuthorizationService authorizations = engine.getAuthorizationService();
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      for (IdentityLink link : task.getCandidates()) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          grant(authorizations, link.getGroupId(), null, processInstanceId);
        }
      }
    }
    if (task.getAssignee() != null) {
      grant(authorizations, null, task.getAssignee(), processInstanceId);
    }
  }

  @EventListener(condition = "#execution.eventName == 'end'")
  public void onExecutionEnd(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    boolean processEnd = processInstanceId != null && processInstanceId.equals(execution.getId())
        && processInstanceId.equals(execution.getActivityInstanceId());
    if (!processEnd) {
      return;
    }
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Authorization grant : authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(processInstanceId).list()) {
      authorizations.deleteAuthorization(grant.getId());
    }
  }

  /**
   * Grants once per transaction and identity: the engine flushes its inserts only at the end of the command, so a
   * second task for the same group in the same transaction (parallel branches, multi-instance) must not query the
   * database for the first one's grant but remember it.
   */
  private static void grant(AuthorizationService authorizations, String groupId, String userId, String instanceId) {
    String key = (groupId != null ? "g:" + groupId : "u:" + userId) + ":" + instanceId;
    if (!grantedInThisTransaction().add(key)) {
      return;
    }
    var query = authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).resourceId(instanceId);
    boolean exists = (groupId != null ? query.groupIdIn(groupId) : query.userIdIn(userId)).count() > 0;
    if (!exists) {
      Authorization auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(groupId);
      auth.setUserId(userId);
      auth.setResource(Resources.PROCESS_INSTANCE);
      auth.setResourceId(instanceId);
      auth.addPermission(Permissions.READ);
      authorizations.saveAuthorization(auth);
    }
  }
}
