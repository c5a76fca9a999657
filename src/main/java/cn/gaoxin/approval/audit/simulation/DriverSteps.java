package cn.gaoxin.approval.audit.simulation;

import cn.gaoxin.approval.catalog.ServiceItem;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Steps many reform drivers share: a reviewer's decision, efficiency supervision of whatever fell overdue, the
 * material codes of a catalog item. Built on {@link SimulationContext}; nothing here is specific to one model.
 */
public final class DriverSteps {

  /** The opinion supervision writes when it urges an overdue step (督办). */
  public static final String URGE_OPINION = "已超承诺时限, 请尽快办结";

  private DriverSteps() {}

  /** The reviewer completes the task with a decision (APPROVE, REJECT, RETURN) and its reason. */
  public static String decide(SimulationContext ctx, ProcessInstance pi, String taskKey, String decision,
      String reason) {
    return ctx.complete(pi, taskKey, Map.of("reviewDecision", decision, "decisionReason", reason));
  }

  /**
   * As the job executor would after the clock moved: fires the case's timers now due, then supervision (效能监察)
   * urges every overdue step that raised a supervision task, later the same working day.
   */
  public static void catchUp(SimulationContext ctx, ProcessInstance pi) {
    ctx.fireDueTimers(pi);
    List<Task> open = ctx.engine().getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskCandidateGroup("supervision").list();
    if (open.isEmpty()) {
      return;
    }
    ctx.workingDaysLater(0);
    for (Task task : open) {
      ctx.complete(pi, task, Map.of("supervisionAction", "URGE", "supervisionOpinion", URGE_OPINION));
    }
  }

  /** Fires the named overdue timer (the earliest, if several) and lets supervision urge the late step. */
  public static void overdue(SimulationContext ctx, ProcessInstance pi, String timerEventId) {
    ctx.fireTimer(pi, timerEventId);
    catchUp(ctx, pi);
  }

  /** The tasks ordered by due date: working them in this order keeps each one within its own deadline. */
  public static List<Task> byDueDate(List<Task> tasks) {
    return tasks.stream().sorted(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  public static List<String> codes(List<ServiceItem.Material> materials) {
    return materials.stream().map(ServiceItem.Material::code).toList();
  }

  /** The item's materials without its last core one: an application the window sends back for correction. */
  public static List<String> withoutLastCore(ServiceItem item) {
    List<String> core = codes(item.coreMaterials());
    String missing = core.get(core.size() - 1);
    return codes(item.materials()).stream().filter(m -> !m.equals(missing)).toList();
  }
}
