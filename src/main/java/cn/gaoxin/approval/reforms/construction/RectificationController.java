package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.cases.CaseProgressService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Applicant API: report that a rectification is done (整改完成报告), online, so the failed acceptance items (or the
 * video inspection) are accepted again. Like every case API, only with the applicant's credit code.
 */
@RestController
public class RectificationController {

  public record RectificationReport(
      @NotBlank(message = "请填写统一社会信用代码 (creditCode)") String creditCode,
      @Size(max = 40, message = "事项编码过长") String itemCode,
      @Size(max = 1000, message = "整改说明不能超过 1000 字") String note) {}

  private final CaseProgressService progress;
  private final RectificationReports reports;

  public RectificationController(CaseProgressService progress, RectificationReports reports) {
    this.progress = progress;
    this.reports = reports;
  }

  @PostMapping("/api/cases/{caseNumber}/rectifications")
  public ResponseEntity<Map<String, Object>> report(@PathVariable String caseNumber,
      @Valid @RequestBody RectificationReport report) {
    if (progress.findOwnCase(caseNumber, report.creditCode()).isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(Map.of("error", "未找到该案件, 请核对案件编号和统一社会信用代码"));
    }
    Map<String, Object> variables = new HashMap<>();
    if (report.note() != null && !report.note().isBlank()) {
      variables.put("rectificationReport", report.note().trim());
    }
    String itemCode = report.itemCode() == null || report.itemCode().isBlank() ? null : report.itemCode().trim();
    return reports.report(caseNumber, itemCode, variables)
        .<ResponseEntity<Map<String, Object>>>map(d -> ResponseEntity.accepted().body(Map.of("caseNumber", caseNumber,
            "message", "整改报告已收到, 将尽快重新"
            + (RectificationReports.ACCEPTANCE_ITEM.equals(d.message()) ? "验收整改的事项" : "勘验"))))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT)
            .body(Map.of("error", itemCode == null ? "本案件当前没有等待整改报告的验收或勘验" : "该事项当前不需要整改报告")));
  }
}
