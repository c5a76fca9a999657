package cn.gaoxin.approval.audit;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.gaoxin.approval.identity.AccessSetup;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The read grants an audit trail needs beyond {@link AccessSetup}'s: who did a step (users and their departments)
 * and the operation log (claims, reassignments, delegations, deletions). Read only, like every other auditor grant;
 * idempotent, adds what is missing and touches nothing else.
 */
@Component
public class AuditAccess implements InitializingBean {

  private final AuthorizationService authorizationService;

  public AuditAccess(ProcessEngine engine, AccessSetup accessSetup) {
    this.authorizationService = engine.getAuthorizationService();
  }

  @Override
  public void afterPropertiesSet() {
    grant(AccessSetup.AUDITORS, Resources.USER, Permissions.READ);
    grant(AccessSetup.AUDITORS, Resources.GROUP, Permissions.READ);
    grant(AccessSetup.AUDITORS, Resources.PROCESS_DEFINITION, Permissions.READ, Permissions.READ_HISTORY);
    grant(AccessSetup.AUDITORS, Resources.OPERATION_LOG_CATEGORY, UserOperationLogCategoryPermissions.READ);
  }

  private void grant(String groupId, Resource resource, Permission... permissions) {
    Authorization auth = authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
        .resourceId(ANY).list().stream().filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT).findFirst()
        .orElse(null);
    boolean changed = auth == null;
    if (auth == null) {
      auth = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(ANY);
    }
    for (Permission p : permissions) {
      if (!auth.isPermissionGranted(p)) {
        auth.addPermission(p);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(auth);
    }
  }
}
