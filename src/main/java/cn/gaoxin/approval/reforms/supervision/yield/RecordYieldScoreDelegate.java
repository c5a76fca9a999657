package cn.gaoxin.approval.reforms.supervision.yield;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records an enterprise's evaluation in the campaign (reads the enterprise's scope: {@code yieldCreditCode},
 * {@code enterpriseName}, {@code enterpriseScale}, its figures). Input {@code stage}:
 * <ul>
 *   <li>{@code SCORE}: the DMN result {@code yieldResult} (yieldGrade, compositeScore) with the indicators and how the
 *       enterprise confirmed its data ({@code enterpriseConfirmation}; none within the period counts as DEEMED);</li>
 *   <li>{@code RESCORE}: the same after an upheld objection during the public notice (counted as an objection);</li>
 *   <li>{@code EXCLUDE}: the enterprise does not take part ({@code exclusionReason}).</li>
 * </ul>
 * Sets {@code compositeScore} and {@code yieldGrade} in the enterprise's scope.
 */
@Component("recordYieldScore")
public class RecordYieldScoreDelegate implements JavaDelegate {

  private final YieldEvaluations evaluations;
  private final EngineClock clock;

  public RecordYieldScoreDelegate(YieldEvaluations evaluations, EngineClock clock) {
    this.evaluations = evaluations;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object stageValue = execution.getVariableLocal("stage");
    String stage = stageValue == null ? "SCORE" : stageValue.toString();
    String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
    String creditCode = text(execution, "yieldCreditCode");
    String name = text(execution, "enterpriseName");
    String scale = text(execution, "enterpriseScale");
    Object yearValue = execution.getVariable("evaluationYear");
    Integer year = yearValue == null ? null : Integer.valueOf(yearValue.toString());
    switch (stage) {
      case "EXCLUDE" -> evaluations.exclude(caseNumber, creditCode, name, scale, year, text(execution, "exclusionReason"),
          clock.instant());
      case "SCORE", "RESCORE" -> {
        Object result = execution.getVariable("yieldResult");
        if (!(result instanceof Map<?, ?> map) || map.get("yieldGrade") == null) {
          throw new IllegalStateException("亩产效益评价决策没有给出档次 (yieldResult)");
        }
        YieldData data = YieldData.from(execution);
        Integer score = ((Number) map.get("compositeScore")).intValue();
        String grade = map.get("yieldGrade").toString();
        String confirmation = null;
        if ("SCORE".equals(stage)) {
          Object c = execution.getVariable("enterpriseConfirmation");
          confirmation = c == null ? "DEEMED" : c.toString();
        }
        evaluations.score(caseNumber, creditCode, name, scale, year, data,
            Boolean.TRUE.equals(execution.getVariable("majorViolation")), data.indicators(), score, grade, confirmation,
            "RESCORE".equals(stage), clock.instant());
        execution.setVariable("compositeScore", score);
        execution.setVariable("yieldGrade", grade);
      }
      default -> throw new IllegalStateException("输入参数 stage 只能是 SCORE、RESCORE 或 EXCLUDE");
    }
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
