package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The butler who claimed the project-claim task becomes the project's service butler ({@code projectButler},
 * {@code projectButlerName}): later butler tasks of the case are offered to them by name (candidate user). A butler may lead at most the catalog's
 * {@code landUse.butlers.capacity} open land-use cases (青岛高新区: 10 butlers for 24 projects). A butler who returns
 * the application for correction does not take the project on: after the correction any butler may claim it.
 */
@Component("assignProjectButler")
public class AssignProjectButlerListener implements TaskListener {

  static final String PROCESS_KEY = "land-use-one-matter";

  private final ConstructionCatalog constructionCatalog;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  public AssignProjectButlerListener(ConstructionCatalog constructionCatalog, RuntimeService runtimeService,
      IdentityService identityService) {
    this.constructionCatalog = constructionCatalog;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    if (ValidateProjectProfileListener.returned(task)) {
      return;
    }
    String butler = task.getAssignee();
    if (butler == null || butler.isBlank()) {
      throw new NotValidException("请先认领本任务: 认领人即为该项目的服务管家");
    }
    int capacity = constructionCatalog.butlers().capacity();
    long open = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).active()
        .variableValueEquals("projectButler", butler).list().stream()
        .filter(p -> !p.getId().equals(task.getProcessInstanceId())).count();
    if (open >= capacity) {
      throw new NotValidException("该管家在办的用地一件事项目已达 " + capacity + " 个上限, 请由其他项目服务管家认领");
    }
    User user = identityService.createUserQuery().userId(butler).singleResult();
    String name = user == null ? butler
        : (nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName())).trim();
    task.setVariable("projectButler", butler);
    task.setVariable("projectButlerName", name.isEmpty() ? butler : name);
    task.setVariable(CaseVariables.CASE_STATUS, CaseStatus.BUTLER_ASSIGNED.name());
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
