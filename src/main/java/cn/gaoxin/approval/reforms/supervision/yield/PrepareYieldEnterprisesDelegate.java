package cn.gaoxin.approval.reforms.supervision.yield;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.identifiers.CreditCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fixes the campaign's list of participating enterprises (参评企业名单): the list the campaign brought in
 * {@code yieldEnterprises} (JSON: creditCode, name, scale ABOVE/BELOW, contactName, contactPhone and any figures
 * the departments supplied) or else the enterprise directory. Checks credit codes and scales; sets the counts
 * ({@code yieldEnterpriseCount}, {@code aboveScaleCount}, {@code belowScaleCount}) and the years
 * ({@code evaluationYear}, default this year; {@code dataYear}, the year before).
 */
@Component("prepareYieldEnterprises")
public class PrepareYieldEnterprisesDelegate implements JavaDelegate {

  private final YieldEnterpriseDirectory directory;
  private final EngineClock clock;

  public PrepareYieldEnterprisesDelegate(YieldEnterpriseDirectory directory, EngineClock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public void execute(DelegateExecution execution) {
    List<Map<String, Object>> list = new ArrayList<>();
    if (execution.getVariable(YieldCampaign.ENTERPRISES) != null) {
      for (Map m : CaseVariables.list(execution, YieldCampaign.ENTERPRISES, Map.class)) {
        list.add(new LinkedHashMap<>(m));
      }
    } else {
      for (YieldEnterpriseDirectory.Enterprise e : directory.enterprises()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("creditCode", e.creditCode());
        m.put("name", e.name());
        m.put("scale", e.scale());
        m.put("contactName", e.contactName());
        m.put("contactPhone", e.contactPhone());
        m.put("landArea", e.landArea());
        m.put("taxPaid", e.taxPaid());
        m.put("salesRevenue", e.salesRevenue());
        m.put("valueAdded", e.valueAdded());
        m.put("energyUse", e.energyUse());
        m.put("pollutantEmission", e.pollutantEmission());
        m.put("rdExpense", e.rdExpense());
        m.put("employees", e.employees());
        m.put("majorViolation", Boolean.TRUE.equals(e.majorViolation()));
        list.add(m);
      }
    }
    if (list.isEmpty()) {
      throw new NotValidException("参评企业名单为空");
    }
    Set<String> seen = new HashSet<>();
    int above = 0;
    for (Map<String, Object> m : list) {
      String code = String.valueOf(m.get("creditCode"));
      CreditCode.problem(code).ifPresent(p -> {
        throw new NotValidException("参评企业 " + m.get("name") + ": " + p);
      });
      if (!seen.add(code)) {
        throw new NotValidException("参评企业名单中统一社会信用代码重复: " + code);
      }
      if (m.get("name") == null || m.get("name").toString().isBlank()) {
        throw new NotValidException("参评企业 " + code + " 缺少名称");
      }
      if (!YieldCampaign.SCALES.containsKey(String.valueOf(m.get("scale")))) {
        throw new NotValidException("参评企业 " + m.get("name") + " 的规模应为 ABOVE (规模以上) 或 BELOW (规模以下)");
      }
      above += "ABOVE".equals(m.get("scale")) ? 1 : 0;
    }
    Object year = execution.getVariable("evaluationYear");
    int evaluationYear = year == null || year.toString().isBlank() ? clock.today().getYear()
        : Integer.parseInt(year.toString().trim());
    execution.setVariable("evaluationYear", evaluationYear);
    if (execution.getVariable("dataYear") == null) {
      execution.setVariable("dataYear", evaluationYear - 1);
    }
    execution.setVariable(YieldCampaign.ENTERPRISES, CaseVariables.json(list));
    execution.setVariable("yieldEnterpriseCount", list.size());
    execution.setVariable("aboveScaleCount", above);
    execution.setVariable("belowScaleCount", list.size() - above);
    execution.setVariable(CaseVariables.CASE_STATUS, CaseStatus.DATA_COLLECTION.name());
  }
}
