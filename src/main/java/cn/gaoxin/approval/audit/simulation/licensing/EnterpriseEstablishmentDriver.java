package cn.gaoxin.approval.audit.simulation.licensing;

import static cn.gaoxin.approval.audit.simulation.DriverSteps.catchUp;

import cn.gaoxin.approval.audit.simulation.DriverSteps;
import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Plays 企业开办 ({@code enterprise-establishment}): business-scope screening, the address declared on commitment
 * (or title papers where the address is on the negative list), registration within one working day, then
 * licence, seals, tax and social insurance together, delivered once; a registration returned for correction
 * (退回补正) or withdrawn by the applicant before the decision (撤回). Day parameters: {@code verifyDays},
 * {@code reviewDays} (capped at the one-day promise except in APPROVED_LATE), {@code resubmitDays}.
 */
@Component
public class EnterpriseEstablishmentDriver implements ReformDriver {

  public static final String KEY = "enterprise-establishment";
  static final String ITEM = "SCJG-SLDJ-001";
  static final List<String> WITH_COMMITMENT = List.of("APPLICATION", "ARTICLES", "INVESTOR_ID", "LEGAL_REP_ID",
      "ADDRESS_COMMITMENT");
  static final List<String> WITH_TITLE_PROOF = List.of("APPLICATION", "ARTICLES", "INVESTOR_ID", "LEGAL_REP_ID",
      "PREMISES_PROOF");
  /** Business scope, address type and industry of typical new firms in the zone. */
  static final List<List<String>> FIRMS = List.of(
      List.of("软件开发; 信息技术咨询服务", "COMMERCIAL", "GENERAL"),
      List.of("技术服务、技术开发、技术转让; 工业设计服务", "INCUBATOR", "GENERAL"),
      List.of("餐饮服务; 食品销售", "COMMERCIAL", "CATERING"),
      List.of("电子元器件制造; 电子产品销售", "INDUSTRIAL", "MANUFACTURING"),
      List.of("企业管理咨询; 市场营销策划", "RESIDENTIAL", "GENERAL"));

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("APPROVED", "一个工作日内登记, 执照印章涉税社保同步办结, 一次送达", 45),
        new Scenario("FOREIGN_INVESTED", "外资企业掌上办, 电子送达, 零跑动", 6),
        new Scenario("APPROVED_LATE", "登记超期, 效能监察督办后准予", 8),
        new Scenario("REJECTED", "不予登记", 6),
        new Scenario("SCOPE_REFUSED", "经营范围涉及环境风险, 不予核准", 4),
        new Scenario("RESUBMITTED", "住所在负面清单, 一次性告知后补交权属证明", 8),
        new Scenario("NOT_ACCEPTED", "逾期未补正, 不予受理", 3),
        new Scenario("RETURNED", "登记退回补正, 网上补正后窗口复核, 准予登记", 4),
        new Scenario("WITHDRAWN", "登记决定前申请人撤回申请", 2),
        new Scenario("OPEN", "登记审查中 (未办结)", 5));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    String scenario = c.scenario();
    boolean foreign = scenario.equals("FOREIGN_INVESTED");
    List<String> firm = FIRMS.get(ctx.random().nextInt(FIRMS.size()));
    Map<String, Object> details = new HashMap<>();
    details.put("businessScope", scenario.equals("SCOPE_REFUSED") ? "钢铁冶炼; 钢材销售" : firm.get(0));
    details.put("registeredAddress", "高新区科城路 60 号 " + (1 + ctx.random().nextInt(9)) + " 幢 5-1");
    details.put("addressType", scenario.equals("SCOPE_REFUSED") ? "INDUSTRIAL" : firm.get(1));
    details.put("industry", scenario.equals("SCOPE_REFUSED") ? "MANUFACTURING" : firm.get(2));
    details.put("withinZone", true);
    details.put("addressCommitment", true);
    details.put("foreignInvested", foreign);
    // at the counter the applicant already came once: the licence and seals are posted (只跑一次)
    String delivery = foreign ? "ELECTRONIC"
        : "COUNTER".equals(c.channel()) || ctx.random().nextInt(3) == 0 ? "POST" : "COUNTER";
    details.put("deliveryMethod", delivery);
    if (delivery.equals("POST")) {
      details.put("postalAddress", details.get("registeredAddress"));
    }
    boolean incomplete = scenario.equals("NOT_ACCEPTED");
    ProcessInstance pi = ctx.start(foreign ? online(c) : c, ITEM, incomplete ? WITH_COMMITMENT.subList(0, 2)
        : WITH_COMMITMENT, false, details);
    if (scenario.equals("SCOPE_REFUSED")) {
      return; // refused by the screening table while the application was submitted
    }

    // RESUBMITTED: the address is on the negative list, so title papers replace the commitment
    if (!DriverSteps.windowCheck(ctx, c, pi, Map.of("addressListed", scenario.equals("RESUBMITTED")), WITH_TITLE_PROOF)
        || scenario.equals("OPEN")) {
      return;
    }

    if (scenario.equals("APPROVED_LATE")) {
      DriverSteps.overdue(ctx, pi, "Event_RegistrationOverdue");
      ctx.workingDaysLater(ctx.random().nextInt(2));
    } else {
      ctx.workingDaysLaterWithinDue(ctx.task(pi, "Task_RegisterEnterprise"), c.days("reviewDays", 1));
    }
    if (scenario.equals("REJECTED")) {
      DriverSteps.decide(ctx, pi, "Task_RegisterEnterprise", "REJECT", "企业名称与已登记企业名称近似");
      return;
    }
    if (scenario.equals("WITHDRAWN")) {
      ctx.withdraw(pi, "股东决定暂缓设立公司"); // before the registration decision: afterwards it is refused
      return;
    }
    if (scenario.equals("RETURNED")) {
      // corrected online, re-checked at the window, then registered
      DriverSteps.decide(ctx, pi, "Task_RegisterEnterprise", "RETURN", "全体股东未在章程上签字");
      DriverSteps.resubmit(ctx, c, pi, WITH_COMMITMENT);
      ctx.complete(pi, "Task_VerifyMaterials", Map.of());
      ctx.workingDaysLaterWithinDue(ctx.task(pi, "Task_RegisterEnterprise"), 1);
    }
    DriverSteps.decide(ctx, pi, "Task_RegisterEnterprise", "APPROVE", "材料齐全, 准予登记");

    // seals, tax and social insurance on the same or the next working day, within the opening promise
    ctx.workingDaysLaterWithinDue(ctx.task(pi, "Task_EngraveSeals"), ctx.random().nextInt(2));
    ctx.complete(pi, "Task_EngraveSeals",
        Map.of("sealRecordNumber", "50010700" + (10_000 + ctx.random().nextInt(89_999)), "electronicSealIssued", true));
    ctx.complete(pi, "Task_RegisterTax", Map.of("taxpayerType", ctx.random().nextInt(4) == 0 ? "一般纳税人" : "小规模纳税人"));
    ctx.complete(pi, "Task_RegisterSocialInsurance",
        Map.of("socialInsuranceNumber", "500107" + (10_000_000 + ctx.random().nextInt(89_999_999))));
    ctx.runJobs(pi);
    catchUp(ctx, pi);

    ctx.workingDaysLater(1 + ctx.random().nextInt(2));
    if (delivery.equals("COUNTER")) {
      ctx.complete(pi, "Task_HandOverAtCounter", Map.of("recipientName", "张三", "identityChecked", true));
    } else if (delivery.equals("POST")) {
      ctx.complete(pi, "Task_DeliverByPost", Map.of("waybillNumber", DriverSteps.mailNumber(ctx)));
    }
    ctx.runJobs(pi);
  }

  /** A foreign-invested firm applies on the phone (掌上办), whatever channel the plan drew. */
  private static PlannedCase online(PlannedCase c) {
    return c.withChannel("ONLINE");
  }
}
