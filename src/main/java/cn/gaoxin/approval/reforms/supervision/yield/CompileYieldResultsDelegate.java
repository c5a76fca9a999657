package cn.gaoxin.approval.reforms.supervision.yield;

import cn.gaoxin.approval.cases.CaseVariables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Compiles the campaign's result list once every enterprise is scored or excluded: {@code yieldNoticeList} (what is
 * published: enterprise, credit code, scale, score, grade, ranked within each scale), {@code yieldGradeNotices} (the
 * same with contact phones, for the notice to each enterprise), the counts ({@code scoredCount},
 * {@code excludedCount}, {@code gradeACount}, {@code gradeCounts}) and {@code gradeSummary} in words.
 */
@Component("compileYieldResults")
public class CompileYieldResultsDelegate implements JavaDelegate {

  private static final List<String> GRADES = List.of("A", "B", "C", "D");

  private final YieldEvaluations evaluations;
  private final YieldCampaign campaign;

  public CompileYieldResultsDelegate(YieldEvaluations evaluations, YieldCampaign campaign) {
    this.evaluations = evaluations;
    this.campaign = campaign;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = (String) execution.getVariable(CaseVariables.CASE_NUMBER);
    List<YieldEvaluations.Evaluation> all = evaluations.forCase(caseNumber);
    Set<String> recorded = all.stream().map(YieldEvaluations.Evaluation::creditCode).collect(Collectors.toSet());
    List<String> missing = campaign.creditCodes(execution).stream().filter(c -> !recorded.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("以下参评企业尚未评价完毕: " + String.join(", ", missing));
    }
    List<YieldEvaluations.Evaluation> scored = all.stream()
        .filter(e -> YieldEvaluations.SCORED.equals(e.status()))
        .sorted(Comparator.comparing((YieldEvaluations.Evaluation e) -> "ABOVE".equals(e.scale()) ? 0 : 1)
            .thenComparing(YieldEvaluations.Evaluation::compositeScore, Comparator.reverseOrder())
            .thenComparing(YieldEvaluations.Evaluation::creditCode))
        .toList();
    List<Map<String, Object>> published = new ArrayList<>();
    List<Map<String, Object>> notices = new ArrayList<>();
    Map<String, Integer> rankInScale = new HashMap<>();
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    for (String scale : List.of("ABOVE", "BELOW")) {
      Map<String, Integer> c = new LinkedHashMap<>();
      GRADES.forEach(g -> c.put(g, 0));
      counts.put(scale, c);
    }
    for (YieldEvaluations.Evaluation e : scored) {
      int rank = rankInScale.merge(e.scale(), 1, Integer::sum);
      counts.get(e.scale()).merge(e.grade(), 1, Integer::sum);
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("rank", rank);
      item.put("name", e.enterpriseName());
      item.put("creditCode", e.creditCode());
      item.put("scaleText", YieldCampaign.SCALES.get(e.scale()));
      item.put("compositeScore", e.compositeScore());
      item.put("grade", e.grade());
      published.add(item);
      Map<String, Object> notice = new LinkedHashMap<>(item);
      Object phone = campaign.value(execution, e.creditCode(), "contactPhone");
      notice.put("contactPhone", phone == null ? "" : phone.toString());
      notices.add(notice);
    }
    Map<String, Integer> total = new LinkedHashMap<>();
    GRADES.forEach(g -> total.put(g, counts.get("ABOVE").get(g) + counts.get("BELOW").get(g)));
    long above = scored.stream().filter(e -> "ABOVE".equals(e.scale())).count();
    int excluded = all.size() - scored.size();
    StringBuilder summary = new StringBuilder("参评企业 ").append(scored.size()).append(" 家 (规模以上 ").append(above)
        .append(" 家、规模以下 ").append(scored.size() - above).append(" 家)");
    for (String g : GRADES) {
      summary.append(g.equals("A") ? ", 评为 " : "、").append(g).append(" 类 ").append(total.get(g)).append(" 家");
      if (total.get(g) > 0) {
        summary.append(" (规上 ").append(counts.get("ABOVE").get(g)).append(" 家、规下 ")
            .append(counts.get("BELOW").get(g)).append(" 家)");
      }
    }
    if (excluded > 0) {
      summary.append("; 不参评 ").append(excluded).append(" 家");
    }
    summary.append("。");
    execution.setVariable("yieldNoticeList", CaseVariables.json(published));
    execution.setVariable("yieldGradeNotices", CaseVariables.json(notices));
    execution.setVariable("scoredCount", scored.size());
    execution.setVariable("excludedCount", excluded);
    execution.setVariable("gradeACount", total.get("A"));
    execution.setVariable("gradeCounts", CaseVariables.json(counts));
    execution.setVariable("gradeSummary", summary.toString());
  }
}
