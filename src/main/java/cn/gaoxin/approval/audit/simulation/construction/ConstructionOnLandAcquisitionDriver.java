package cn.gaoxin.approval.audit.simulation.construction;

import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.clerks.TaskOperations;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Plays 拿地即开工 ({@code construction-on-land-acquisition}) cases: three parallel pre-reviews before the land
 * contract (the design scheme countersigned by every department, 会签; the construction permit signed by any one
 * housing official, 或签; planning by one clerk), the permits on the day the contract is signed (before or after the last pre-review), a refused
 * pre-review, a department objecting in the design countersign, overdue pre-reviews urged by supervision, a
 * department added to the running design countersign (加签, through {@link TaskOperations#addSigner} as the clerk of
 * a participating department, as POST /api/tasks/{id}/add-signer does) who then signs, and pre-reviews returned for
 * correction (退回补正: one notice, correction online, the window re-checks, the returning pre-reviews run again). Day parameters (working days): {@code verifyDays},
 * {@code reviewDays} (pre-reviews), {@code supplementDays} (from the pre-reviews to the contract),
 * {@code resubmitDays}.
 */
@Component
public class ConstructionOnLandAcquisitionDriver implements ReformDriver {

  public static final String KEY = "construction-on-land-acquisition";
  static final String ITEM = "GX-NDJKG-001";
  private static final String DESIGN = "Task_ReviewDesign";
  private static final String PLANNING = "Task_ReviewPlanning";
  private static final String CONSTRUCTION = "Task_ReviewConstruction";
  private static final List<String> REVIEWS = List.of(DESIGN, PLANNING, CONSTRUCTION);
  /** What each department of the design countersign objects to when it does not agree. */
  private static final Map<String, String> DESIGN_OBJECTIONS = Map.of(
      "natural-resources", "容积率低于出让条件要求的 1.2",
      "housing-construction", "建筑节能设计不满足居住建筑节能标准",
      "fire-protection", "消防车道宽度不足 4 米, 不满足 GB 50016 要求",
      "civil-air-defence", "未按规定配建防空地下室");

  /** Departments a participating clerk may add to the design countersign, and why. */
  private static final List<Map.Entry<String, String>> ADDED_SIGNERS = List.of(
      Map.entry("archives", "地下室设档案库房, 请城建档案馆一并审查"),
      Map.entry("health", "项目含洁净厂房和职业病防护设施, 请卫生健康局一并审查"));
  /** What each pre-review asks the applicant to correct when it returns the application. */
  private static final Map<String, String> RETURN_REASONS = Map.of(
      DESIGN, "请补充消防总平面图 (标注消防车道和登高场地)",
      PLANNING, "建设工程规划许可申请表缺少建筑面积指标",
      CONSTRUCTION, "监理合同未盖章, 请补正");

  private final ServiceCatalog catalog;
  private final TaskOperations operations;

  public ConstructionOnLandAcquisitionDriver(ServiceCatalog catalog, TaskOperations operations) {
    this.catalog = catalog;
    this.operations = operations;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("APPROVED", "预审通过, 签订出让合同当日核发三证", 40),
        new Scenario("CONTRACT_FIRST", "先签出让合同, 最后一项预审通过即核发三证", 10),
        new Scenario("APPROVED_LATE", "预审超期, 效能监察督办后通过", 8),
        new Scenario("REJECTED", "一项预审不通过, 案件终止", 8),
        new Scenario("DESIGN_OBJECTED", "设计方案会签中一个部门不同意, 案件终止", 4),
        new Scenario("SIGNER_ADDED", "设计方案会签中参与部门加签一个部门, 加签部门同意后通过", 6),
        new Scenario("RETURNED", "一项预审退回补正, 网上补正、窗口复核后该项重新预审并通过", 6),
        // the land contract is awaited 90 calendar days: longer than a simulated case may take, so only on request
        new Scenario("PREPARATION_CLOSED", "逾期未签订出让合同, 预审关闭", 0),
        new Scenario("RESUBMITTED", "材料不全, 一次性告知后补正", 6),
        new Scenario("NOT_ACCEPTED", "材料不全, 逾期未补正, 不予受理", 3),
        new Scenario("OPEN", "并联预审中 (未办结)", 4));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    ServiceItem item = catalog.require(ITEM);
    String scenario = c.scenario();
    Projects.Project project = Projects.pick(ctx.random());
    String parcel = "GX-" + c.start().getYear() + "-" + (10 + ctx.random().nextInt(80));
    ProcessInstance pi = WindowIntake.apply(c, ctx, item, 2,
        Map.of("projectName", project.name(), "landParcelNumber", parcel));
    if (scenario.equals("NOT_ACCEPTED") || scenario.equals("OPEN")) {
      return;
    }

    List<String> order = new ArrayList<>(REVIEWS);
    Collections.shuffle(order, ctx.random());
    int reviewDays = Math.max(1, Math.min(8, c.days("reviewDays", 3)));
    switch (scenario) {
      case "REJECTED" -> {
        ctx.workingDaysLater(reviewDays);
        review(ctx, pi, order.get(0), true);
        review(ctx, pi, order.get(1), false);
      }
      case "DESIGN_OBJECTED" -> {
        ctx.workingDaysLater(reviewDays);
        review(ctx, pi, PLANNING, true);
        review(ctx, pi, DESIGN, false);
      }
      case "SIGNER_ADDED" -> {
        ctx.workingDaysLater(Math.max(1, reviewDays - 1));
        addSignerToDesign(ctx, pi);
        order.forEach(r -> review(ctx, pi, r, true));
        ctx.workingDaysLater(Math.max(1, Math.min(8, c.days("supplementDays", 3))));
        signContract(ctx, pi);
      }
      case "RETURNED" -> {
        String returning = order.get(0);
        ctx.workingDaysLater(Math.max(1, reviewDays - 1));
        returnForCorrection(ctx, pi, returning);
        review(ctx, pi, order.get(1), true);
        review(ctx, pi, order.get(2), true);
        // one notice; the applicant corrects online within the limit and the window re-checks
        ctx.workingDaysLater(Math.max(1, Math.min(4, c.days("resubmitDays", 2))));
        List<String> all = item.materials().stream().map(ServiceItem.Material::code).toList();
        ctx.correlate(pi, "MaterialsResubmitted",
            Map.of(cn.gaoxin.approval.cases.CaseVariables.SUBMITTED_MATERIALS, cn.gaoxin.approval.cases.CaseVariables.json(all)));
        ctx.complete(pi, "Task_RecheckCorrection", Map.of());
        ctx.workingDaysLater(1 + ctx.random().nextInt(2));
        review(ctx, pi, returning, true);
        ctx.workingDaysLater(Math.max(1, Math.min(8, c.days("supplementDays", 3))));
        signContract(ctx, pi);
      }
      case "PREPARATION_CLOSED" -> {
        ctx.workingDaysLater(reviewDays);
        order.forEach(r -> review(ctx, pi, r, true));
        ctx.fireTimer(pi, "Event_ContractWaitExpired");
      }
      case "CONTRACT_FIRST" -> {
        ctx.workingDaysLater(Math.max(1, reviewDays / 2));
        review(ctx, pi, order.get(0), true);
        ctx.workingDaysLater(0);
        signContract(ctx, pi);
        ctx.workingDaysLater(Math.max(1, reviewDays - reviewDays / 2));
        review(ctx, pi, order.get(1), true);
        review(ctx, pi, order.get(2), true);
      }
      case "APPROVED_LATE" -> {
        ctx.workingDaysLater(Math.min(3, reviewDays));
        review(ctx, pi, order.get(0), true);
        review(ctx, pi, order.get(1), true);
        ctx.fireTimer(pi, "Event_PreReviewOverdue");
        ctx.workingDaysLater(0);
        ctx.complete(pi, "Task_SupervisePreReview",
            Map.of("supervisionAction", "URGE", "supervisionOpinion", "预审已超承诺时限, 请尽快出具预审意见"));
        ctx.workingDaysLater(1);
        review(ctx, pi, order.get(2), true);
        ctx.workingDaysLater(1 + ctx.random().nextInt(5));
        signContract(ctx, pi);
      }
      default -> {
        for (int i = 0; i < order.size(); i++) {
          ctx.workingDaysLater(i == 0 ? Math.max(1, reviewDays - 1) : ctx.random().nextInt(2));
          review(ctx, pi, order.get(i), true);
        }
        ctx.workingDaysLater(Math.max(1, Math.min(8, c.days("supplementDays", 3))));
        signContract(ctx, pi);
      }
    }
  }

  private static void review(SimulationContext ctx, ProcessInstance pi, String review, boolean approve) {
    switch (review) {
      case DESIGN -> countersignDesign(ctx, pi, approve);
      case CONSTRUCTION -> signPermit(ctx, pi, approve);
      default -> ctx.complete(pi, PLANNING, approve ? Map.of("planningReviewDecision", "APPROVE")
          : Map.of("planningReviewDecision", "REJECT", "planningReviewOpinion", "建筑退线不满足规划条件"));
    }
  }

  /**
   * 会签: every department signs in turn (shuffled); approving, all agree; objecting, some agree and then one
   * objects, which ends the countersign (the others' tasks are withdrawn).
   */
  private static void countersignDesign(SimulationContext ctx, ProcessInstance pi, boolean approve) {
    List<Task> signers = new ArrayList<>(ctx.tasks(pi, DESIGN));
    Collections.shuffle(signers, ctx.random());
    int objector = approve ? -1 : ctx.random().nextInt(signers.size());
    for (int i = 0; i < signers.size(); i++) {
      String department = ctx.groupOf(signers.get(i));
      if (i == objector) {
        ctx.complete(pi, signers.get(i), Map.of("signOpinion", "REJECT",
            "signReason", DESIGN_OBJECTIONS.getOrDefault(department, "设计方案不符合本部门技术规定")));
        return;
      }
      ctx.complete(pi, signers.get(i), Map.of("signOpinion", "APPROVE", "signReason", "符合出让条件和本部门技术规定"));
    }
  }

  /**
   * 或签: each housing official has a task; approving, one official (sometimes after a colleague's objection)
   * agrees and the others' tasks are withdrawn; refusing, every official objects.
   */
  private static void signPermit(SimulationContext ctx, ProcessInstance pi, boolean approve) {
    List<Task> officials = new ArrayList<>(ctx.tasks(pi, CONSTRUCTION));
    Collections.shuffle(officials, ctx.random());
    if (approve) {
      if (officials.size() > 1 && ctx.random().nextInt(4) == 0) {
        ctx.complete(pi, officials.get(0), Map.of("signOpinion", "REJECT", "signReason", "监理合同未盖章"));
        officials.remove(0);
      }
      ctx.complete(pi, officials.get(0), Map.of("signOpinion", "APPROVE", "signReason", "施工图已审查合格, 施工、监理合同齐全"));
      return;
    }
    officials.forEach(t -> ctx.complete(pi, t, Map.of("signOpinion", "REJECT", "signReason", "施工图审查合格书未取得")));
  }

  /**
   * 加签: a clerk of one of the signing departments adds a department to the running design countersign through
   * the same service as POST /api/tasks/{id}/add-signer; the added department then signs like the others.
   */
  private void addSignerToDesign(SimulationContext ctx, ProcessInstance pi) {
    List<Task> signers = ctx.tasks(pi, DESIGN);
    Task asking = signers.get(ctx.random().nextInt(signers.size()));
    String department = ctx.groupOf(asking);
    String clerk = ctx.member(department);
    Map.Entry<String, String> added = ADDED_SIGNERS.get(ctx.random().nextInt(ADDED_SIGNERS.size()));
    IdentityService identity = ctx.engine().getIdentityService();
    identity.setAuthentication(clerk, identity.createGroupQuery().groupMember(clerk).list().stream()
        .map(Group::getId).toList());
    try {
      operations.addSigner(asking.getId(), added.getKey(), null, added.getValue());
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The pre-review returns the application: in the countersign one department, in the 或签 every official. */
  private static void returnForCorrection(SimulationContext ctx, ProcessInstance pi, String review) {
    String reason = RETURN_REASONS.get(review);
    switch (review) {
      case DESIGN -> {
        List<Task> signers = new ArrayList<>(ctx.tasks(pi, DESIGN));
        Collections.shuffle(signers, ctx.random());
        for (int i = 0; i < signers.size(); i++) {
          ctx.complete(pi, signers.get(i), i == 0 ? Map.of("signOpinion", "RETURN", "signReason", reason)
              : Map.of("signOpinion", "APPROVE", "signReason", "符合出让条件和本部门技术规定"));
        }
      }
      case CONSTRUCTION -> ctx.tasks(pi, CONSTRUCTION).forEach(t ->
          ctx.complete(pi, t, Map.of("signOpinion", "RETURN", "signReason", reason)));
      default -> ctx.complete(pi, PLANNING, Map.of("planningReviewDecision", "RETURN", "planningReviewOpinion", reason));
    }
  }

  private static void signContract(SimulationContext ctx, ProcessInstance pi) {
    ctx.correlate(pi, "LandContractSigned",
        Map.of("landContractNumber", "高新出让〔" + ctx.now().getYear() + "〕" + (10 + ctx.random().nextInt(90)) + "号"));
  }
}
