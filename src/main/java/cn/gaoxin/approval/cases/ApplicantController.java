package cn.gaoxin.approval.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The applicant API (不见面审批): submit an application, follow it by case number, send corrected or
 * supplementary materials. A case is shown only to whoever also knows the applicant's credit code.
 */
@RestController
@RequestMapping("/api")
public class ApplicantController {

  public record MaterialsSubmission(
      @NotBlank(message = "请填写统一社会信用代码 (creditCode)") String creditCode,
      @NotNull(message = "请列出补交的材料编码 (materials)") @Size(min = 1, max = 100, message = "请列出 1 到 100 项材料") List<@NotBlank String> materials) {}

  public record Withdrawal(
      @NotBlank(message = "请填写统一社会信用代码 (creditCode)") String creditCode,
      @Size(max = 500, message = "撤回原因不能超过 500 字") String reason) {}

  private final ApplicationService applications;
  private final CaseProgressService progress;
  private final RuntimeService runtimeService;

  public ApplicantController(ApplicationService applications, CaseProgressService progress,
      RuntimeService runtimeService) {
    this.applications = applications;
    this.progress = progress;
    this.runtimeService = runtimeService;
  }

  @PostMapping("/applications")
  public ResponseEntity<Map<String, Object>> submit(@Valid @RequestBody ApplicationRequest request) {
    ApplicationService.StartedCase started = applications.submit(request);
    return ResponseEntity.created(URI.create("/api/cases/" + started.caseNumber()))
        .body(Map.of("caseNumber", started.caseNumber(), "reform", started.reform(),
            "status", CaseStatus.RECEIVED.name(), "statusText", CaseStatus.RECEIVED.label(),
            "message", "申请已提交, 请凭案件编号 " + started.caseNumber() + " 查询办理进度"));
  }

  @GetMapping("/cases/{caseNumber}")
  public ResponseEntity<?> progress(@PathVariable String caseNumber, @RequestParam(required = false) String creditCode) {
    return progress.findOwnCase(caseNumber, creditCode)
        .<ResponseEntity<?>>map(p -> ResponseEntity.ok(progress.progress(p)))
        .orElseGet(ApplicantController::notFound);
  }

  /**
   * Corrected materials after a one-time notification (the full list again), or the deferred materials of a
   * 容缺 acceptance, whichever the case is waiting for.
   */
  @PostMapping("/cases/{caseNumber}/materials")
  public ResponseEntity<?> submitMaterials(@PathVariable String caseNumber,
      @Valid @RequestBody MaterialsSubmission submission) {
    HistoricProcessInstance instance = progress.findOwnCase(caseNumber, submission.creditCode()).orElse(null);
    if (instance == null) {
      return notFound();
    }
    List<String> materials = new ArrayList<>(new LinkedHashSet<>(submission.materials()));
    for (var waiting : List.of(Map.entry("MaterialsResubmitted", CaseVariables.SUBMITTED_MATERIALS),
        Map.entry("MaterialsSupplemented", "supplementedMaterials"))) {
      boolean subscribed = runtimeService.createEventSubscriptionQuery().processInstanceId(instance.getId())
          .eventType("message").eventName(waiting.getKey()).count() > 0;
      if (subscribed) {
        runtimeService.createMessageCorrelation(waiting.getKey())
            .processInstanceId(instance.getId())
            .setVariable(waiting.getValue(), CaseVariables.json(materials))
            .correlate();
        return ResponseEntity.accepted().body(Map.of("caseNumber", caseNumber, "message", "材料已收到, 将尽快核验"));
      }
    }
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(Map.of("error", "本案件当前不需要补交材料"));
  }

  /**
   * 撤回: the applicant withdraws a case before the decision. The case ends as withdrawn (the model's
   * CaseWithdrawn event sub-process) and nothing is issued; after a decision, withdrawal is refused.
   */
  @PostMapping("/cases/{caseNumber}/withdraw")
  public ResponseEntity<?> withdraw(@PathVariable String caseNumber, @Valid @RequestBody Withdrawal withdrawal) {
    HistoricProcessInstance instance = progress.findOwnCase(caseNumber, withdrawal.creditCode()).orElse(null);
    if (instance == null) {
      return notFound();
    }
    if (instance.getEndTime() != null) {
      String status = progress.progress(instance).statusText();
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error",
          "本案件已办结" + (status == null || status.isBlank() ? "" : " (" + status + ")") + ", 不能撤回"));
    }
    Object decision = runtimeService.getVariable(instance.getId(), "decisionStatus");
    if (decision != null) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "本案件已作出决定 ("
          + CaseStatus.label(decision) + "), 决定作出后不能撤回"));
    }
    boolean withdrawable = runtimeService.createEventSubscriptionQuery().processInstanceId(instance.getId())
        .eventType("message").eventName("CaseWithdrawn").count() > 0;
    if (!withdrawable) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "本案件当前不能在网上撤回, 请联系窗口"));
    }
    runtimeService.createMessageCorrelation("CaseWithdrawn").processInstanceId(instance.getId())
        .setVariable("withdrawalReason", withdrawal.reason() == null ? "" : withdrawal.reason())
        .correlate();
    return ResponseEntity.ok(Map.of("caseNumber", caseNumber, "status", CaseStatus.WITHDRAWN.name(),
        "message", "申请已撤回"));
  }

  private static ResponseEntity<?> notFound() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(Map.of("error", "未找到该案件, 请核对案件编号和统一社会信用代码"));
  }
}
