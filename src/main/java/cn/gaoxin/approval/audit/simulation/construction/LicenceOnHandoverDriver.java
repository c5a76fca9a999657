package cn.gaoxin.approval.audit.simulation.construction;

import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.identifiers.ResidentIdNumber;
import cn.gaoxin.approval.licences.Licence;
import cn.gaoxin.approval.licences.LicenceRegister;
import cn.gaoxin.approval.licences.LicenceStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Plays 交房即交证 ({@code licence-on-handover}) cases. The developer first passes the joint completion acceptance
 * (played with {@link JointCompletionAcceptanceDriver}: its 一企一证 is what the handover is checked against), then
 * applies with the buyers' list: first registration of the building, then per unit the contract check, deed tax
 * and transfer registration, a unit's problem solved or deferred within its own branch. Day parameters (working
 * days): {@code verifyDays}, {@code reviewDays} (first registration), {@code resubmitDays}.
 */
@Component
public class LicenceOnHandoverDriver implements ReformDriver {

  public static final String KEY = "licence-on-handover";
  static final String ITEM = "BDC-JFJZ-001";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] BUYERS = {"戴洁", "王建华", "刘芳", "陈志远", "李秀兰", "张伟", "赵敏", "孙浩然"};

  private final ServiceCatalog catalog;
  private final LicenceRegister licences;
  private final JointCompletionAcceptanceDriver jointAcceptance;

  public LicenceOnHandoverDriver(ServiceCatalog catalog, LicenceRegister licences,
      JointCompletionAcceptanceDriver jointAcceptance) {
    this.catalog = catalog;
    this.licences = licences;
    this.jointAcceptance = jointAcceptance;
  }

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("APPROVED", "首次登记后逐户办证, 交房即交证", 40),
        new Scenario("UNIT_RETRY", "一户网签合同有误, 更正后办证", 8),
        new Scenario("UNIT_DEFERRED", "一户未缴契税, 暂缓办证", 6),
        new Scenario("APPROVED_LATE", "首次登记超期, 效能监察督办后办结", 6),
        new Scenario("HANDOVER_LATE", "交房日仍有未办结户, 效能监察督办", 4),
        new Scenario("REJECTED", "房屋首次登记不予登记", 5),
        new Scenario("RETURNED", "首次登记退回补正, 网上补正、窗口复核后重新审查, 逐户办证", 6),
        new Scenario("NO_CERTIFICATE", "一企一证编号有误, 不予受理", 4),
        new Scenario("RESUBMITTED", "材料不全, 一次性告知后补正", 4),
        new Scenario("NOT_ACCEPTED", "材料不全, 逾期未补正, 不予受理", 3),
        new Scenario("OPEN", "首次登记中 (未办结)", 4));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    String scenario = c.scenario();
    boolean open = scenario.equals("OPEN");
    String certificate = scenario.equals("NO_CERTIFICATE")
        ? "GXZ-" + c.start().getYear() + "-9" + (10000 + ctx.random().nextInt(89999))
        : acceptanceCertificate(c, ctx);

    List<Map<String, Object>> units = units(ctx, 2 + ctx.random().nextInt(3));
    int daysToHandover = scenario.equals("HANDOVER_LATE") ? 12 : 28 + ctx.random().nextInt(8);
    ctx.workingDaysLater(open ? 0 : 1 + ctx.random().nextInt(2));
    ProcessInstance pi = WindowIntake.apply(c, ctx, catalog.require(ITEM), 3, Map.of(
        "projectName", Projects.pick(ctx.random()).name(), "jointAcceptanceCertificate", certificate,
        "handoverDate", ctx.now().toLocalDate().plusDays(daysToHandover).toString(),
        "units", json(units)));
    if (scenario.equals("NOT_ACCEPTED") || scenario.equals("NO_CERTIFICATE") || scenario.equals("OPEN")) {
      return; // refused at once (the certificate is checked on acceptance), or left in first registration
    }

    if (scenario.equals("APPROVED_LATE")) {
      ctx.fireTimer(pi, "Event_InitialRegistrationOverdue");
      ctx.workingDaysLater(0);
      ctx.complete(pi, "Task_SuperviseInitialRegistration",
          Map.of("supervisionAction", "URGE", "supervisionOpinion", "首次登记已超承诺时限, 请尽快办结"));
      ctx.workingDaysLater(1);
    } else {
      ctx.workingDaysLater(Math.max(1, Math.min(4, c.days("reviewDays", 2))));
    }
    if (scenario.equals("RETURNED")) {
      ctx.complete(pi, "Task_InitialRegistration", Map.of("initialRegistrationResult", "RETURN",
          "initialRegistrationNote", "1. 房屋测绘报告缺少地下室分层分户图; 2. 专项维修资金缴存证明未加盖银行印章"));
      ctx.workingDaysLater(Math.max(1, Math.min(4, c.days("resubmitDays", 2))));
      WindowIntake.resubmit(ctx, pi, catalog.require(ITEM).materials().stream().map(ServiceItem.Material::code).toList());
      ctx.workingDaysLater(1);
    }
    if (scenario.equals("REJECTED")) {
      ctx.complete(pi, "Task_InitialRegistration",
          Map.of("initialRegistrationResult", "REJECTED", "initialRegistrationNote", "房屋测绘成果与竣工图不一致"));
      return;
    }
    ctx.complete(pi, "Task_InitialRegistration", Map.of("initialRegistrationResult", "REGISTERED"));

    List<String> numbers = units.stream().map(u -> (String) u.get("unitNumber")).toList();
    String special = numbers.get(0);
    ctx.workingDaysLater(ctx.random().nextInt(2));
    switch (scenario) {
      case "UNIT_RETRY" -> {
        unitStep(ctx, pi, "Task_CheckContract", special,
            Map.of("contractCheckResult", "PROBLEM", "contractProblem", "网签合同买受人姓名与身份证明不一致"));
        numbers.subList(1, numbers.size()).forEach(u -> completeUnit(ctx, pi, u));
        ctx.workingDaysLater(1);
        unitStep(ctx, pi, "Task_ResolveUnitProblem", special,
            Map.of("resolution", "RETRY", "resolutionNote", "开发企业已办理网签合同变更"));
        completeUnit(ctx, pi, special);
      }
      case "UNIT_DEFERRED" -> {
        unitStep(ctx, pi, "Task_CheckContract", special, Map.of("contractCheckResult", "OK"));
        unitStep(ctx, pi, "Task_AssessDeedTax", special,
            Map.of("deedTaxResult", "PROBLEM", "taxProblem", "购房人尚未缴纳契税"));
        numbers.subList(1, numbers.size()).forEach(u -> completeUnit(ctx, pi, u));
        ctx.workingDaysLater(1);
        unitStep(ctx, pi, "Task_ResolveUnitProblem", special,
            Map.of("resolution", "DEFER", "resolutionNote", "购房人申请延后办证, 交房后自行缴税办理"));
      }
      case "HANDOVER_LATE" -> {
        numbers.subList(1, numbers.size()).forEach(u -> completeUnit(ctx, pi, u));
        ctx.fireTimer(pi, "Event_HandoverDateReached");
        ctx.workingDaysLater(0);
        ctx.complete(pi, "Task_SuperviseHandoverDeadline",
            Map.of("supervisionAction", "URGE", "supervisionOpinion", "交房日已到, 请当日办结剩余户的登记"));
        completeUnit(ctx, pi, special);
      }
      default -> numbers.forEach(u -> completeUnit(ctx, pi, u));
    }
  }

  /** The developer's valid 一企一证: from the joint completion acceptance it passes first. */
  private String acceptanceCertificate(PlannedCase c, SimulationContext ctx) {
    jointAcceptance.play(new PlannedCase(JointCompletionAcceptanceDriver.KEY, null, "APPROVED", ctx.now(), c.channel(),
        c.applicantName(), c.creditCode(),
        Map.of("verifyDays", 0, "reviewDays", c.scenario().equals("OPEN") ? 0 : 1 + ctx.random().nextInt(2))), ctx);
    String type = catalog.require(JointCompletionAcceptanceDriver.ITEM).licence().type();
    return licences.forHolder(c.creditCode()).stream()
        .filter(l -> type.equals(l.type()) && l.status() == LicenceStatus.VALID).map(Licence::number)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new IllegalStateException("联合验收后未核发 " + c.applicantName() + " 的一企一证"));
  }

  private static void completeUnit(SimulationContext ctx, ProcessInstance pi, String unit) {
    unitStep(ctx, pi, "Task_CheckContract", unit, Map.of("contractCheckResult", "OK"));
    unitStep(ctx, pi, "Task_AssessDeedTax", unit,
        Map.of("deedTaxResult", "PAID", "deedTaxAmount", 9000 + ctx.random().nextInt(30) * 600));
    unitStep(ctx, pi, "Task_RegisterTransfer", unit, Map.of("transferResult", "REGISTERED"));
  }

  private static void unitStep(SimulationContext ctx, ProcessInstance pi, String taskKey, String unit,
      Map<String, Object> vars) {
    ctx.at(ctx.now().plusMinutes(5 + ctx.random().nextInt(40)));
    ctx.complete(pi, ctx.taskWhere(pi, taskKey, "unitNumber", unit), vars);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The buyers' list: units of one building with valid resident id numbers and (mostly) mobile numbers. */
  private static List<Map<String, Object>> units(SimulationContext ctx, int count) {
    List<Map<String, Object>> units = new ArrayList<>();
    int building = 1 + ctx.random().nextInt(9);
    int floor = 3 + ctx.random().nextInt(15);
    for (int i = 0; i < count; i++) {
      String first17 = "4303" + String.format("%02d", 2 + ctx.random().nextInt(3)) + (1970 + ctx.random().nextInt(30))
          + String.format("%02d%02d", 1 + ctx.random().nextInt(12), 1 + ctx.random().nextInt(28))
          + String.format("%03d", ctx.random().nextInt(1000));
      Map<String, Object> unit = new LinkedHashMap<>();
      unit.put("unitNumber", building + "-1-" + floor + String.format("%02d", i + 1));
      unit.put("buyerName", BUYERS[ctx.random().nextInt(BUYERS.length)]);
      unit.put("buyerIdNumber", first17 + ResidentIdNumber.checkCharacter(first17));
      if (ctx.random().nextInt(4) > 0) {
        unit.put("buyerPhone", "139" + String.format("%08d", ctx.random().nextInt(100_000_000)));
      }
      unit.put("contractNumber",
          "WQ" + ctx.now().getYear() + "-" + String.format("%05d", ctx.random().nextInt(100000)));
      units.add(unit);
    }
    return units;
  }
}
