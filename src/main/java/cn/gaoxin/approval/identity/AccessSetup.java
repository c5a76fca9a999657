package cn.gaoxin.approval.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.gaoxin.approval.catalog.Department;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates one group per department and role of the catalog and grants each what its people need, on every
 * profile (structure, not demo data). Idempotent: missing groups and permissions are added, nothing else is
 * touched, so operators' own grants survive a restart.
 *
 * <p>Tasks themselves need no grant here: with authorization on, the engine gives a task's candidate group
 * read and update rights on that task, so a clerk sees and completes only the tasks of their own groups.
 */
@Component
public class AccessSetup implements InitializingBean {

  public static final String WINDOW_CLERKS = "window-clerks";
  public static final String SUPERVISION = "supervision";
  public static final String AUDITORS = "auditors";
  public static final String DESIGNERS = "process-designers";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final ServiceCatalog catalog;

  public AccessSetup(ProcessEngine engine, ServiceCatalog catalog) {
    this.identityService = engine.getIdentityService();
    this.authorizationService = engine.getAuthorizationService();
    this.catalog = catalog;
  }

  @Override
  public void afterPropertiesSet() {
    for (Department d : catalog.departments()) {
      if (identityService.createGroupQuery().groupId(d.id()).count() == 0) {
        Group group = identityService.newGroup(d.id());
        group.setName(d.name());
        group.setType("department".equals(d.kind()) ? "DEPARTMENT" : "ROLE");
        identityService.saveGroup(group);
      }
      grantWorkerAccess(d.id());
    }
    grant(WINDOW_CLERKS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(WINDOW_CLERKS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);

    grant(SUPERVISION, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    // supervisors read every task and may reprioritise or reassign it when urging (督办), but never complete it
    grant(SUPERVISION, Resources.TASK, ANY, Permissions.READ, TaskPermissions.TASK_ASSIGN);
    grant(SUPERVISION, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(SUPERVISION, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_HISTORY);

    grant(AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(AUDITORS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_HISTORY);
    grant(AUDITORS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(AUDITORS, Resources.TASK, ANY, Permissions.READ);
    grant(AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(AUDITORS, Resources.DEPLOYMENT, ANY, Permissions.READ);

    grant(DESIGNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    for (Resource r : List.of(Resources.DEPLOYMENT, Resources.PROCESS_DEFINITION, Resources.DECISION_DEFINITION,
        Resources.DECISION_REQUIREMENTS_DEFINITION)) {
      grant(DESIGNERS, r, ANY, Permissions.ALL);
    }
  }

  /**
   * Everyone who works cases: Tasklist, reading model names and forms, and the staff directory (users and
   * groups) so that 转办, 委派 and 抄送 can name a colleague.
   */
  private void grantWorkerAccess(String groupId) {
    grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(groupId, Resources.USER, ANY, Permissions.READ);
    grant(groupId, Resources.GROUP, ANY, Permissions.READ);
    grant(groupId, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    grant(groupId, Resources.DEPLOYMENT, ANY, Permissions.READ);
  }

  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list().stream()
        .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT).findFirst().orElse(null);
    boolean isNew = auth == null;
    if (isNew) {
      auth = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    boolean changed = isNew;
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
