package cn.gaoxin.approval.audit.simulation.services;

import static cn.gaoxin.approval.audit.simulation.DriverSteps.catchUp;
import static cn.gaoxin.approval.audit.simulation.DriverSteps.codes;

import cn.gaoxin.approval.audit.simulation.DriverSteps;
import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Plays 帮代办 / 邮帮办 ({@code proxy-service}), ordered online only: a courier or an agent collects the materials
 * at the door, the centre handles the ordered item in its own process (a called 容缺受理 case, played here as the
 * window and the department would), the result is posted and the courier's fee settled. Day parameters:
 * {@code reviewDays} (the department's review of the called case), {@code withdrawDays}.
 */
@Component
public class ProxyServiceDriver implements ReformDriver {

  public static final String KEY = "proxy-service";
  static final String ITEM = "FW-BDB-001";
  /** The process of the ordered items this driver plays: the called case's window check and review. */
  static final String HANDLING = "incomplete-materials-acceptance";

  private final ServiceCatalog catalog;

  public ProxyServiceDriver(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("DELIVERED", "上门收件, 中心准予, 寄递送达, 财政结算跑单费", 45),
        new Scenario("HANDLING_REJECTED", "上门收件, 中心不予许可, 寄递送达决定", 8),
        new Scenario("CLOSED_WITHOUT_RESULT", "收取材料不全, 办件逾期未补正不予受理", 5),
        new Scenario("COLLECTION_LATE", "上门收件超期, 效能监察督办后收件办结", 6),
        new Scenario("CANCELLED", "上门时申请人撤单", 5),
        new Scenario("WITHDRAWN", "收件前申请人网上撤回", 5),
        new Scenario("ORDER_REFUSED", "所点事项不能代办, 不予接单", 3),
        new Scenario("OPEN", "等待上门收件 (未办结)", 5));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    List<ServiceItem> orderable = catalog.items().stream().filter(i -> HANDLING.equals(i.defaultProcess())).toList();
    ServiceItem ordered = orderable.get(ctx.random().nextInt(orderable.size()));
    String scenario = c.scenario();
    Map<String, Object> order = new HashMap<>();
    order.put("orderedItemCode", scenario.equals("ORDER_REFUSED") ? ITEM : ordered.code());
    order.put("runnerType", ctx.random().nextInt(3) == 0 ? "AGENT" : "POST");
    order.put("deliveryAddress", "高新区崇文大道 " + (1 + ctx.random().nextInt(200)) + " 号");
    order.put("deliveryArea", List.of("ZONE", "ZONE", "CITY", "OUTSIDE").get(ctx.random().nextInt(4)));
    order.put("appointmentNote", "工作日下午均可");
    ProcessInstance pi = ctx.start(c.withChannel("ONLINE"), ITEM, List.of(), false, order);

    switch (scenario) {
      case "ORDER_REFUSED", "OPEN" -> { return; }
      case "WITHDRAWN" -> {
        ctx.workingDaysLaterWithinDue(ctx.task(pi, "Task_CollectMaterials"), c.days("withdrawDays", 0));
        ctx.withdraw(pi, "已自行到大厅办理");
        return;
      }
      case "CANCELLED" -> {
        ctx.workingDaysLaterWithinDue(ctx.task(pi, "Task_CollectMaterials"), 1);
        ctx.complete(pi, "Task_CollectMaterials", Map.of("collectionResult", "CANCELLED",
            "collectionNote", "申请人已自行到大厅办理, 申请撤单"));
        return;
      }
      case "COLLECTION_LATE" -> {
        DriverSteps.overdue(ctx, pi, "Event_CollectionOverdue");
        ctx.workingDaysLater(ctx.random().nextInt(2));
      }
      default -> ctx.workingDaysLaterWithinDue(ctx.task(pi, "Task_CollectMaterials"), 1);
    }
    List<String> all = codes(ordered.materials());
    boolean incomplete = scenario.equals("CLOSED_WITHOUT_RESULT");
    ctx.complete(pi, "Task_CollectMaterials", Map.of("collectionResult", "COLLECTED", "authorisationSigned", true,
        "collectedMaterials", CaseVariables.json(incomplete ? all.subList(0, 1) : all)));

    // 中心接单: the ordered item's own case, checked at the window and decided by its department
    ProcessInstance handling = ctx.engine().getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(pi.getId()).singleResult();
    ctx.workingDaysLater(ctx.random().nextInt(2));
    ctx.complete(handling, "Task_VerifyMaterials", Map.of());
    if (incomplete) {
      ctx.fireTimer(handling, "Event_ResubmissionDeadlinePassed");
    } else {
      ctx.workingDaysLaterWithinDue(ctx.task(handling, "Task_ReviewApplication"), c.days("reviewDays", 2));
      boolean rejected = scenario.equals("HANDLING_REJECTED");
      DriverSteps.decide(ctx, handling, "Task_ReviewApplication", rejected ? "REJECT" : "APPROVE",
          rejected ? "经营场所与居住场所未有效隔离" : "材料齐全, 符合条件");
      ctx.workingDaysLaterWithinDue(ctx.task(pi, "Task_DeliverResult"), 1);
      ctx.complete(pi, "Task_DeliverResult", Map.of("trackingNumber", DriverSteps.mailNumber(ctx), "receivedBy", "张三"));
    }
    catchUp(ctx, pi);
    ctx.runJobs(pi);
  }
}
