package cn.gaoxin.approval.worklists;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.gaoxin.approval.catalog.Department;
import cn.gaoxin.approval.clerks.TaskOperations;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The clerks' work queues in Tasklist, created at start (idempotent by name) and readable by every department
 * and role: what a clerk sees after logging in. Columns show the case number, applicant and item of each task.
 */
@Component
public class WorkQueues implements InitializingBean {

  static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", "caseNumber", "label", "案件编号"),
      Map.of("name", "applicantName", "label", "申请人"),
      Map.of("name", "itemName", "label", "申请事项"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final ServiceCatalog catalog;

  public WorkQueues(ProcessEngine engine, ServiceCatalog catalog) {
    this.filterService = engine.getFilterService();
    this.taskService = engine.getTaskService();
    this.authorizationService = engine.getAuthorizationService();
    this.catalog = catalog;
  }

  @Override
  public void afterPropertiesSet() {
    ensure("我的待办", "已认领、由我办理的任务", -10,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure("本部门待办", "本部门 (候选组) 尚未认领的任务, 按到期日排序", -5,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned()
            .orderByDueDate().asc());
    ensure("即将超期", "我和本部门的任务中, 一个工作日内到期的 (跟进日期已到)", 0,
        mine().followUpBeforeExpression("${now()}").dueAfterExpression("${now()}").orderByDueDate().asc());
    ensure("已超期", "我和本部门的任务中, 已超过到期日的", 5,
        mine().dueBeforeExpression("${now()}").orderByDueDate().asc());
    ensure("抄送我的", "抄送给我或本部门、仅供知悉的案件 (点击完成表示已阅)", 15,
        mine().taskNameLike(TaskOperations.COPY_TASK_PREFIX + "%").orderByTaskCreateTime().desc());
    ensure("容缺待补正", "容缺受理、申请人尚未补齐材料的案件中, 我和本部门的任务", 10,
        mine().processVariableValueEquals("supplementPending", true).orderByDueDate().asc());
  }

  /** Tasks of my departments or assigned to me. */
  private TaskQuery mine() {
    return taskService.createTaskQuery().or()
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .taskAssigneeExpression("${currentUser()}")
        .endOr();
  }

  /** Creates the filter if no filter of that name exists, and lets every worker group read it. */
  public Filter ensure(String name, String description, int priority, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("refresh", true);
      properties.put("variables", COLUMNS);
      filter = filterService.newTaskFilter(name).setOwner(null).setQuery(query).setProperties(properties);
      filterService.saveFilter(filter);
    }
    for (Department d : catalog.departments()) {
      grantRead(d.id(), filter.getId());
    }
    return filter;
  }

  private void grantRead(String groupId, String filterId) {
    boolean granted = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(Resources.FILTER).resourceId(filterId).count() > 0;
    if (!granted) {
      Authorization auth = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(groupId);
      auth.setResource(Resources.FILTER);
      auth.setResourceId(filterId);
      auth.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(auth);
    }
  }
}
