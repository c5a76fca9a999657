package cn.gaoxin.approval.reforms.licensing;

import cn.gaoxin.approval.cases.CaseVariables;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Turns the findings of a COLLECT decision table (every rule that matched, e.g. every reason an applicant is not
 * eligible) into what forms and notices read, so all findings are told at once. Input parameters:
 * {@code findingsVariable} (the business rule task's result variable, mapped as resultList or collectEntries) and
 * {@code textEntry} (the output column with the finding's text; default: the first column). Writes the findings
 * back as a JSON list, {@code <findingsVariable>Text} (numbered lines) and {@code <findingsVariable>Count}.
 */
@Component("summariseDecisionFindings")
public class SummariseDecisionFindingsDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object name = execution.getVariableLocal("findingsVariable");
    if (name == null || name.toString().isBlank()) {
      throw new IllegalStateException("汇总决策结果的环节缺少输入参数 findingsVariable");
    }
    Object entry = execution.getVariableLocal("textEntry");
    Object value = execution.getVariable(name.toString());
    List<Object> findings = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    if (value instanceof Collection<?> rows) {
      for (Object row : rows) {
        if (row instanceof Map<?, ?> map) {
          Map<String, Object> copy = new LinkedHashMap<>();
          map.forEach((k, v) -> copy.put(String.valueOf(k), v));
          findings.add(copy);
          Object text = entry == null ? map.values().stream().findFirst().orElse(null) : map.get(entry.toString());
          texts.add(String.valueOf(text));
        } else if (row != null) {
          findings.add(row.toString());
          texts.add(row.toString());
        }
      }
    } else if (value != null) {
      texts.addAll(CaseVariables.strings(value));
      findings.addAll(texts);
    }
    execution.setVariable(name.toString(), CaseVariables.json(findings));
    execution.setVariable(name + "Text", IntStream.range(0, texts.size())
        .mapToObj(i -> (i + 1) + ". " + texts.get(i)).collect(Collectors.joining("\n")));
    execution.setVariable(name + "Count", texts.size());
  }
}
