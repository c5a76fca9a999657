package cn.gaoxin.approval.audit;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.catalog.Department;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import jakarta.servlet.http.HttpServletRequest;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The auditors' read-only API (GET only; the security chain refuses every other method): case search, a case's
 * audit trail and diagram, the reform scorecard, and CSV exports of all three.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

  static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** One search result, with the labels the page shows. */
  public record CaseRow(String caseNumber, String processInstanceId, String reform, String reformName,
      String itemCode, String itemName, String department, String departmentName, String applicantName,
      String creditCode, String channel, String status, String statusLabel, Instant submittedAt, Instant decidedAt,
      Instant endedAt, String endState, Integer daysToDecision, Integer promisedDays, Boolean onTime,
      boolean tolerantAcceptance, int supervisionEvents) {}

  public record SearchResult(long total, int page, int size, List<CaseRow> rows) {}

  public record Option(String value, String label) {}

  private final CaseSearch search;
  private final AuditTrailService trails;
  private final ScorecardService scorecards;
  private final ServiceCatalog catalog;
  private final RepositoryService repositoryService;
  private final EngineClock clock;

  public AuditController(CaseSearch search, AuditTrailService trails, ScorecardService scorecards,
      ServiceCatalog catalog, ProcessEngine engine, EngineClock clock) {
    this.search = search;
    this.trails = trails;
    this.scorecards = scorecards;
    this.catalog = catalog;
    this.repositoryService = engine.getRepositoryService();
    this.clock = clock;
  }

  /** Who is logged in, and the CSRF token the logout form needs. */
  @GetMapping("/me")
  public Map<String, Object> me(Authentication auth, HttpServletRequest request) {
    Map<String, Object> me = new LinkedHashMap<>();
    me.put("userId", auth.getName());
    me.put("name", auth.getDetails() instanceof String s ? s : auth.getName());
    me.put("groups", auth.getAuthorities().stream().map(a -> a.getAuthority())
        .filter(a -> a.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX))
        .map(a -> a.substring(CamundaIdentityAuthenticationProvider.GROUP_PREFIX.length())).toList());
    if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
      me.put("csrf", Map.of("parameterName", csrf.getParameterName(), "headerName", csrf.getHeaderName(),
          "token", csrf.getToken()));
    }
    return me;
  }

  /** Choices for the search filters: deployed reforms, departments, case statuses. */
  @GetMapping("/options")
  public Map<String, List<Option>> options() {
    List<Option> reforms = reformNames().entrySet().stream().map(e -> new Option(e.getKey(), e.getValue())).toList();
    List<Option> departments = catalog.departments().stream().map(d -> new Option(d.id(), d.name())).toList();
    List<Option> statuses = Arrays.stream(CaseStatus.values()).map(s -> new Option(s.name(), s.label())).toList();
    return Map.of("reforms", reforms, "departments", departments, "statuses", statuses);
  }

  @GetMapping("/cases")
  public SearchResult cases(@RequestParam(required = false) String caseNumber,
      @RequestParam(required = false) String reform, @RequestParam(required = false) String creditCode,
      @RequestParam(required = false) String applicant, @RequestParam(required = false) String department,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    CaseSearch.Criteria criteria = new CaseSearch.Criteria(caseNumber, reform, creditCode, applicant, department,
        status, from, to, false);
    CaseSearch.Page result = search.search(criteria, page, size);
    Map<String, String> names = reformNames();
    return new SearchResult(result.total(), result.page(), result.size(),
        result.rows().stream().map(s -> row(s, names)).toList());
  }

  @GetMapping("/cases.csv")
  public ResponseEntity<byte[]> casesCsv(@RequestParam(required = false) String caseNumber,
      @RequestParam(required = false) String reform, @RequestParam(required = false) String creditCode,
      @RequestParam(required = false) String applicant, @RequestParam(required = false) String department,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    CaseSearch.Criteria criteria = new CaseSearch.Criteria(caseNumber, reform, creditCode, applicant, department,
        status, from, to, false);
    Map<String, String> names = reformNames();
    List<CaseRow> rows = new ArrayList<>();
    search.forEach(criteria, s -> rows.add(row(s, names)));
    return csv("案件查询-" + clock.today() + ".csv", out -> {
      try (Csv csv = new Csv(out)) {
        csv.row("案件编号", "改革事项 (流程)", "申请事项", "主管部门", "申请人", "统一社会信用代码", "申请渠道", "案件状态",
            "提交时间", "决定时间", "办结时间", "申请至决定 (工作日)", "承诺时限 (工作日)", "是否按时", "容缺受理", "督办次数");
        for (CaseRow r : rows) {
          csv.row(r.caseNumber(), r.reformName(), r.itemName(), r.departmentName(), r.applicantName(), r.creditCode(),
              channelLabel(r.channel()), r.statusLabel(), time(r.submittedAt()), time(r.decidedAt()),
              time(r.endedAt()), r.daysToDecision(), r.promisedDays(), yesNo(r.onTime()),
              r.tolerantAcceptance() ? "是" : "否", r.supervisionEvents());
        }
      }
    });
  }

  @GetMapping("/cases/{caseNumber}/trail")
  public ResponseEntity<?> trail(@PathVariable String caseNumber) {
    return trails.trail(caseNumber).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(AuditController::notFound);
  }

  @GetMapping("/cases/{caseNumber}/diagram")
  public ResponseEntity<?> diagram(@PathVariable String caseNumber) {
    return trails.diagram(caseNumber).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(AuditController::notFound);
  }

  @GetMapping("/cases/{caseNumber}/trail.csv")
  public ResponseEntity<?> trailCsv(@PathVariable String caseNumber) {
    CaseTrail trail = trails.trail(caseNumber).orElse(null);
    if (trail == null) {
      return notFound();
    }
    return csv("审计轨迹-" + trail.header().caseNumber() + ".csv", out -> {
      try (Csv csv = new Csv(out)) {
        CaseTrail.Header h = trail.header();
        csv.row("案件编号", h.caseNumber(), "改革事项 (流程)", h.reformName(), "申请事项", h.itemName());
        csv.row("申请人", h.applicantName(), "统一社会信用代码", h.creditCode(), "案件状态", h.caseStatusLabel());
        csv.row("申请至决定 (工作日)", h.daysToDecision(), "承诺时限 (工作日)", h.promisedDays(), "是否按时",
            yesNo(h.onTime()));
        csv.row();
        csv.row("记录", "时间", "环节", "类型", "办理人", "办理人姓名", "所在部门", "候选部门", "办理期限", "用时 (工作日)",
            "时限 (工作日)", "是否超期", "结果", "理由", "明细");
        for (CaseTrail.Step s : trail.steps()) {
          csv.row("环节", time(s.startedAt()), s.name(), s.typeLabel(), s.userId(), s.userName(),
              String.join("、", s.userDepartments()), String.join("、", s.candidateGroups()), time(s.dueAt()),
              s.workingDaysUsed(), s.workingDaysAllowed(), s.dueAt() == null ? null : s.overdue() ? "超期" : "未超期",
              s.outcomeLabel(), s.reason(), s.endedAt() == null ? "办理中" : "结束于 " + time(s.endedAt()));
          for (CaseTrail.CommentEntry c : s.comments()) {
            csv.row("意见", time(c.time()), s.name(), "", c.userId(), "", "", "", "", null, null, "", "", c.message(), "");
          }
        }
        for (CaseTrail.Operation o : trail.operations()) {
          csv.row("操作", time(o.time()), o.step(), o.typeLabel(), o.userId(), o.userName(), "", "", "", null, null,
              "", o.property(), o.from(), o.to());
        }
        for (CaseTrail.VariableChange v : trail.variableChanges()) {
          csv.row("变量", time(v.time()), v.step(), v.type(), "", "", "", "", "", null, null, "", v.name(), "",
              v.value());
        }
        for (CaseTrail.NoticeEntry n : trail.notices()) {
          csv.row("通知", time(n.createdAt()), n.subject(), n.type(), n.recipient(), "", "", "", "", null, null, "",
              n.status(), "", n.body());
        }
        for (CaseTrail.LicenceEntry l : trail.licences()) {
          csv.row("证照", time(l.issuedAt()), l.title(), l.status(), "", "", "", "", l.validUntil(), null, null, "",
              l.number(), l.statusReason(), "");
        }
      }
    });
  }

  @GetMapping("/scorecard")
  public Scorecard scorecard(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return scorecards.scorecard(from, to);
  }

  @GetMapping("/scorecard.csv")
  public ResponseEntity<byte[]> scorecardCsv(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    Scorecard card = scorecards.scorecard(from, to);
    return csv("改革成效-" + clock.today() + ".csv", out -> {
      try (Csv csv = new Csv(out)) {
        csv.row("改革事项 (流程)", "流程标识", "申请事项", "事项编码", "案件数", "已决定", "准予", "不予", "撤回", "办理中",
            "申请至决定中位数 (工作日)", "申请至决定 90% 分位 (工作日)", "按承诺时限办结率", "人均到场次数", "最多跑一次比例",
            "件均材料数", "容缺受理件数", "督办次数", "被督办案件", "办结案件", "已回访", "回访覆盖率", "已评价", "满意率",
            "平均评分", "改革前材料数", "改革前天数", "材料压减 (%)", "时间压缩 (%)", "报告所称成效");
        for (Scorecard.Reform r : card.reforms()) {
          csv.row(figures(r.name(), r.key(), "全部事项", "", r.figures(), null));
          for (Scorecard.Item i : r.items()) {
            csv.row(figures(r.name(), r.key(), i.name(), i.code(), i.figures(), i.baseline()));
          }
        }
      }
    });
  }

  private static List<Object> figures(String reformName, String key, String item, String code, Scorecard.Figures f,
      Scorecard.Baseline b) {
    List<Object> cells = new ArrayList<>(List.of(reformName, key, item, code == null ? "" : code));
    cells.addAll(Arrays.asList(f.cases(), f.decided(), f.approved(), f.rejected(), f.withdrawn(), f.open(),
        f.medianDays(), f.p90Days(), f.onTimeRate(), f.visitsPerCase(), f.atMostOneVisitRate(), f.materialsPerCase(),
        f.tolerantCases(), f.supervisionEvents(), f.supervisedCases(), f.completed(), f.followedUp(),
        f.followUpCoverage(), f.rated(), f.satisfactionRate(), f.averageScore()));
    cells.addAll(b == null ? Arrays.asList(null, null, null, null, null)
        : Arrays.asList(b.materials(), b.days(), b.materialsReduction(), b.daysReduction(), b.claim()));
    return cells;
  }

  private CaseRow row(CaseSummary s, Map<String, String> reformNames) {
    return new CaseRow(s.caseNumber(), s.processInstanceId(), s.processKey(),
        reformNames.getOrDefault(s.processKey(), s.processKey()), s.itemCode(), s.itemName(), s.department(),
        s.department() == null ? null : catalog.department(s.department()).map(Department::name).orElse(s.department()),
        s.applicantName(), s.creditCode(), s.channel(), s.caseStatus(), CaseStatus.label(s.caseStatus()),
        s.submittedAt(), s.decidedAt(), s.endedAt(), s.endState(), s.daysToDecision(), s.promisedDays(), s.onTime(),
        s.tolerantAcceptance(), s.supervisionEvents());
  }

  private Map<String, String> reformNames() {
    Map<String, String> names = new LinkedHashMap<>();
    repositoryService.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list()
        .forEach((ProcessDefinition d) -> names.put(d.getKey(), d.getName() == null ? d.getKey() : d.getName()));
    return names;
  }

  private String time(Instant instant) {
    return instant == null ? "" : CSV_TIME.format(instant.atZone(clock.zone()));
  }

  private static String yesNo(Boolean value) {
    return value == null ? "" : value ? "是" : "否";
  }

  static String channelLabel(String channel) {
    if (channel == null) {
      return "";
    }
    return switch (channel) {
      case "ONLINE" -> "网上申请";
      case "COUNTER" -> "窗口申请";
      case "MOBILE" -> "掌上办";
      case "POST" -> "邮寄";
      default -> channel;
    };
  }

  private static ResponseEntity<byte[]> csv(String filename,
      java.util.function.Consumer<OutputStream> writer) {
    var bytes = new java.io.ByteArrayOutputStream();
    writer.accept(bytes);
    String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"; filename*=UTF-8''" + encoded)
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(bytes.toByteArray());
  }

  private static ResponseEntity<?> notFound() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "未找到该案件, 请核对案件编号"));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  public ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest().body(Map.of("error", "参数 " + e.getName() + " 的格式不对"
        + (e.getRequiredType() == LocalDate.class ? " (日期格式应为 yyyy-MM-dd)" : "")));
  }
}
