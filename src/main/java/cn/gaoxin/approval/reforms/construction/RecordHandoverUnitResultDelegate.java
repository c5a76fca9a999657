package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records how one unit of a 交房即交证 case ended (input {@code outcome}: ISSUED with its
 * {@code unitCertificateNumber}, or DEFERRED with the problem, also kept in the branch's {@code unitProblemSummary})
 * in {@code unitResults}, and keeps
 * {@code issuedUnitCount} and {@code deferredUnitCount}.
 */
@Component("recordHandoverUnitResult")
public class RecordHandoverUnitResultDelegate implements JavaDelegate {

  private final EngineClock clock;

  public RecordHandoverUnitResultDelegate(EngineClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = String.valueOf(execution.getVariableLocal("outcome"));
    if (!outcome.equals("ISSUED") && !outcome.equals("DEFERRED")) {
      throw new IllegalStateException("输入参数 outcome 只能是 ISSUED 或 DEFERRED: " + outcome);
    }
    String unitNumber = String.valueOf(execution.getVariable("unitNumber"));
    List<Map<String, Object>> results = new ArrayList<>();
    for (Object r : CaseVariables.list(execution, "unitResults", Map.class)) {
      @SuppressWarnings("unchecked") Map<String, Object> entry = (Map<String, Object>) r;
      if (!unitNumber.equals(entry.get("unitNumber"))) {
        results.add(entry);
      }
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("unitNumber", unitNumber);
    entry.put("buyerName", execution.getVariable("buyerName"));
    entry.put("outcome", outcome);
    entry.put("outcomeText", outcome.equals("ISSUED") ? "已核发不动产权证书" : "暂缓办证, 问题解决后另行办理");
    entry.put("certificateNumber", outcome.equals("ISSUED") ? execution.getVariable("unitCertificateNumber") : null);
    String problem = outcome.equals("ISSUED") ? null : problemOf(execution);
    entry.put("problem", problem);
    execution.setVariable("unitProblemSummary", problem == null ? "" : problem);
    entry.put("recordedAt", clock.instant().toString());
    results.add(entry);
    execution.setVariable("unitResults", CaseVariables.json(results));
    execution.setVariable("issuedUnitCount", (int) results.stream().filter(r -> "ISSUED".equals(r.get("outcome"))).count());
    execution.setVariable("deferredUnitCount", (int) results.stream().filter(r -> "DEFERRED".equals(r.get("outcome"))).count());
  }

  private static String problemOf(DelegateExecution execution) {
    StringBuilder out = new StringBuilder();
    for (String name : List.of("unitProblem", "contractProblem", "taxProblem", "transferProblem")) {
      Object value = execution.getVariable(name);
      if (value != null && !value.toString().isBlank()) {
        if (out.length() > 0) {
          out.append("; ");
        }
        out.append(value);
      }
    }
    return out.toString();
  }
}
