package cn.gaoxin.approval.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.gaoxin.approval.catalog.Department;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
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
 * touched, so operators' own grants survive a restart; only the designers' and supervisors' platform grants are
 * set to exactly what they need on every start (earlier versions granted more, see {@link #grantExactly}).
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
    // supervisors read every task but never work one: no assign right, because whoever may assign a task may assign
    // it to themselves and so complete another department's decision (urging raises the priority on their behalf,
    // clerks/TaskOperations)
    grantExactly(SUPERVISION, Resources.TASK, ANY, Permissions.READ);
    grant(SUPERVISION, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(SUPERVISION, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_HISTORY);

    grant(AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(AUDITORS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_HISTORY);
    grant(AUDITORS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(AUDITORS, Resources.TASK, ANY, Permissions.READ);
    grant(AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(AUDITORS, Resources.DEPLOYMENT, ANY, Permissions.READ);

    grant(DESIGNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    // designers deploy models and read definitions, nothing more: ALL on definitions would include reading every
    // case's personal data, working and deleting cases, and ALL on deployments deleting them with their history
    grantExactly(DESIGNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    grantExactly(DESIGNERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    grantExactly(DESIGNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grantExactly(DESIGNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
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
    Authorization auth = existingGrant(groupId, resource, resourceId);
    boolean isNew = auth == null;
    if (isNew) {
      auth = newGrant(groupId, resource, resourceId);
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

  /**
   * A grant of exactly these permissions: also narrows a wider grant that an earlier version of the platform made
   * (designers once held ALL), so a restart closes the gap on existing databases too.
   */
  void grantExactly(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = existingGrant(groupId, resource, resourceId);
    if (auth == null) {
      grant(groupId, resource, resourceId, permissions);
      return;
    }
    // compared by name: the engine answers with the resource's own permission type (ProcessDefinitionPermissions.READ)
    Set<String> wanted = Arrays.stream(permissions).map(Permission::getName).collect(Collectors.toSet());
    Set<String> granted = Arrays.stream(auth.getPermissions(permissionsOf(resource))).map(Permission::getName)
        .collect(Collectors.toSet());
    if (!granted.equals(wanted)) { // saved only when it differs: nodes starting together do not collide
      auth.setPermissions(permissions);
      authorizationService.saveAuthorization(auth);
    }
  }

  /** Every single permission that applies to the resource (not NONE or ALL). */
  private static Permission[] permissionsOf(Resource resource) {
    Permission[] all = resource == Resources.TASK ? TaskPermissions.values()
        : resource == Resources.PROCESS_DEFINITION ? ProcessDefinitionPermissions.values() : Permissions.values();
    return Arrays.stream(all).filter(p -> p.getValue() != 0 && p.getValue() != Integer.MAX_VALUE)
        .filter(p -> p.getTypes() != null
            && Arrays.stream(p.getTypes()).anyMatch(t -> t.resourceType() == resource.resourceType()))
        .toArray(Permission[]::new);
  }

  private Authorization existingGrant(String groupId, Resource resource, String resourceId) {
    return authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list().stream()
        .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT).findFirst().orElse(null);
  }

  private Authorization newGrant(String groupId, Resource resource, String resourceId) {
    Authorization auth = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    auth.setGroupId(groupId);
    auth.setResource(resource);
    auth.setResourceId(resourceId);
    return auth;
  }
}
