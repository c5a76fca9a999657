package cn.gaoxin.approval.audit.simulation.construction;

import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceItem;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The window's part that the construction reforms share: the application comes in, the window checks the materials
 * against the catalog; in scenarios {@code RESUBMITTED} and {@code NOT_ACCEPTED} some are missing, the applicant is
 * told once and corrects in time (checked again) or lets the deadline pass (not accepted).
 */
final class WindowIntake {

  private WindowIntake() {}

  static boolean incomplete(PlannedCase c) {
    return c.scenario().equals("RESUBMITTED") || c.scenario().equals("NOT_ACCEPTED");
  }

  /**
   * Starts the case with the item's materials (only the first {@code submittedWhenIncomplete} of them when some are
   * missing) and the reform's {@code details}, and plays it up to acceptance, or to its end when not accepted. A
   * case left open is checked on the day it came in: nothing of it may lie after the history's last day.
   */
  static ProcessInstance apply(PlannedCase c, SimulationContext ctx, ServiceItem item, int submittedWhenIncomplete,
      Map<String, Object> details) {
    List<String> all = item.materials().stream().map(ServiceItem.Material::code).toList();
    ProcessInstance pi = ctx.start(c, item.code(), incomplete(c) ? all.subList(0, submittedWhenIncomplete) : all,
        false, details);
    ctx.workingDaysLater(c.scenario().equals("OPEN") ? 0 : c.days("verifyDays", 0));
    ctx.complete(pi, "Task_VerifyMaterials", Map.of());
    if (c.scenario().equals("NOT_ACCEPTED")) {
      ctx.fireTimer(pi, "Event_ResubmissionDeadlinePassed");
    } else if (incomplete(c)) {
      ctx.workingDaysLater(Math.min(4, c.days("resubmitDays", 2)));
      resubmit(ctx, pi, all);
    }
    return pi;
  }

  /** The applicant hands in the complete materials again; the window checks them. */
  static void resubmit(SimulationContext ctx, ProcessInstance pi, List<String> all) {
    ctx.correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(all)));
    ctx.complete(pi, "Task_VerifyMaterials", Map.of());
  }
}
