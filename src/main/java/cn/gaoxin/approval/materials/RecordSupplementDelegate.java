package cn.gaoxin.approval.materials;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records accepted supplementary materials (容缺补正): adds {@code supplementedMaterials} to the case's
 * materials and ends the commitment ({@code supplementPending} = false).
 */
@Component("recordSupplement")
public class RecordSupplementDelegate implements JavaDelegate {

  private final EngineClock clock;

  public RecordSupplementDelegate(EngineClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Set<String> materials = new LinkedHashSet<>(CaseVariables.strings(execution, CaseVariables.SUBMITTED_MATERIALS));
    materials.addAll(CaseVariables.strings(execution, "supplementedMaterials"));
    execution.setVariable(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(materials));
    execution.setVariable("supplementPending", false);
    execution.setVariable("supplementedAt", clock.now());
  }
}
