package cn.gaoxin.approval.audit.simulation;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Steps many reform drivers share: the window's check with its one-time notification, a reviewer's decision,
 * efficiency supervision of whatever fell overdue, the catalog item and its materials. Built on
 * {@link SimulationContext}; nothing here is specific to one model. By convention the scenarios
 * {@code RESUBMITTED} (materials missing, resubmitted in time) and {@code NOT_ACCEPTED} (resubmission deadline
 * passed) are named alike in every driver.
 */
public final class DriverSteps {

  /** The opinion supervision writes when it urges an overdue step (督办). */
  public static final String URGE_OPINION = "已超承诺时限, 请尽快办结";

  private DriverSteps() {}

  /** The item the plan names, otherwise one of the catalog items handled by the reform. */
  public static ServiceItem itemOf(ServiceCatalog catalog, String processKey, PlannedCase c, SimulationContext ctx) {
    if (c.itemCode() != null) {
      return catalog.require(c.itemCode());
    }
    List<ServiceItem> items = catalog.items().stream().filter(i -> i.processes().contains(processKey)).toList();
    if (items.isEmpty()) {
      throw new IllegalStateException("事项目录中没有按流程 " + processKey + " 办理的事项");
    }
    return items.get(ctx.random().nextInt(items.size()));
  }

  /**
   * The window checks the materials ({@code Task_VerifyMaterials}, form values {@code verifyValues}) after
   * {@code verifyDays}. Where the application lacked materials the applicant either resubmits
   * {@code resubmitted} (scenario RESUBMITTED), checked again, or lets the deadline pass (NOT_ACCEPTED). Returns
   * whether the case goes on.
   */
  public static boolean windowCheck(SimulationContext ctx, PlannedCase c, ProcessInstance pi,
      Map<String, Object> verifyValues, List<String> resubmitted) {
    ctx.workingDaysLater(c.days("verifyDays", 0));
    ctx.complete(pi, "Task_VerifyMaterials", verifyValues);
    if (c.scenario().equals("NOT_ACCEPTED")) {
      ctx.fireTimer(pi, "Event_ResubmissionDeadlinePassed");
      return false;
    }
    if (c.scenario().equals("RESUBMITTED")) {
      resubmit(ctx, c, pi, resubmitted);
      ctx.complete(pi, "Task_VerifyMaterials", Map.of());
    }
    return true;
  }

  /** After {@code resubmitDays} the applicant resubmits the materials (补正), as through the applicant API. */
  public static void resubmit(SimulationContext ctx, PlannedCase c, ProcessInstance pi, List<String> materials) {
    ctx.workingDaysLater(c.days("resubmitDays", 2));
    ctx.correlate(pi, "MaterialsResubmitted",
        Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(materials)));
  }

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
    return tasks.stream()
        .sorted(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
  }

  /** A domestic mail number (邮件号) for a result sent by post. */
  public static String mailNumber(SimulationContext ctx) {
    return "11876" + (10_000_000 + ctx.random().nextInt(89_999_999));
  }

  public static List<String> codes(List<ServiceItem.Material> materials) {
    return materials.stream().map(ServiceItem.Material::code).toList();
  }

  /**
   * What the applicant submits: every material of the item, or, where the scenario is RESUBMITTED or
   * NOT_ACCEPTED, all but the item's last core material (the window sends the application back for it).
   */
  public static List<String> submitted(PlannedCase c, ServiceItem item) {
    if (!c.scenario().equals("RESUBMITTED") && !c.scenario().equals("NOT_ACCEPTED")) {
      return codes(item.materials());
    }
    List<String> core = codes(item.coreMaterials());
    String missing = core.get(core.size() - 1);
    return codes(item.materials()).stream().filter(m -> !m.equals(missing)).toList();
  }
}
