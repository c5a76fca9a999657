package cn.gaoxin.approval.reforms.supervision;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.followup.FollowUpCoverage;
import cn.gaoxin.approval.reforms.supervision.ledger.RectificationLedger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only reports of the supervision reforms: the rectification ledger (整改台账) and follow-up coverage
 * (回访覆盖率). They show case numbers, departments and counts, no personal contact data.
 */
@RestController
@RequestMapping("/api/supervision")
public class SupervisionReportsController {

  /** Seed 003 (平顶山高新区纪工委): the figures the zone reports for its ledger. */
  static final String LEDGER_BENCHMARK = "平顶山高新区优化营商环境专项整治: 发现问题 42 个, 已整改落实 41 个";

  public record LedgerItem(String ledgerNumber, String caseNumber, String source, String sourceText, String title,
      String category, String department, String departmentName, Instant openedAt, Instant dueDate, String status,
      String statusText, boolean overdue, int overdueCount, int reworkCount, Instant closedAt) {}

  public record LedgerReport(int total, int open, int rectified, int closed, int overdue, double rectificationRate,
      Map<String, Integer> byDepartment, List<LedgerItem> openItems, List<LedgerItem> rectifiedItems,
      String benchmark) {}

  private final RectificationLedger ledger;
  private final FollowUpCoverage coverage;
  private final EngineClock clock;

  public SupervisionReportsController(RectificationLedger ledger, FollowUpCoverage coverage, EngineClock clock) {
    this.ledger = ledger;
    this.coverage = coverage;
    this.clock = clock;
  }

  /**
   * The ledger: open items (整改中, 待核验, 重新整改) and rectified items (销号), with counts; optionally of one source
   * ({@code OBSERVER_SUGGESTION}, {@code BAD_REVIEW}) or one department.
   */
  @GetMapping("/ledger")
  public LedgerReport ledger(@RequestParam(required = false) String source,
      @RequestParam(required = false) String department) {
    RectificationLedger.Source s = null;
    if (source != null && !source.isBlank()) {
      try {
        s = RectificationLedger.Source.valueOf(source);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("来源 source 只能是 OBSERVER_SUGGESTION (观察员意见建议) 或 BAD_REVIEW (差评)");
      }
    }
    Instant now = clock.instant();
    List<LedgerItem> items = ledger.list(s, department).stream().map(e -> new LedgerItem(e.ledgerNumber(),
        e.caseNumber(), e.source().name(), e.source().label(), e.title(), e.category(), e.department(),
        e.departmentName(), e.openedAt(), e.dueDate(), e.status().name(), e.status().label(), e.overdueAt(now),
        e.overdueCount(), e.reworkCount(), e.closedAt())).toList();
    List<LedgerItem> open = items.stream().filter(i -> !RectificationLedger.Status.valueOf(i.status()).done()).toList();
    List<LedgerItem> rectified = items.stream().filter(i -> RectificationLedger.Status.valueOf(i.status()).done()).toList();
    int closed = (int) rectified.stream().filter(i -> i.status().equals(RectificationLedger.Status.CLOSED.name())).count();
    Map<String, Integer> byDepartment = new LinkedHashMap<>();
    items.forEach(i -> byDepartment.merge(i.departmentName() == null ? i.department() : i.departmentName(), 1, Integer::sum));
    double rate = items.isEmpty() ? 0.0 : Math.round(rectified.size() * 1000.0 / items.size()) / 10.0;
    return new LedgerReport(items.size(), open.size(), rectified.size() - closed, closed,
        (int) open.stream().filter(LedgerItem::overdue).count(), rate, byDepartment, open, rectified, LEDGER_BENCHMARK);
  }

  /**
   * Follow-up coverage of the cases finished in a period (default: the current year up to today): finished cases
   * versus followed-up and evaluated cases, and the finished cases still without a follow-up.
   */
  @GetMapping("/follow-up-coverage")
  public FollowUpCoverage.Coverage followUpCoverage(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    LocalDate today = clock.today();
    return coverage.between(from == null ? today.withDayOfYear(1) : from, to == null ? today : to);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  public Map<String, String> badRequest(IllegalArgumentException e) {
    return Map.of("error", e.getMessage());
  }
}
