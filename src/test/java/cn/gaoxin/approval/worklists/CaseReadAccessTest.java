package cn.gaoxin.approval.worklists;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.support.ScenarioTest;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

class CaseReadAccessTest extends ScenarioTest {

  /** Two parallel tasks of one department and an assigned task, all created in the same transaction. */
  @Test
  void parallelTasksOfOneDepartmentGrantReadOnceWithoutFailing() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("test-parallel-grants").camundaHistoryTimeToLive(1)
        .startEvent().parallelGateway("fork")
        .userTask("a").camundaCandidateGroups("market-regulation").endEvent()
        .moveToNode("fork").userTask("b").camundaCandidateGroups("market-regulation").endEvent()
        .moveToNode("fork").userTask("c").camundaAssignee("window1").camundaCandidateGroups("window-clerks").endEvent()
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance("test-parallel-grants.bpmn", model).deploy();

    var pi = engine.getRuntimeService().startProcessInstanceByKey("test-parallel-grants");

    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(3);
    var grants = engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(pi.getId());
    assertThat(grants.groupIdIn("market-regulation").count()).isEqualTo(1);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(pi.getId()).userIdIn("window1").count()).isEqualTo(1);
  }

  /** Read grants concern running cases: they go when the case ends, completed or deleted. */
  @Test
  void grantsGoWhenTheCaseEnds() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("test-grants-end").camundaHistoryTimeToLive(1)
        .startEvent().userTask("a").camundaCandidateGroups("market-regulation").endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("test-grants-end.bpmn", model).deploy();
    var completed = engine.getRuntimeService().startProcessInstanceByKey("test-grants-end");
    var deleted = engine.getRuntimeService().startProcessInstanceByKey("test-grants-end");
    assertThat(grants(completed.getId())).isEqualTo(1);
    assertThat(grants(deleted.getId())).isEqualTo(1);

    engine.getIdentityService().setAuthentication("market1", java.util.List.of("market-regulation"));
    try {
      var task = engine.getTaskService().createTaskQuery().processInstanceId(completed.getId()).singleResult();
      engine.getTaskService().claim(task.getId(), "market1");
      engine.getTaskService().complete(task.getId());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    engine.getRuntimeService().deleteProcessInstance(deleted.getId(), "申请人撤回");

    assertThat(grants(completed.getId())).isZero();
    assertThat(grants(deleted.getId())).isZero();
  }

  private long grants(String processInstanceId) {
    return engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(processInstanceId).count();
  }
}
