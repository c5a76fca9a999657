package cn.gaoxin.approval.reforms.supervision.yield;

import cn.gaoxin.approval.calendar.EngineClock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The enterprises' side of the per-mu yield evaluation (亩产效益评价): confirm or dispute the collected figures (企业
 * 核实), and object to the published evaluation during the public notice (公示期异议); plus the campaign's summary.
 * An enterprise identifies itself by its credit code and the contact phone the campaign holds for it.
 */
@RestController
@RequestMapping("/api/supervision/yield-evaluations")
public class YieldEvaluationController {

  public static final String PROCESS = "per-mu-yield-evaluation";
  public static final String CONFIRMATION = "YieldDataConfirmation";
  public static final String OBJECTION = "YieldEvaluationObjection";

  public record Confirmation(@NotBlank(message = "请填写统一社会信用代码 (creditCode)") String creditCode,
      @NotBlank(message = "请填写联系电话 (contactPhone)") String contactPhone,
      @NotNull(message = "请说明是否确认数据 (confirmed)") Boolean confirmed,
      @Size(max = 2000, message = "说明不能超过 2000 字") String note) {}

  public record Objection(@NotBlank(message = "请填写统一社会信用代码 (creditCode)") String creditCode,
      @NotBlank(message = "请填写联系电话 (contactPhone)") String contactPhone,
      @NotBlank(message = "请写明异议理由 (reason)") @Size(max = 2000, message = "异议理由不能超过 2000 字") String reason) {}

  private final RuntimeService runtimeService;
  private final YieldEvaluations evaluations;
  private final EngineClock clock;

  public YieldEvaluationController(RuntimeService runtimeService, YieldEvaluations evaluations, EngineClock clock) {
    this.runtimeService = runtimeService;
    this.evaluations = evaluations;
    this.clock = clock;
  }

  /** Counts by grade and scale and every evaluated enterprise's score and grade (published information). */
  @GetMapping("/{caseNumber}")
  public Map<String, Object> summary(@PathVariable String caseNumber) {
    List<YieldEvaluations.Evaluation> all = evaluations.forCase(caseNumber);
    Map<String, Map<String, Integer>> byScale = new LinkedHashMap<>();
    List<Map<String, Object>> items = all.stream().map(e -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("creditCode", e.creditCode());
      m.put("name", e.enterpriseName());
      m.put("scale", YieldCampaign.SCALES.get(e.scale()));
      m.put("status", YieldEvaluations.SCORED.equals(e.status()) ? "已评价" : "不参评");
      m.put("compositeScore", e.compositeScore());
      m.put("grade", e.grade());
      if (e.grade() != null) {
        byScale.computeIfAbsent(YieldCampaign.SCALES.get(e.scale()), k -> new LinkedHashMap<>()).merge(e.grade(), 1, Integer::sum);
      }
      return m;
    }).toList();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("caseNumber", caseNumber);
    summary.put("enterprises", all.size());
    summary.put("gradesByScale", byScale);
    summary.put("items", items);
    summary.put("benchmark", "济南高新区 2023 年参评规模以上工业企业 318 家、规模以下 8 家, 评为 A 类 64 家 (规上 62 家、规下 2 家)");
    return summary;
  }

  /** The enterprise confirms (or disputes, with a note) the figures collected for it. */
  @PostMapping("/{caseNumber}/confirmations")
  public ResponseEntity<Map<String, Object>> confirm(@PathVariable String caseNumber,
      @Valid @RequestBody Confirmation confirmation) {
    Execution waiting = null;
    for (Execution e : runtimeService.createExecutionQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(PROCESS).messageEventSubscriptionName(CONFIRMATION).list()) {
      if (confirmation.creditCode().equals(runtimeService.getVariable(e.getId(), "yieldCreditCode"))) {
        waiting = e;
      }
    }
    if (waiting == null || !confirmation.contactPhone().equals(runtimeService.getVariable(waiting.getId(), "contactPhone"))) {
      return problem(HttpStatus.CONFLICT, "该企业当前没有待核实的评价数据, 或企业信息与参评名单不符");
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put("enterpriseConfirmation", confirmation.confirmed() ? "CONFIRMED" : "DISPUTED");
    vars.put("confirmationNote", confirmation.note() == null ? "" : confirmation.note());
    runtimeService.messageEventReceived(CONFIRMATION, waiting.getId(), vars);
    return ResponseEntity.accepted().body(Map.of("caseNumber", caseNumber, "message",
        confirmation.confirmed() ? "已确认评价数据" : "已收到数据异议, 将由主管部门核实更正"));
  }

  /** An objection to the published evaluation, accepted only during the public notice period. */
  @PostMapping("/{caseNumber}/objections")
  public ResponseEntity<Map<String, Object>> object(@PathVariable String caseNumber,
      @Valid @RequestBody Objection objection) {
    ProcessInstance campaign = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(PROCESS).singleResult();
    boolean open = campaign != null && runtimeService.createEventSubscriptionQuery()
        .processInstanceId(campaign.getId()).eventType("message").eventName(OBJECTION).count() > 0;
    Object until = open ? runtimeService.getVariable(campaign.getId(), "yieldNoticeUntil") : null;
    if (!open || !(until instanceof Date d) || clock.now().after(d)) {
      return problem(HttpStatus.CONFLICT, "该评价不在公示期内, 不能提出异议");
    }
    YieldEvaluations.Evaluation e = evaluations.find(caseNumber, objection.creditCode())
        .filter(x -> YieldEvaluations.SCORED.equals(x.status())).orElse(null);
    if (e == null || !objection.contactPhone().equals(contactPhoneOf(campaign.getId(), e.creditCode()))) {
      return problem(HttpStatus.NOT_FOUND, "本次评价的公示名单中没有该企业, 或联系电话与参评名单不符");
    }
    runtimeService.createMessageCorrelation(OBJECTION)
        .processInstanceId(campaign.getId())
        .setVariableLocal("objectionCreditCode", e.creditCode())
        .setVariableLocal("objectionReason", objection.reason().trim())
        .setVariableLocal("objectionReceivedAt", clock.now())
        .correlate();
    return ResponseEntity.accepted().body(Map.of("caseNumber", caseNumber, "message",
        "异议已受理, 将在复核后答复 (复核期间公示期结束的, 评价结果待复核完毕后发布)"));
  }

  @SuppressWarnings("rawtypes")
  private String contactPhoneOf(String processInstanceId, String creditCode) {
    Object list = runtimeService.getVariableTyped(processInstanceId, YieldCampaign.ENTERPRISES);
    for (Map entry : YieldCampaign.entries(list)) {
      if (creditCode.equals(entry.get("creditCode"))) {
        return entry.get("contactPhone") == null ? null : entry.get("contactPhone").toString();
      }
    }
    return null;
  }

  private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("error", message));
  }
}
