package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.licences.Licence;
import cn.gaoxin.approval.licences.LicenceRegister;
import cn.gaoxin.approval.support.ScenarioTest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** Helpers the construction scenarios share: called processes, multi-instance tasks, licences of a case. */
abstract class ConstructionScenarioTest extends ScenarioTest {

  @Autowired protected LicenceRegister licences;

  /** The running process a call activity of this case started (e.g. a land-use stage, a video inspection). */
  protected ProcessInstance child(ProcessInstance pi) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
  }

  protected List<Task> tasks(ProcessInstance pi, String taskDefinitionKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(taskDefinitionKey).list();
  }

  /** The open task of that key whose (local or inherited) variable has that value, e.g. one unit's branch. */
  protected Task taskWhere(ProcessInstance pi, String taskDefinitionKey, String variable, Object value) {
    return tasks(pi, taskDefinitionKey).stream()
        .filter(t -> Objects.equals(value, engine.getTaskService().getVariable(t.getId(), variable)))
        .findFirst().orElseThrow(() -> new AssertionError("没有 " + variable + "=" + value + " 的待办任务 " + taskDefinitionKey));
  }

  protected void complete(String userId, Task task, Map<String, Object> vars) {
    engine.getTaskService().claim(task.getId(), userId);
    engine.getTaskService().complete(task.getId(), vars);
  }

  protected List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
  }

  /** Users a task is offered to by name (e.g. the project's own butler), besides its candidate groups. */
  protected List<String> candidateUsers(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getUserId).filter(Objects::nonNull).toList();
  }

  protected List<Licence> licencesOf(ProcessInstance pi) {
    return licences.forCase(pi.getBusinessKey());
  }

  /** A variable of a running or ended instance, read from history at process level. */
  protected Object processVariable(ProcessInstance pi, String name) {
    return variable(pi, name);
  }
}
