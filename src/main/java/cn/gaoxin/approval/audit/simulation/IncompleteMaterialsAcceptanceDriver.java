package cn.gaoxin.approval.audit.simulation;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Plays 容缺受理 ({@code incomplete-materials-acceptance}) cases along every path of the model. Day parameters
 * (working days): {@code verifyDays} window check after submission, {@code reviewDays} review after acceptance,
 * {@code supplementDays} until deferred materials arrive, {@code resubmitDays} until corrected materials arrive.
 */
@Component
public class IncompleteMaterialsAcceptanceDriver implements ReformDriver {

  public static final String KEY = "incomplete-materials-acceptance";

  private final ServiceCatalog catalog;

  public IncompleteMaterialsAcceptanceDriver(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("APPROVED", "材料齐全, 按时准予", 40),
        new Scenario("REASSIGNED", "审查中转办, 按时准予", 5),
        new Scenario("APPROVED_LATE", "审查超期, 效能监察督办后准予", 8),
        new Scenario("REJECTED", "不予许可", 7),
        new Scenario("RETURNED", "审查退回补正, 补正后准予", 4),
        new Scenario("TOLERANT_SUPPLEMENTED", "容缺受理, 按期补齐", 12),
        new Scenario("TOLERANT_RETURNED", "容缺受理, 补齐材料被退回后再补齐", 4),
        new Scenario("TOLERANT_BROKEN", "容缺受理, 逾期未补齐, 决定撤销", 4),
        new Scenario("RESUBMITTED", "缺核心要件, 一次性告知后补正", 8),
        new Scenario("NOT_ACCEPTED", "缺核心要件, 逾期未补正, 不予受理", 3),
        new Scenario("WITHDRAWN", "审查中申请人撤回", 4),
        new Scenario("OPEN", "审查中 (未办结)", 4));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    ServiceItem item = itemFor(c);
    List<String> all = item.materials().stream().map(ServiceItem.Material::code).toList();
    List<String> core = item.coreMaterials().stream().map(ServiceItem.Material::code).toList();
    List<String> deferrable = item.deferrableMaterials().stream().map(ServiceItem.Material::code).toList();
    int promised = item.limits().promised() == null ? 5 : item.limits().promised();
    String scenario = c.scenario();
    boolean tolerant = scenario.startsWith("TOLERANT");
    boolean coreMissing = scenario.equals("RESUBMITTED") || scenario.equals("NOT_ACCEPTED");
    List<String> submitted = tolerant ? core : coreMissing ? core.subList(0, Math.max(1, core.size() - 1)) : all;

    ProcessInstance pi = ctx.start(c, item.code(), submitted, tolerant);
    ctx.workingDaysLater(c.days("verifyDays", 0));
    ctx.complete(pi, "Task_VerifyMaterials", Map.of());

