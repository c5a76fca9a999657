package cn.gaoxin.approval.reforms.supervision.yield;

import cn.gaoxin.approval.cases.CaseVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Loads the evaluation of the enterprise that objected during the public notice ({@code objectionCreditCode}) into
 * the objection's own scope: its figures (to be corrected if the objection is upheld), its current score and grade
 * ({@code previousScore}, {@code previousGrade}) and its contact, so the reply goes to that enterprise.
 *
 * <p>The objection's payload ({@code objectionCreditCode}, {@code objectionReason}, {@code objectionReceivedAt}) arrives
 * with the message in the scope that holds the event subprocess, where the next objection overwrites it; this step
 * runs in the same transaction as the correlation and copies it into the objection's own scope first.
 */
@Component("loadYieldRecord")
public class LoadYieldRecordDelegate implements JavaDelegate {

  private static final List<String> RESULTS = List.of("taxPerMu", "salesPerMu", "salesPerEnergy", "salesPerEmission",
      "rdIntensity", "labourProductivity", "yieldResult", "compositeScore", "yieldGrade", "objectionDecision",
      "reviewOpinion");

  private final YieldEvaluations evaluations;
  private final YieldCampaign campaign;

  public LoadYieldRecordDelegate(YieldEvaluations evaluations, YieldCampaign campaign) {
    this.evaluations = evaluations;
    this.campaign = campaign;
  }

  @Override
  public void execute(DelegateExecution execution) {
    for (String name : List.of("objectionCreditCode", "objectionReason", "objectionReceivedAt")) {
      execution.setVariableLocal(name, execution.getVariable(name));
    }
    Object code = execution.getVariable("objectionCreditCode");
    String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
    YieldEvaluations.Evaluation e = evaluations.find(caseNumber, String.valueOf(code))
        .filter(x -> YieldEvaluations.SCORED.equals(x.status()))
        .orElseThrow(() -> new IllegalStateException("本次评价中没有企业 " + code + " 的计分结果"));
    execution.setVariableLocal("yieldCreditCode", e.creditCode());
    execution.setVariableLocal("enterpriseName", e.enterpriseName());
    execution.setVariableLocal(CaseVariables.APPLICANT_NAME, e.enterpriseName());
    execution.setVariableLocal(CaseVariables.CREDIT_CODE, e.creditCode());
    Object phone = campaign.value(execution, e.creditCode(), "contactPhone");
    execution.setVariableLocal(CaseVariables.CONTACT_PHONE, phone == null ? "" : phone.toString());
    execution.setVariableLocal("enterpriseScale", e.scale());
    execution.setVariableLocal("enterpriseScaleText", YieldCampaign.SCALES.get(e.scale()));
    execution.setVariableLocal("landArea", e.landArea().doubleValue());
    execution.setVariableLocal("taxPaid", e.taxPaid().doubleValue());
    execution.setVariableLocal("salesRevenue", e.salesRevenue().doubleValue());
    execution.setVariableLocal("valueAdded", e.valueAdded().doubleValue());
    execution.setVariableLocal("energyUse", e.energyUse().doubleValue());
    execution.setVariableLocal("pollutantEmission", e.pollutantEmission().doubleValue());
    execution.setVariableLocal("rdExpense", e.rdExpense().doubleValue());
    execution.setVariableLocal("employees", e.employees());
    execution.setVariableLocal("majorViolation", Boolean.TRUE.equals(e.majorViolation()));
    execution.setVariableLocal("previousScore", e.compositeScore());
    execution.setVariableLocal("previousGrade", e.grade());
    for (String name : RESULTS) {
      execution.setVariableLocal(name, null);
    }
  }
}
