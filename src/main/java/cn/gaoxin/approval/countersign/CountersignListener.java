package cn.gaoxin.approval.countersign;

import static cn.gaoxin.approval.countersign.CountersignVariables.AGREEMENTS;
import static cn.gaoxin.approval.countersign.CountersignVariables.APPROVALS;
import static cn.gaoxin.approval.countersign.CountersignVariables.APPROVE;
import static cn.gaoxin.approval.countersign.CountersignVariables.OBJECTIONS;
import static cn.gaoxin.approval.countersign.CountersignVariables.REJECT;
import static cn.gaoxin.approval.countersign.CountersignVariables.REJECTIONS;
import static cn.gaoxin.approval.countersign.CountersignVariables.RETURN;
import static cn.gaoxin.approval.countersign.CountersignVariables.RETURNS;
import static cn.gaoxin.approval.countersign.CountersignVariables.RETURN_REASONS;
import static cn.gaoxin.approval.countersign.CountersignVariables.SIGNERS;
import static cn.gaoxin.approval.countersign.CountersignVariables.SIGNER_NAME;
import static cn.gaoxin.approval.countersign.CountersignVariables.SIGN_OPINION;
import static cn.gaoxin.approval.countersign.CountersignVariables.SIGN_REASON;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.countersign.CountersignDefinition.SignerKind;
import cn.gaoxin.approval.tasks.TaskInputs;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The one listener of every 会签 / 或签 signer task (events {@code create} and {@code complete}), for any model:
 * on create it keeps the signer's opinion local to their instance and registers them among the countersign's
 * signers; on complete it checks the opinion (同意/不同意, where allowed 退回补正, and a reason), counts it on the
 * multi-instance body ({@code nrOfApprovals}, {@code nrOfRejections}, {@code nrOfReturns}) for the completion condition, writes the result so far to the
 * task's {@code resultVariable} for the gateway after the countersign, and records who signed what, when and why
 * as a comment in the case history. See {@link CountersignVariables} for the names.
 */
@Component("countersign")
public class CountersignListener implements TaskListener {

  private final Countersigns countersigns;

  public CountersignListener(Countersigns countersigns) {
    this.countersigns = countersigns;
  }

  @Override
  public void notify(DelegateTask task) {
    CountersignDefinition definition = CountersignDefinition.of(task.getBpmnModelElementInstance()).orElseThrow();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      joined(task, definition);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      signed(task, definition);
    }
  }

  private void joined(DelegateTask task, CountersignDefinition definition) {
    DelegateExecution execution = task.getExecution();
    String signer = String.valueOf(task.getVariable(definition.elementVariable()));
    // the form's opinion and reason land on this signer's instance, not on the case shared by all signers
    execution.setVariableLocal(SIGN_OPINION, null);
    execution.setVariableLocal(SIGN_REASON, null);
    execution.setVariableLocal(SIGNER_NAME, countersigns.signerName(definition, signer));
    String body = definition.bodyActivityId();
    if (task.getVariable(APPROVALS) == null) {
      execution.setVariable(APPROVALS, 0, body);
      execution.setVariable(REJECTIONS, 0, body);
      execution.setVariable(OBJECTIONS, "", body);
      execution.setVariable(AGREEMENTS, "", body);
      execution.setVariable(RETURNS, 0, body);
      execution.setVariable(RETURN_REASONS, "", body);
    }
    List<String> signers = CaseVariables.strings(task.getVariable(SIGNERS));
    signers.add(signer);
    execution.setVariable(SIGNERS, CaseVariables.json(signers), body);
  }

  private void signed(DelegateTask task, CountersignDefinition definition) {
    String opinion = definition.allowsReturn()
        ? TaskInputs.requireOneOf(task, SIGN_OPINION, "请选择签署意见: 同意 (APPROVE)、不同意 (REJECT) 或退回补正 (RETURN)",
            APPROVE, REJECT, RETURN)
        : TaskInputs.requireOneOf(task, SIGN_OPINION, "请选择签署意见: 同意 (APPROVE) 或不同意 (REJECT)", APPROVE, REJECT);
    String reason = TaskInputs.requireText(task, SIGN_REASON, "请填写签署理由 (signReason)");
    TaskInputs.requireMaxLength(task, SIGN_REASON, 1000, "签署理由");
    String signer = String.valueOf(task.getVariable(definition.elementVariable()));
    String signerName = countersigns.signerName(definition, signer);
    String actor = actor(task);
    if (definition.signerKind() == SignerKind.USER && actor != null && !actor.equals(signer)) {
      throw new ProcessEngineException("本签署任务应由 " + signerName + " 本人签署");
    }
    boolean agrees = APPROVE.equals(opinion);
    boolean returns = RETURN.equals(opinion);
    boolean objects = REJECT.equals(opinion);
    int approvals = count(task, APPROVALS) + (agrees ? 1 : 0);
    int rejections = count(task, REJECTIONS) + (objects ? 1 : 0);
    int returned = count(task, RETURNS) + (returns ? 1 : 0);
    String line = signerName + ": " + reason;
    String objections = objects ? append(text(task, OBJECTIONS), line) : text(task, OBJECTIONS);
    String agreements = agrees ? append(text(task, AGREEMENTS), line) : text(task, AGREEMENTS);
    String returnReasons = returns ? append(text(task, RETURN_REASONS), line) : text(task, RETURN_REASONS);

    DelegateExecution execution = task.getExecution();
    String body = definition.bodyActivityId();
    execution.setVariable(APPROVALS, approvals, body);
    execution.setVariable(REJECTIONS, rejections, body);
    execution.setVariable(OBJECTIONS, objections, body);
    execution.setVariable(AGREEMENTS, agreements, body);
    execution.setVariable(RETURNS, returned, body);
    execution.setVariable(RETURN_REASONS, returnReasons, body);
    String result = definition.allowsReturn() ? definition.mode().result(approvals, rejections, returned)
        : definition.mode().approved(approvals, rejections) ? APPROVE : REJECT;
    execution.setVariable(definition.resultVariable(), result);
    if (definition.resultOpinionVariable() != null) {
      execution.setVariable(definition.resultOpinionVariable(),
          REJECT.equals(result) ? objections : RETURN.equals(result) ? returnReasons : "");
    }
    task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(),
        "【" + definition.mode().label() + "】" + (actor == null ? "" : actor + " ") + "(" + signerName + ") "
            + (agrees ? "同意" : returns ? "退回补正" : "不同意") + ": " + reason);
  }

  /** Who completes the task: the logged-in clerk, or the assignee when the engine is driven without a login. */
  private static String actor(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null ? auth.getUserId() : task.getAssignee();
  }

  private static int count(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value instanceof Number n ? n.intValue() : 0;
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null ? "" : value.toString();
  }

  private static String append(String lines, String line) {
    return lines.isEmpty() ? line : lines + "; " + line;
  }
}
