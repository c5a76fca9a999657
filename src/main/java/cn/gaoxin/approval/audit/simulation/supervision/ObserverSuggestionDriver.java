package cn.gaoxin.approval.audit.simulation.supervision;

import cn.gaoxin.approval.audit.simulation.PlannedCase;
import cn.gaoxin.approval.audit.simulation.ReformDriver;
import cn.gaoxin.approval.audit.simulation.SimulationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Plays 营商环境观察员意见建议办理 ({@code observer-suggestion}) cases: an observer submits online (applicant API) or
 * the reform office records the suggestion in Tasklist; the office triages it, the functional department rectifies,
 * the office verifies (sending it back when not enough) and answers the observer. Day parameters (working days):
 * {@code verifyDays} (triage), {@code reviewDays} (rectification), {@code supplementDays} (verification).
 */
@Component
public class ObserverSuggestionDriver implements ReformDriver {

  public static final String KEY = "observer-suggestion";
  static final String ITEM = "YSHJ-GCY-001";
  private static final String[] OBSERVERS = {"谢泽帆", "林晓峰", "周雅琴", "马天宇", "郭静怡"};
  /** Title, content, category, the department that rectifies, its measures. */
  private static final String[][] SUGGESTIONS = {
      {"施工许可材料反复补交", "园区企业反映施工许可办理中多次被要求补交同一份材料, 建议推行一次性告知。", "审批服务",
          "housing-construction", "印发一次性告知清单, 窗口人员培训 2 次, 已回访企业"},
      {"涉企检查过于频繁", "同一企业一个月内接受多个部门检查, 建议统筹开展联合检查。", "监管执法",
          "market-regulation", "建立涉企检查统筹制度, 推行\"双随机\"联合检查"},
      {"企业用电报装时间长", "新建厂房用电报装耗时超过一个月, 影响投产。", "要素保障",
          "natural-resources", "开通报装绿色通道, 压缩至 10 个工作日"},
      {"发票领用不便", "小微企业领用发票需多次到大厅, 建议推行电子发票。", "政务服务",
          "tax", "推行全面数字化电子发票, 网上申领"},
      {"食品经营许可现场核查预约难", "现场核查预约等候时间长, 建议推行远程视频勘验。", "审批服务",
          "market-regulation", "推行远程视频勘验, 预约等候缩短至 2 个工作日"}};

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(
        new Scenario("REPLIED", "列入台账, 整改到位后答复", 45),
        new Scenario("NOT_APPLICABLE", "不属于受理范围, 说明理由答复", 12),
        new Scenario("REWORK", "核验未整改到位, 退回重新整改后答复", 10),
        new Scenario("TRIAGE_LATE", "研判超期, 效能监察督办", 5),
        new Scenario("RECTIFICATION_LATE", "整改超期, 台账标记超期并督办", 5),
        new Scenario("OPEN", "待改革办研判 (未办结)", 5));
  }

  @Override
  public void play(PlannedCase c, SimulationContext ctx) {
    String[] s = SUGGESTIONS[ctx.random().nextInt(SUGGESTIONS.length)];
    String observer = OBSERVERS[ctx.random().nextInt(OBSERVERS.length)];
    Map<String, Object> form = new HashMap<>(Map.of("suggestionTitle", s[0], "suggestionContent", s[1],
        "suggestionCategory", s[2], "observerSector", "企业家代表 (" + c.applicantName() + ")"));
    ProcessInstance pi;
    if ("ONLINE".equals(c.channel())) {
      pi = ctx.start(c, ITEM, List.of("SUGGESTION"), false, form);
    } else {
      form.put("applicantName", observer);
      form.put("contactPhone", "1392600" + String.format("%04d", ctx.random().nextInt(10000)));
      pi = ctx.startAs("reform-office", KEY, form);
    }
    String scenario = c.scenario();
    if (scenario.equals("OPEN")) {
      return;
    }
    if (scenario.equals("TRIAGE_LATE")) {
      ctx.fireTimer(pi, "Event_TriageOverdue");
      ctx.workingDaysLater(0);
      ctx.complete(pi, "Task_SuperviseOverdueTriage",
          Map.of("supervisionAction", "URGE", "supervisionOpinion", "研判已超期, 请当日分办"));
    } else {
      ctx.workingDaysLater(Math.min(2, c.days("verifyDays", 1)));
    }
    if (scenario.equals("NOT_APPLICABLE")) {
      ctx.complete(pi, "Task_TriageSuggestion",
          Map.of("triageResult", "NOT_APPLICABLE", "triageOpinion", "属企业内部管理事项, 不属于营商环境问题, 已向观察员说明"));
      return;
    }
    ctx.complete(pi, "Task_TriageSuggestion", Map.of("triageResult", "ACCEPT", "rectificationDepartment", s[3],
        "problemSummary", s[0] + ": " + s[1]));

    if (scenario.equals("RECTIFICATION_LATE")) {
      ctx.fireTimer(pi, "Event_RectificationOverdue");
      ctx.workingDaysLater(0);
      ctx.complete(pi, "Task_SuperviseOverdueRectification",
          Map.of("supervisionAction", "URGE", "supervisionOpinion", "整改已超期, 限 3 日内整改到位"));
      ctx.workingDaysLater(1);
    } else {
      ctx.workingDaysLater(Math.max(1, c.days("reviewDays", 3) * 2));
    }
    ctx.complete(pi, "Task_Rectify", Map.of("rectificationMeasures", s[4]));
    // after a late rectification the office verifies at once: the case stays within the history's span
    ctx.workingDaysLater(
        scenario.equals("RECTIFICATION_LATE") ? 1 : Math.max(1, Math.min(4, c.days("supplementDays", 2))));
    if (scenario.equals("REWORK")) {
      ctx.complete(pi, "Task_VerifyRectification",
          Map.of("verificationResult", "REWORK", "verificationOpinion", "整改措施未落实到具体制度, 请补充整改"));
      ctx.workingDaysLater(Math.max(2, c.days("resubmitDays", 3)));
      ctx.complete(pi, "Task_Rectify", Map.of("rectificationMeasures", s[4] + "; 已形成长效制度并公开"));
      ctx.workingDaysLater(1);
    }
    ctx.complete(pi, "Task_VerifyRectification", Map.of("verificationResult", "PASS", "verificationOpinion", "整改到位"));
    ctx.workingDaysLater(scenario.equals("RECTIFICATION_LATE") ? 0 : ctx.random().nextInt(2));
    ctx.complete(pi, "Task_DraftReply", Map.of("replyText", "您反映的问题已整改: " + s[4] + "。感谢您的监督。"));
  }
}