    switch (scenario) {
      case "NOT_ACCEPTED" -> ctx.fireTimer(pi, "Event_ResubmissionDeadlinePassed");
      case "RESUBMITTED" -> {
        ctx.workingDaysLater(c.days("resubmitDays", 2));
        ctx.correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(all)));
        ctx.complete(pi, "Task_VerifyMaterials", Map.of("defectiveMaterials", CaseVariables.json(List.of())));
        review(ctx, pi, c.days("reviewDays", 3), "APPROVE", "补正后材料齐全, 符合条件");
      }
      case "TOLERANT_SUPPLEMENTED", "TOLERANT_RETURNED" -> {
        int supplementDays = c.days("supplementDays", 2);
        int reviewDays = c.days("reviewDays", 4);
        if (scenario.equals("TOLERANT_RETURNED")) {
          int first = Math.max(0, supplementDays - 1);
          ctx.workingDaysLater(first);
          ctx.correlate(pi, "MaterialsSupplemented",
              Map.of("supplementedMaterials", CaseVariables.json(deferrable.subList(0, 1))));
          ctx.complete(pi, "Task_VerifySupplement",
              Map.of("supplementResult", "REJECT", "supplementNote", "补齐材料不全, 退回补充"));
          ctx.workingDaysLater(supplementDays - first);
        } else {
          ctx.workingDaysLater(supplementDays);
        }
        ctx.correlate(pi, "MaterialsSupplemented", Map.of("supplementedMaterials", CaseVariables.json(deferrable)));
        ctx.complete(pi, "Task_VerifySupplement", Map.of("supplementResult", "ACCEPT"));
        review(ctx, pi, reviewDays - supplementDays, "APPROVE", "容缺材料已补齐, 准予许可");
      }
      case "TOLERANT_BROKEN" -> {
        review(ctx, pi, c.days("reviewDays", 2), "APPROVE", "核心要件齐全, 容缺准予");
        ctx.fireTimer(pi, "Event_SupplementDeadlinePassed");
      }
      case "APPROVED_LATE" -> {
        ctx.fireTimer(pi, "Event_ReviewOverdue");
        ctx.workingDaysLater(0);
        ctx.complete(pi, "Task_SuperviseOverdueReview",
            Map.of("supervisionAction", "URGE", "supervisionOpinion", "已超承诺时限, 请尽快办结"));
        int late = Math.max(1, c.days("reviewDays", promised + 2) - promised - 1);
        ctx.workingDaysLater(late);
        ctx.complete(pi, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "经督办后办结"));
      }
      case "REJECTED" -> review(ctx, pi, c.days("reviewDays", 3), "REJECT", "经营场所不符合食品安全要求");
      case "RETURNED" -> {
        review(ctx, pi, Math.max(1, c.days("reviewDays", 2) / 2), "RETURN", "1. 布局图未标明生熟分区; 2. 管理制度缺少进货查验制度");
        ctx.workingDaysLater(c.days("resubmitDays", 2));
        ctx.correlate(pi, "MaterialsResubmitted", Map.of(CaseVariables.SUBMITTED_MATERIALS, CaseVariables.json(all)));
        ctx.complete(pi, "Task_VerifyMaterials", Map.of("defectiveMaterials", CaseVariables.json(List.of())));
        review(ctx, pi, Math.max(1, c.days("reviewDays", 2) / 2), "APPROVE", "补正后符合条件");
      }
      case "REASSIGNED" -> {
        ctx.workingDaysLater(c.days("reviewDays", 3));
        ctx.reassignAndComplete(pi, "Task_ReviewApplication",
            Map.of("reviewDecision", "APPROVE", "decisionReason", "符合条件"));
      }
      case "WITHDRAWN" -> {
        ctx.workingDaysLater(c.days("withdrawDays", 1));
        ctx.withdraw(pi, "经营场所变更, 另行申请");
      }
      case "OPEN" -> { }
      default -> review(ctx, pi, c.days("reviewDays", 2), "APPROVE", "材料齐全, 符合条件");
    }
    ctx.runJobs(pi);
  }

  private static void review(SimulationContext ctx, ProcessInstance pi, int days, String decision, String reason) {
    ctx.workingDaysLater(Math.max(0, days));
    ctx.complete(pi, "Task_ReviewApplication", Map.of("reviewDecision", decision, "decisionReason", reason));
  }

  private ServiceItem itemFor(PlannedCase c) {
    if (c.itemCode() != null) {
      return catalog.require(c.itemCode());
    }
    List<ServiceItem> items = catalog.items().stream().filter(i -> i.processes().contains(KEY))
        .filter(i -> !i.deferrableMaterials().isEmpty() && i.coreMaterials().size() > 1)
        // the 容缺 paths count the supplement deadline from the item's supplement limit
        .filter(i -> i.limits().supplement() != null).toList();
    if (items.isEmpty()) {
      throw new IllegalStateException("事项目录中没有可按容缺受理办理的事项");
    }
    return items.get(Math.floorMod(c.applicantName().hashCode(), items.size()));
  }
}
