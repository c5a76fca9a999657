package cn.gaoxin.approval.reforms.supervision;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.gaoxin.approval.identity.AccessSetup;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Lets the departments that start the supervision and evaluation models do so in Tasklist (each model names them
 * in {@code camunda:candidateStarterGroups}): the reform office records observers' suggestions, market regulation
 * launches double-random inspections, the economic development department the annual per-mu yield evaluation.
 * Idempotent, like {@link AccessSetup}; nothing else is granted.
 */
@Component
public class SupervisionStartAccess implements InitializingBean {

  static final Map<String, String> STARTERS = Map.of(
      "observer-suggestion", "reform-office",
      "double-random-inspection", "market-regulation",
      "per-mu-yield-evaluation", "economic-development");

  private final AuthorizationService authorizationService;

  public SupervisionStartAccess(ProcessEngine engine, AccessSetup groupsFirst) {
    this.authorizationService = engine.getAuthorizationService();
  }

  @Override
  public void afterPropertiesSet() {
    STARTERS.forEach((process, group) -> {
      grant(group, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    });
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization auth = authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
        .resourceId(resourceId).list().stream().filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT)
        .findFirst().orElse(null);
    if (auth == null) {
      auth = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    } else if (auth.isPermissionGranted(permission)) {
      return;
    }
    auth.addPermission(permission);
    authorizationService.saveAuthorization(auth);
  }
}
