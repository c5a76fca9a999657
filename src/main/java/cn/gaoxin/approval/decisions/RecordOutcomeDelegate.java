package cn.gaoxin.approval.decisions;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/**
 * Records a case's decision where it is not a reviewer's 准予/不予 (that is {@code recordDecision}): the model names
 * the outcome in the input parameter {@code outcome}, a case status such as {@code INSPECTION_PASSED} or
 * {@code ACCEPTANCE_FAILED}. It becomes {@code decisionStatus} and {@code caseStatus} with {@code decidedAt} on the
 * process instance, so the scorecard measures every reform from application to decision the same way, even when
 * the decision is taken inside a sub-process.
 */
@Component("recordOutcome")
public class RecordOutcomeDelegate implements JavaDelegate {

  static final String OUTCOME = "outcome";

  private final EngineClock clock;

  public RecordOutcomeDelegate(EngineClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseStatus status = parse(execution.getVariable(OUTCOME));
    DelegateExecution processInstance = execution.getProcessInstance();
    processInstance.setVariable("decisionStatus", status.name());
    processInstance.setVariable(CaseVariables.CASE_STATUS, status.name());
    processInstance.setVariable("decidedAt", clock.now());
  }

  static CaseStatus parse(Object outcome) {
    if (outcome != null) {
      for (CaseStatus status : CaseStatus.values()) {
        if (status.name().equals(outcome.toString().trim())) {
          return status;
        }
      }
    }
    throw new NotValidException("模型配置错误: 记录办理结果需要输入参数 outcome (案件状态代码, 如 INSPECTION_PASSED), 实际为 " + outcome);
  }
}
