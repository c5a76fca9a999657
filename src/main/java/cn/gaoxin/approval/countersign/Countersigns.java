package cn.gaoxin.approval.countersign;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.Department;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.countersign.CountersignDefinition.SignerKind;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Reading and extending running countersigns (会签 / 或签) through the engine's public API: which tasks are
 * countersigns, who signs in a running one, and 加签 — a new signer joins the running multi-instance as one more
 * instance (process instance modification: start the inner activity inside the running multi-instance body, which
 * raises {@code nrOfInstances}, so a 会签 then also waits for the new signer's agreement). Callers check who may do
 * this; the engine calls here run under the caller's authentication.
 */
@Service
public class Countersigns {

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final ServiceCatalog catalog;

  public Countersigns(RepositoryService repositoryService, RuntimeService runtimeService, TaskService taskService,
      IdentityService identityService, ServiceCatalog catalog) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.catalog = catalog;
  }

  /** The countersign a task (running or finished) belongs to; empty if its activity is not a countersign. */
  public Optional<CountersignDefinition> definition(String processDefinitionId, String activityId) {
    if (processDefinitionId == null || activityId == null) {
      return Optional.empty();
    }
    return CountersignDefinition.of(
        repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId));
  }

  /** Everyone asked to sign in the running countersign of this signer task, including those added. */
  public List<String> signers(Task task) {
    return CaseVariables.strings(runtimeService.getVariable(task.getExecutionId(), CountersignVariables.SIGNERS));
  }

  /** Whether any signer task of this countersign activity is still open in the case. */
  public boolean running(String processInstanceId, String activityId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(activityId).count() > 0;
  }

  /** A signer as people read it: the department's name, or the department and the official's name. */
  public String signerName(CountersignDefinition definition, String signer) {
    if (definition.signerKind() == SignerKind.GROUP) {
      return departmentName(signer);
    }
    User user = identityService.createUserQuery().userId(signer).singleResult();
    String name = user == null ? signer
        : (nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName())).trim();
    return departmentName(definition.signingGroup()) + " " + (name.isEmpty() ? signer : name);
  }

  /**
   * 加签: starts one more signer instance inside the running multi-instance body that holds {@code task}, with the
   * new signer as its element variable; the modification carries the annotation into the engine's operation log.
   * Returns the new signer task's id.
   */
  public String addSigner(Task task, CountersignDefinition definition, String signer, String annotation) {
    String bodyInstance = bodyInstanceOf(runtimeService.getActivityInstance(task.getProcessInstanceId()),
        definition.bodyActivityId(), task.getExecutionId())
        .orElseThrow(() -> new IllegalStateException("找不到任务 " + task.getId() + " 所在的会签"));
    Set<String> before = openTaskIds(task, definition);
    runtimeService.createProcessInstanceModification(task.getProcessInstanceId())
        .startBeforeActivity(definition.activityId(), bodyInstance)
        .setVariableLocal(definition.elementVariable(), signer)
        .setAnnotation(annotation)
        .execute();
    Set<String> after = openTaskIds(task, definition);
    after.removeAll(before);
    return after.stream().findFirst().orElseThrow(() -> new IllegalStateException("加签后没有生成签署任务"));
  }

  private Set<String> openTaskIds(Task task, CountersignDefinition definition) {
    return taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId())
        .taskDefinitionKey(definition.activityId()).list().stream().map(Task::getId)
        .collect(Collectors.toCollection(HashSet::new));
  }

  /** The multi-instance body instance one of whose inner instances runs in the given execution. */
  private static Optional<String> bodyInstanceOf(ActivityInstance node, String bodyActivityId, String executionId) {
    if (bodyActivityId.equals(node.getActivityId())) {
      for (ActivityInstance inner : node.getChildActivityInstances()) {
        if (List.of(inner.getExecutionIds()).contains(executionId)) {
          return Optional.of(node.getId());
        }
      }
    }
    for (ActivityInstance child : node.getChildActivityInstances()) {
      Optional<String> found = bodyInstanceOf(child, bodyActivityId, executionId);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private String departmentName(String group) {
    return catalog.department(group).map(Department::name).orElse(group);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
