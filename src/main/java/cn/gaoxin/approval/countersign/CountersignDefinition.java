package cn.gaoxin.approval.countersign;

import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.LoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * A countersign as the model declares it: a user task with a parallel multi-instance over the signers and the
 * {@code ${countersign}} task listener. Who signs is the multi-instance element variable, used either as the task's
 * candidate group (one signer task per department) or as its assignee (one per official of the task's candidate
 * group, e.g. {@code ${signingOfficials.of('housing-construction')}}).
 */
public record CountersignDefinition(String activityId, String name, CountersignMode mode, String elementVariable,
    SignerKind signerKind, String signingGroup, String resultVariable, String resultOpinionVariable,
    boolean allowsReturn) {

  /** Whether a signer is a department (candidate group) or a person (assignee). */
  public enum SignerKind { GROUP, USER }

  public String bodyActivityId() {
    return activityId + CountersignVariables.BODY_SUFFIX;
  }

  /** Whether a model element declares the countersign listener (and so must be a valid countersign). */
  public static boolean declared(ModelElementInstance element) {
    return element instanceof UserTask task && hasListener(task.getExtensionElements());
  }

  /**
   * The definition of a countersign task; empty for any other element. A task with the listener but a wrong setup
   * (not a parallel multi-instance, signer not bound, mode and completion condition apart) fails with the reason.
   */
  public static Optional<CountersignDefinition> of(ModelElementInstance element) {
    if (!declared(element)) {
      return Optional.empty();
    }
    UserTask task = (UserTask) element;
    LoopCharacteristics loop = task.getLoopCharacteristics();
    if (!(loop instanceof MultiInstanceLoopCharacteristics mi) || mi.isSequential()) {
      throw invalid(task, "须为并行多实例 (Parallel multi instance), 每位签署人一个实例");
    }
    return Optional.of(parse(task, mi));
  }

  private static CountersignDefinition parse(UserTask task, MultiInstanceLoopCharacteristics mi) {
    String element = mi.getCamundaElementVariable();
    if (element == null || element.isBlank()) {
      throw invalid(task, "多实例须设置元素变量 (camunda:elementVariable), 即签署的部门或人员");
    }
    String reference = "${" + element + "}";
    String[] groups = split(task.getCamundaCandidateGroups());
    SignerKind kind;
    String signingGroup = null;
    if (Arrays.asList(groups).contains(reference)) {
      kind = SignerKind.GROUP;
    } else if (reference.equals(task.getCamundaAssignee())) {
      kind = SignerKind.USER;
      signingGroup = Arrays.stream(groups).filter(g -> !g.startsWith("${")).findFirst()
          .orElseThrow(() -> invalid(task, "按人员签署时, 候选组须为签署人员所在的部门"));
    } else {
      throw invalid(task, "候选组或办理人须为多实例元素变量 " + reference);
    }
    String modeText = input(task, CountersignVariables.MODE);
    CountersignMode mode;
    try {
      mode = CountersignMode.valueOf(modeText == null ? "" : modeText.trim());
    } catch (IllegalArgumentException e) {
      throw invalid(task, "输入参数 countersignMode 须为 ALL (会签) 或 ANY (或签)");
    }
    String condition = mi.getCompletionCondition() == null ? "" : mi.getCompletionCondition().getTextContent();
    String counter = mode == CountersignMode.ALL ? CountersignVariables.REJECTIONS : CountersignVariables.APPROVALS;
    if (!condition.contains(counter)) {
      throw invalid(task, mode.label() + "的完成条件须按 " + counter + " 判断, 如 " + (mode == CountersignMode.ALL
          ? "${nrOfRejections > 0 || nrOfCompletedInstances == nrOfInstances}" : "${nrOfApprovals >= 1}"));
    }
    String result = input(task, CountersignVariables.RESULT);
    if (result == null || result.isBlank()) {
      throw invalid(task, "缺少输入参数 resultVariable (会签结果写入的变量)");
    }
    String opinion = input(task, CountersignVariables.RESULT_OPINION);
    String allowReturn = input(task, CountersignVariables.ALLOW_RETURN);
    if (allowReturn != null && !allowReturn.isBlank() && !allowReturn.trim().matches("true|false")) {
      throw invalid(task, "输入参数 allowReturn 须为 true (可退回补正) 或 false");
    }
    return new CountersignDefinition(task.getId(), task.getName(), mode, element, kind, signingGroup, result.trim(),
        opinion == null || opinion.isBlank() ? null : opinion.trim(),
        allowReturn != null && "true".equals(allowReturn.trim()));
  }

  private static boolean hasListener(ExtensionElements extensions) {
    return extensions != null && extensions.getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
        .anyMatch(l -> CountersignVariables.LISTENER.equals(l.getCamundaDelegateExpression()));
  }

  private static String input(UserTask task, String name) {
    ExtensionElements extensions = task.getExtensionElements();
    return extensions.getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
        .flatMap(io -> io.getCamundaInputParameters().stream())
        .filter(p -> name.equals(p.getCamundaName())).map(CamundaInputParameter::getTextContent)
        .findFirst().orElse(null);
  }

  private static String[] split(String list) {
    return list == null ? new String[0] : Arrays.stream(list.split(",")).map(String::trim).toArray(String[]::new);
  }

  private static IllegalStateException invalid(UserTask task, String problem) {
    return new IllegalStateException("会签任务 " + task.getId() + " 配置有误: " + problem);
  }
}
