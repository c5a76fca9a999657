package cn.gaoxin.approval.reforms.licensing;

import cn.gaoxin.approval.cases.ApplicationRequest;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.credit.CreditRegister;
import cn.gaoxin.approval.identifiers.CreditCode;
import cn.gaoxin.approval.licences.Licence;
import cn.gaoxin.approval.licences.LicenceRegister;
import cn.gaoxin.approval.support.ScenarioTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Helpers shared by the scenario tests of 证照联办, 告知承诺制, 简易注销 and 跨区通办. Cases that touch the credit
 * register or revoke all of a holder's licences run under a fresh credit code each, so tests sharing the
 * application context do not see each other's records.
 */
abstract class LicensingScenarioSupport extends ScenarioTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

  @Autowired ServiceCatalog catalog;
  @Autowired LicenceRegister licences;
  @Autowired CreditRegister credit;

  /** A valid unified social credit code (GB 32100 check character) not used by any other test. */
  static String freshCreditCode() {
    String first17 = String.format("91370222MA%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    return first17 + CreditCode.checkCharacter(first17);
  }

  /** Submits an online application as the named applicant. */
  ProcessInstance applyAs(String applicantName, String creditCode, String itemCode, List<String> materials,
      Map<String, Object> details) {
    var started = applications.submit(new ApplicationRequest(itemCode, null,
        new ApplicationRequest.Applicant(applicantName, creditCode, "王经理", PHONE), materials, false, details));
    return instance(started.processInstanceId());
  }

  /** The process instance, also when it already ended (e.g. a filing recorded within the submission). */
  ProcessInstance instance(String processInstanceId) {
    ProcessInstance running = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (running != null) {
      return running;
    }
    HistoricProcessInstance ended = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    return new EndedInstance(ended);
  }

  /** An ended process instance, read from history, for assertions. */
  record EndedInstance(HistoricProcessInstance history) implements ProcessInstance {
    @Override public String getId() { return history.getId(); }
    @Override public String getProcessInstanceId() { return history.getId(); }
    @Override public String getProcessDefinitionId() { return history.getProcessDefinitionId(); }
    @Override public String getBusinessKey() { return history.getBusinessKey(); }
    @Override public String getRootProcessInstanceId() { return history.getRootProcessInstanceId(); }
    @Override public String getCaseInstanceId() { return history.getCaseInstanceId(); }
    @Override public boolean isSuspended() { return false; }
    @Override public boolean isEnded() { return true; }
    @Override public String getTenantId() { return history.getTenantId(); }
    @Override public String getProcessDefinitionKey() { return history.getProcessDefinitionKey(); }
  }

  /**
   * The case's own (process-instance) variable. Variables kept local to a sub-process (e.g. each review's
   * reviewDecision) are recorded in history under the process instance's activity instance as well, so this reads
   * by execution instead.
   */
  @Override
  protected Object variable(ProcessInstance pi, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(name).list().stream()
        .filter(v -> pi.getId().equals(v.getExecutionId()))
        .map(v -> v.getValue()).findFirst().orElse(null);
  }

  List<String> allMaterials(String itemCode) {
    return catalog.require(itemCode).materials().stream().map(ServiceItem.Material::code).toList();
  }

  List<String> candidateGroups(ProcessInstance pi, String taskKey) {
    return engine.getTaskService().getIdentityLinksForTask(task(pi, taskKey).getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  List<String> activitiesPassed(ProcessInstance pi) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list()
        .stream().map(HistoricActivityInstance::getActivityId).toList();
  }

  List<String> assignees(ProcessInstance pi) {
    return engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).list()
        .stream().map(t -> t.getAssignee()).filter(a -> a != null).toList();
  }

  List<Licence> licencesOf(ProcessInstance pi) {
    return licences.forCase(pi.getBusinessKey());
  }

  /** Evaluates a decision table as the engine would, rule by rule tests use it. */
  List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> variables) {
    return engine.getDecisionService().evaluateDecisionTableByKey(decisionKey).variables(variables).evaluate()
        .getResultList();
  }
}
