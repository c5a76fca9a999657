package cn.gaoxin.approval.followup;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the enterprise's evaluation ({@code evaluation}: GOOD / MEDIUM / BAD, {@code evaluationComment}) in the
 * follow-up register. Input {@code round}: 1 for the first contact, 2 for the contact after a rectification. Sets
 * {@code evaluationText}; the first round's result is kept as {@code firstEvaluation}(Text, Comment).
 */
@Component("recordServiceEvaluation")
public class RecordServiceEvaluationDelegate implements JavaDelegate {

  private final FollowUpRegistry registry;
  private final EngineClock clock;

  public RecordServiceEvaluationDelegate(FollowUpRegistry registry, EngineClock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object roundValue = execution.getVariableLocal("round");
    int round = roundValue == null ? 1 : Integer.parseInt(roundValue.toString());
    if (round != 1 && round != 2) {
      throw new IllegalStateException("输入参数 round 只能是 1 (首次回访) 或 2 (整改后回访)");
    }
    ServiceEvaluation evaluation = ServiceEvaluation.of(execution.getVariable("evaluation"));
    if (evaluation == null) {
      throw new IllegalStateException("回访未记录评价 (evaluation)");
    }
    Object commentValue = execution.getVariable("evaluationComment");
    String comment = commentValue == null ? null : commentValue.toString();
    FollowUpRegistry.Status status = round == 1
        ? (evaluation == ServiceEvaluation.BAD ? FollowUpRegistry.Status.RECTIFYING : FollowUpRegistry.Status.EVALUATED)
        : FollowUpRegistry.Status.RECHECKED;
    registry.recordEvaluation((String) execution.getVariable(CaseVariables.CASE_NUMBER), round, evaluation.name(),
        comment, clock.instant(), status);
    execution.setVariable("evaluationText", evaluation.label());
    if (round == 1) {
      execution.setVariable("firstEvaluation", evaluation.name());
      execution.setVariable("firstEvaluationText", evaluation.label());
      execution.setVariable("firstEvaluationComment", comment == null ? "" : comment);
    }
    execution.setVariable(CaseVariables.CASE_STATUS, CaseStatus.FOLLOW_UP_EVALUATED.name());
  }
}
