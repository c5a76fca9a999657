package cn.gaoxin.approval.inspection;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.notices.NoticeComposer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Compiles the campaign's public result list (一公开) once every drawn enterprise is inspected: {@code publicResults}
 * (enterprise, credit code, result, handling, date: what is published), {@code inspectedEnterprises} (the same with
 * contact phones, for the notice to each enterprise, not published) and {@code resultSummary} (the counts).
 */
@Component("compileInspectionResults")
public class CompileInspectionResultsDelegate implements JavaDelegate {

  private final InspectionRecords records;
  private final InspectionPlan plan;
  private final EngineClock clock;

  public CompileInspectionResultsDelegate(InspectionRecords records, InspectionPlan plan, EngineClock clock) {
    this.records = records;
    this.plan = plan;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
    List<InspectionRecords.Record> all = records.forCase(caseNumber);
    Set<String> recorded = all.stream().filter(r -> r.result() != null).map(InspectionRecords.Record::creditCode)
        .collect(Collectors.toSet());
    List<String> missing = plan.creditCodes(execution).stream().filter(c -> !recorded.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("以下抽中企业尚无检查结果, 不能公示: " + String.join(", ", missing));
    }
    List<Map<String, Object>> published = new ArrayList<>();
    List<Map<String, Object>> notified = new ArrayList<>();
    int problems = 0;
    for (InspectionRecords.Record r : all) {
      boolean problem = !InspectionOutcomes.NO_PROBLEM.equals(r.result());
      problems += problem ? 1 : 0;
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("name", r.enterpriseName());
      item.put("creditCode", r.creditCode());
      item.put("inspectionMatters", r.inspectionMatters() == null ? "" : r.inspectionMatters());
      item.put("resultText", InspectionOutcomes.RESULTS.getOrDefault(r.result(), r.result()));
      item.put("handlingText", r.handlingMeasure() == null ? "无需处置" : InspectionOutcomes.MEASURES.get(r.handlingMeasure()));
      item.put("inspectedOn", r.inspectedAt() == null ? "" : NoticeComposer.formatDate(clock, Date.from(r.inspectedAt())));
      published.add(item);
      Map<String, Object> notice = new LinkedHashMap<>(item);
      notice.put("contactPhone", plan.field(execution, r.creditCode(), "contactPhone"));
      notified.add(notice);
    }
    execution.setVariable("publicResults", CaseVariables.json(published));
    execution.setVariable("inspectedEnterprises", CaseVariables.json(notified));
    execution.setVariable("inspectedCount", all.size());
    execution.setVariable("problemCount", problems);
    execution.setVariable("resultSummary", "本次随机抽取检查企业 " + all.size() + " 户, 未发现问题 " + (all.size() - problems)
        + " 户, 发现问题 " + problems + " 户" + (problems > 0 ? " (均已依法处置)" : "") + "。");
  }
}
