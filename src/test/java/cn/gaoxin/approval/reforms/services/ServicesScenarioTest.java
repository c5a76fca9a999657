package cn.gaoxin.approval.reforms.services;

import cn.gaoxin.approval.cases.ApplicationRequest;
import cn.gaoxin.approval.identifiers.CreditCode;
import cn.gaoxin.approval.payments.PaymentRegister;
import cn.gaoxin.approval.support.ScenarioTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Helpers shared by the scenario tests of group 3 (惠企服务): applications by firms with their own credit codes
 * (claims are registered per firm, and all tests share one database), the called case of a proxy order, the
 * candidate groups of a task.
 */
abstract class ServicesScenarioTest extends ScenarioTest {

  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  @Autowired PaymentRegister payments;
  @Autowired PolicyClaims claims;

  /** A valid unified social credit code no other test uses. */
  static String newCreditCode() {
    StringBuilder code = new StringBuilder("91350200");
    for (int i = 0; i < 9; i++) {
      code.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
    }
    code.append(CreditCode.checkCharacter(code.toString()));
    return code.toString();
  }

  ProcessInstance submit(String itemCode, String firm, String creditCode, List<String> materials,
      Map<String, Object> details) {
    var started = applications.submit(new ApplicationRequest(itemCode, null,
        new ApplicationRequest.Applicant(firm, creditCode, "李明", PHONE), materials, false, new HashMap<>(details)));
    return instance(started.processInstanceId());
  }

  /** The instance, also when it already ended (e.g. a case refused at once), so path assertions work on it. */
  ProcessInstance instance(String processInstanceId) {
    ProcessInstance running = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (running != null) {
      return running;
    }
    HistoricProcessInstance h = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    return new EndedInstance(h.getId(), h.getProcessDefinitionId(), h.getProcessDefinitionKey(), h.getBusinessKey(),
        h.getRootProcessInstanceId(), h.getTenantId());
  }

  /** A process-level variable's value as history has it, null included (the base helper cannot return null). */
  Object value(ProcessInstance pi, String name) {
    var found = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(name).list().stream().filter(v -> pi.getId().equals(v.getActivityInstanceId())).toList();
    if (found.isEmpty()) {
      throw new AssertionError("案件没有变量 " + name);
    }
    return found.get(0).getValue();
  }

  record EndedInstance(String getId, String getProcessDefinitionId, String getProcessDefinitionKey, String getBusinessKey,
      String getRootProcessInstanceId, String getTenantId) implements ProcessInstance {
    @Override public String getProcessInstanceId() { return getId; }
    @Override public String getCaseInstanceId() { return null; }
    @Override public boolean isSuspended() { return false; }
    @Override public boolean isEnded() { return true; }
  }

  /** The case a call activity started for this case, if one is running. */
  ProcessInstance calledCase(ProcessInstance pi) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
  }

  List<String> candidateGroups(ProcessInstance pi, String taskKey) {
    return engine.getTaskService().getIdentityLinksForTask(task(pi, taskKey).getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  List<HistoricActivityInstance> historyOf(ProcessInstance pi) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list();
  }

  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
