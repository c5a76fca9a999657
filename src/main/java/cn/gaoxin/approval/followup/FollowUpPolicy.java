package cn.gaoxin.approval.followup;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * Which finished cases are followed up (seed 004: every one, 100% coverage): every top-level case of every reform
 * that completed, except the follow-ups themselves and models whose designers marked them as internal work with no
 * enterprise to call (process extension property {@code followUp = none}, e.g. inspection and evaluation campaigns).
 */
@Component
public class FollowUpPolicy {

  public static final String FOLLOW_UP_PROCESS = "service-follow-up";
  public static final String MODEL_PROPERTY = "followUp";
  public static final String NO_FOLLOW_UP = "none";

  private final RepositoryService repositoryService;
  private final Map<String, Boolean> internalByDefinition = new ConcurrentHashMap<>();

  public FollowUpPolicy(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** Empty when the case is to be followed up; otherwise why not (in Chinese, for the coverage report and logs). */
  public Optional<String> reasonNotToFollowUp(HistoricProcessInstance instance) {
    if (instance.getEndTime() == null) {
      return Optional.of("案件尚未办结");
    }
    if (!HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState())) {
      return Optional.of("案件已被撤销或删除 (" + instance.getState() + ")");
    }
    if (instance.getSuperProcessInstanceId() != null) {
      return Optional.of("子流程, 随主案件回访");
    }
    if (!appliesTo(instance.getProcessDefinitionKey(), instance.getProcessDefinitionId())) {
      return Optional.of("内部工作, 无办事企业可回访");
    }
    return Optional.empty();
  }

  /** Whether cases of this model are followed up at all. */
  public boolean appliesTo(String processDefinitionKey, String processDefinitionId) {
    return !FOLLOW_UP_PROCESS.equals(processDefinitionKey) && !internal(processDefinitionId);
  }

  private boolean internal(String processDefinitionId) {
    return internalByDefinition.computeIfAbsent(processDefinitionId, id -> {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(id);
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.getExtensionElements() == null) {
          continue;
        }
        for (CamundaProperties properties : process.getExtensionElements().getChildElementsByType(CamundaProperties.class)) {
          for (CamundaProperty property : properties.getCamundaProperties()) {
            if (MODEL_PROPERTY.equals(property.getCamundaName()) && NO_FOLLOW_UP.equals(property.getCamundaValue())) {
              return true;
            }
          }
        }
      }
      return false;
    });
  }
}
