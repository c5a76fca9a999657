package cn.gaoxin.approval.audit;

import cn.gaoxin.approval.calendar.EngineClock;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Case search over the summary table: every filter is an indexed column (case number, reform, credit code,
 * department, status, submission date); results newest first, paged. The applicant-name filter ("contains") is the
 * one unindexed filter and is meant to be combined with others on very large histories.
 */
@Component
public class CaseSearch {

  public static final int MAX_PAGE_SIZE = 200;
  /** The most rows one CSV export writes. */
  public static final int MAX_EXPORT = 100_000;

  /** Filters; null or blank means "any". Dates are calendar days in the zone of the calendar, both inclusive. */
  public record Criteria(String caseNumber, String reform, String creditCode, String applicant, String department,
      String status, LocalDate from, LocalDate to, boolean includeSubCases) {

    public Criteria {
      caseNumber = trim(caseNumber);
      reform = trim(reform);
      creditCode = trim(creditCode);
      applicant = trim(applicant);
      department = trim(department);
      status = trim(status);
      if (from != null && to != null && to.isBefore(from)) {
        throw new IllegalArgumentException("结束日期不能早于开始日期");
      }
    }

    private static String trim(String value) {
      return value == null || value.isBlank() ? null : value.trim();
    }
  }

  public record Page(long total, int page, int size, List<CaseSummary> rows) {}

  private final CaseSummaryStore store;
  private final EngineClock clock;

  public CaseSearch(CaseSummaryStore store, EngineClock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Page search(Criteria criteria, int page, int size) {
    if (page < 0) {
      throw new IllegalArgumentException("页码不能为负数");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("每页条数应在 1 到 " + MAX_PAGE_SIZE + " 之间");
    }
    List<Object> args = new ArrayList<>();
    String where = where(criteria, args);
    Long total = store.jdbc().queryForObject("select count(*) from app_case_summary" + where, Long.class,
        args.toArray());
    List<Object> pageArgs = new ArrayList<>(args);
    pageArgs.add((long) page * size);
    pageArgs.add(size);
    List<CaseSummary> rows = store.jdbc().query("select " + CaseSummaryStore.COLUMNS + " from app_case_summary"
        + where + " order by submitted_at desc, process_instance_id offset ? rows fetch next ? rows only",
        CaseSummaryStore.ROW, pageArgs.toArray());
    return new Page(total == null ? 0 : total, page, size, rows);
  }

  /** Streams every match (up to {@link #MAX_EXPORT}) in search order, without holding them all in memory. */
  public void forEach(Criteria criteria, Consumer<CaseSummary> consumer) {
    List<Object> args = new ArrayList<>();
    String where = where(criteria, args);
    args.add(MAX_EXPORT);
    store.jdbc().query("select " + CaseSummaryStore.COLUMNS + " from app_case_summary" + where
            + " order by submitted_at desc, process_instance_id fetch first ? rows only",
        rs -> {
          consumer.accept(CaseSummaryStore.ROW.mapRow(rs, 0));
        }, args.toArray());
  }

  private String where(Criteria c, List<Object> args) {
    StringBuilder sql = new StringBuilder(" where 1 = 1");
    if (!c.includeSubCases()) {
      sql.append(" and top_level = true");
    }
    if (c.caseNumber() != null) {
      sql.append(" and case_number = ?");
      args.add(c.caseNumber().toUpperCase(java.util.Locale.ROOT));
    }
    if (c.reform() != null) {
      sql.append(" and process_key = ?");
      args.add(c.reform());
    }
    if (c.creditCode() != null) {
      sql.append(" and credit_code = ?");
      args.add(c.creditCode().toUpperCase(java.util.Locale.ROOT));
    }
    if (c.applicant() != null) {
      sql.append(" and applicant_name like ? escape '\\'");
      args.add("%" + c.applicant().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    if (c.department() != null) {
      sql.append(" and department = ?");
      args.add(c.department());
    }
    if (c.status() != null) {
      sql.append(" and case_status = ?");
      args.add(c.status());
    }
    if (c.from() != null) {
      sql.append(" and submitted_at >= ?");
      args.add(Timestamp.from(c.from().atStartOfDay(clock.zone()).toInstant()));
    }
    if (c.to() != null) {
      sql.append(" and submitted_at < ?");
      args.add(Timestamp.from(c.to().plusDays(1).atStartOfDay(clock.zone()).toInstant()));
    }
    return sql.toString();
  }
}
