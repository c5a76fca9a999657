package cn.gaoxin.approval.benchmark;

import cn.gaoxin.approval.audit.AuditTrailService;
import cn.gaoxin.approval.audit.CaseSearch;
import cn.gaoxin.approval.audit.ScorecardService;
import cn.gaoxin.approval.calendar.EngineClock;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Part 3: how the auditors' reads grow with the number of historic cases, on PostgreSQL.
 *
 * <p>History is generated fast from real cases: the cases the mix played through the engine (every reform with a
 * driver, every scenario) are the templates; copies of them are made with {@code INSERT … SELECT} and
 * {@code generate_series}, under new ids (the last 12 characters of every UUID-based id, the node part of the
 * engine's time-based UUIDs, replaced by a marker and the copy number, so references between rows stay consistent), new case numbers, a pool of 50,000 enterprises (credit codes)
 * and dates moved back by up to three years. Copied per case: its summary row ({@code app_case_summary}) and its
 * engine read grants ({@code act_ru_authorization}: CaseReadAccess grants departments read access to a running
 * case and removes the grants when it ends, so only copies of cases still open carry grants) up to every size; its engine history rows (every {@code act_hi_*} table and the byte arrays
 * of its variables) up to {@code bench.audit.history-cap} cases, because full history is about 40–90 kB per case
 * and a million cases of it does not fit this machine's disk. Statistics are refreshed ({@code analyze}) after each
 * step, as autovacuum would.
 *
 * <p>Measured at each size, as the auditor {@code auditor1} (authorization on) where the engine is read:
 * scorecard over all time and over the last quarter, case search by credit code, by reform and month, the first
 * page without filters with its total count, one case's trail, and a clerk's queue page (a task query whose
 * authorization check reads {@code act_ru_authorization}).
 */
final class AuditGrowthBench {

  static final int FIRMS = 50_000;
  static final String CREDIT_PREFIX = "91430300MA4";
  static final List<String> MEASURES = List.of("scorecard, all time", "scorecard, last quarter",
      "search by credit code", "search by reform + month", "first page + count", "case trail", "clerk queue page");

  record Level(int cases, int casesWithHistory, Map<String, Latencies> measures, double generationSeconds) {}

  private final BenchSettings settings;

  AuditGrowthBench(BenchSettings settings) {
    this.settings = settings;
  }

  List<Level> run(ConfigurableApplicationContext app, Collection<String> templateRoots) throws Exception {
    DataSource dataSource = app.getBean(DataSource.class);
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    List<Level> levels = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      int templates = prepareTemplates(c, templateRoots);
      List<String> historyTables = historyTables(c);
      int existing = count(c, "select count(*) from app_case_summary where top_level = true");
      int copies = 0;       // copies made so far of the whole template set (the last one may be partial)
      int cloned = 0;       // cases cloned so far
      int clonedWithHistory = 0;
      for (int size : settings.auditSizes()) {
        long t0 = System.nanoTime();
        int needed = size - existing - cloned;
        while (needed > 0) {
          int batchCopies = Math.max(1, Math.min(needed / templates, 200_000 / templates));
          int lastCount = Math.min(templates, needed - (batchCopies - 1) * templates);
          int from = copies + 1;
          int to = copies + batchCopies;
          String where = " cross join generate_series(" + from + ", " + to + ") k where (k < " + to + " or b.t <= "
              + lastCount + ")";
          int added = (batchCopies - 1) * templates + lastCount;
          boolean withHistory = cloned + added <= settings.auditHistoryCap();
          cloneSummaries(c, templates, where);
          cloneAuthorizations(c, where);
          if (withHistory) {
            for (String table : historyTables) {
              cloneHistory(c, table, templates, where);
            }
            clonedWithHistory += added;
          }
          copies = to;
          cloned += added;
          needed -= added;
        }
        try (Statement s = c.createStatement()) {
          s.execute("analyze");
        }
        double generation = (System.nanoTime() - t0) / 1e9;
        int cases = count(c, "select count(*) from app_case_summary where top_level = true");
        System.out.printf("[bench] audit: %d historic cases (%d with cloned engine history), generated in %.0f s%n",
            cases, clonedWithHistory, generation);
        levels.add(new Level(cases, existing + clonedWithHistory,
            measure(app, engine, templates, clonedWithHistory / templates), generation));
      }
    }
    return levels;
  }

  /** @param copiesWithHistory whole copies of the templates made with engine history (0: trail of a real case) */
  private Map<String, Latencies> measure(ConfigurableApplicationContext app, ProcessEngine engine, int templates,
      int copiesWithHistory) {
    ScorecardService scorecards = app.getBean(ScorecardService.class);
    CaseSearch search = app.getBean(CaseSearch.class);
    AuditTrailService trails = app.getBean(AuditTrailService.class);
    LocalDate today = app.getBean(EngineClock.class).today();
    IdentityService identity = engine.getIdentityService();
    Random random = new Random(settings.seed());
    Map<String, Latencies> results = new LinkedHashMap<>();
    MEASURES.forEach(m -> results.put(m, new Latencies()));
    String reform = mostCommonReform(app);
    LocalDate month = today.minusDays(400).withDayOfMonth(1);
    List<String> auditorGroups = groups(identity, "auditor1");
    List<String> clerkGroups = groups(identity, "market1");
    for (int r = 0; r < settings.auditRepetitions(); r++) {
      time(results, "scorecard, all time", () -> scorecards.scorecard(null, null));
      time(results, "scorecard, last quarter", () -> scorecards.scorecard(today.minusDays(91), today));
      String credit = firmCode(random.nextInt(FIRMS));
      time(results, "search by credit code", () -> search.search(criteria(null, credit, null, null), 0, 20));
      time(results, "search by reform + month", () -> search.search(
          criteria(reform, null, month, month.plusMonths(1).minusDays(1)), 0, 20));
      time(results, "first page + count", () -> search.search(criteria(null, null, null, null), 0, 20));
      String caseNumber = copiesWithHistory > 0 ? cloneCaseNumber(1 + random.nextInt(copiesWithHistory), templates,
          1 + random.nextInt(templates)) : anyCaseNumber(app);
      identity.setAuthentication("auditor1", auditorGroups);
      try {
        time(results, "case trail", () -> trails.trail(caseNumber).orElseThrow(
            () -> new IllegalStateException("no trail for " + caseNumber)));
      } finally {
        identity.clearAuthentication();
      }
      identity.setAuthentication("market1", clerkGroups);
      try {
        time(results, "clerk queue page", () -> {
          engine.getTaskService().createTaskQuery().taskCandidateGroupIn(clerkGroups).taskUnassigned()
              .orderByDueDate().asc().listPage(0, 15);
          return engine.getTaskService().createTaskQuery().taskCandidateGroupIn(clerkGroups).taskUnassigned().count();
        });
      } finally {
        identity.clearAuthentication();
      }
    }
    return results;
  }

  private static CaseSearch.Criteria criteria(String reform, String credit, LocalDate from, LocalDate to) {
    return new CaseSearch.Criteria(null, reform, credit, null, null, null, from, to, false);
  }

  private static void time(Map<String, Latencies> results, String name, Supplier<?> call) {
    long t0 = System.nanoTime();
    call.get();
    results.get(name).add(System.nanoTime() - t0);
  }

  /** The template cases (numbered 1…T): the given root instances that have a summary row with a case number. */
  private static int prepareTemplates(Connection c, Collection<String> roots) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("drop table if exists bench_template");
      s.execute("create table bench_template (t serial primary key, root_id varchar(64) not null)");
      s.execute("""
          create or replace function bench_id(v varchar, k int) returns varchar language sql immutable as $$
            select case when v is null or length(v) < 12 then v
              else overlay(v placing 'ffff' || lpad(to_hex(k), 8, '0') from length(v) - 11) end $$""");
    }
    if (roots.isEmpty()) {
      try (Statement s = c.createStatement()) {
        s.execute("insert into bench_template (root_id) select process_instance_id from app_case_summary "
            + "where top_level = true and case_number is not null order by submitted_at");
      }
    } else {
      try (var insert = c.prepareStatement("insert into bench_template (root_id) select process_instance_id "
          + "from app_case_summary where process_instance_id = ? and top_level = true and case_number is not null")) {
        for (String root : roots) {
          insert.setString(1, root);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    int templates = count(c, "select count(*) from bench_template");
    if (templates == 0) {
      throw new IllegalStateException("没有可复制的案件");
    }
    return templates;
  }

  static String cloneCaseNumberSql(int templates) {
    return "'GX-2025-' || lpad((k::bigint * " + templates + " + b.t)::text, 8, '0')";
  }

  static String cloneCaseNumber(int copy, int templates, int t) {
    return "GX-2025-" + String.format("%08d", (long) copy * templates + t);
  }

  static String firmCode(int firm) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(String.valueOf(firm).getBytes(StandardCharsets.UTF_8));
      String hex = String.format("%032x", new BigInteger(1, digest));
      return CREDIT_PREFIX + hex.substring(0, 7).toUpperCase(java.util.Locale.ROOT);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String SHIFT = " - (k % 1095) * interval '1 day'";

  private void cloneSummaries(Connection c, int templates, String where) throws SQLException {
    List<Column> columns = columns(c, "app_case_summary");
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Column col : columns) {
      names.add(col.name());
      values.add(switch (col.name()) {
        case "process_instance_id" -> "bench_id(s.process_instance_id, k)";
        case "case_number" -> cloneCaseNumberSql(templates);
        case "credit_code" -> "'" + CREDIT_PREFIX + "' || upper(substr(md5(((k::bigint * " + templates
            + " + b.t) % " + FIRMS + ")::text), 1, 7))";
        default -> col.timestamp() ? "s." + col.name() + SHIFT : "s." + col.name();
      });
    }
    execute(c, "insert into app_case_summary (" + String.join(", ", names) + ") select " + String.join(", ", values)
        + " from app_case_summary s join bench_template b on s.process_instance_id = b.root_id" + where);
  }

  private void cloneAuthorizations(Connection c, String where) throws SQLException {
    List<Column> columns = columns(c, "act_ru_authorization");
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Column col : columns) {
      names.add(col.name());
      values.add(switch (col.name()) {
        case "id_", "resource_id_", "root_proc_inst_id_" -> "bench_id(s." + col.name() + ", k)";
        default -> col.timestamp() ? "s." + col.name() + SHIFT : "s." + col.name();
      });
    }
    execute(c, "insert into act_ru_authorization (" + String.join(", ", names) + ") select "
        + String.join(", ", values) + " from act_ru_authorization s join bench_template b on s.resource_id_ = b.root_id"
        + " and s.resource_type_ = 8" + where);
  }

  /** Columns that hold ids of rows of the case (rewritten per copy); ids of definitions and people stay. */
  static final java.util.Set<String> ID_COLUMNS = java.util.Set.of("id_", "proc_inst_id_", "process_instance_id_",
      "root_proc_inst_id_", "execution_id_", "act_inst_id_", "activity_inst_id_", "parent_act_inst_id_", "task_id_",
      "parent_task_id_", "bytearray_id_", "call_proc_inst_id_", "super_process_instance_id_", "var_inst_id_",
      "job_id_", "job_exception_stack_id_", "operation_id_", "dec_inst_id_", "root_dec_inst_id_",
      "cause_incident_id_", "root_cause_incident_id_", "content_id_", "error_details_id_", "configuration_");

  private void cloneHistory(Connection c, String table, int templates, String where) throws SQLException {
    List<Column> columns = columns(c, table);
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Column col : columns) {
      names.add(col.name());
      if (ID_COLUMNS.contains(col.name()) && col.text()) {
        values.add("bench_id(s." + col.name() + ", k)");
      } else if (col.name().equals("business_key_") && table.equals("act_hi_procinst")) {
        values.add("case when s.business_key_ is null then null else " + cloneCaseNumberSql(templates) + " end");
      } else {
        values.add(col.timestamp() ? "s." + col.name() + SHIFT : "s." + col.name());
      }
    }
    execute(c, "insert into " + table + " (" + String.join(", ", names) + ") select " + String.join(", ", values)
        + " from " + table + " s join bench_template b on s.root_proc_inst_id_ = b.root_id" + where);
  }

  /** Every engine history table with rows per case (they carry the root process instance), and the byte arrays. */
  private static List<String> historyTables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
        select table_name from information_schema.columns
        where table_schema = current_schema() and column_name = 'root_proc_inst_id_'
          and (table_name like 'act\\_hi\\_%' or table_name = 'act_ge_bytearray') order by table_name""")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  record Column(String name, boolean timestamp, boolean text) {}

  private static List<Column> columns(Connection c, String table) throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "select column_name, data_type from information_schema.columns where table_schema = current_schema() "
            + "and table_name = '" + table + "' order by ordinal_position")) {
      while (rs.next()) {
        String type = rs.getString(2);
        columns.add(new Column(rs.getString(1), type.startsWith("timestamp"),
            type.contains("char") || type.equals("text")));
      }
    }
    return columns;
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static int count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String mostCommonReform(ConfigurableApplicationContext app) {
    return app.getBean(DataSource.class) == null ? null : new org.springframework.jdbc.core.JdbcTemplate(
        app.getBean(DataSource.class)).queryForObject("select process_key from app_case_summary group by process_key "
        + "order by count(*) desc fetch first 1 rows only", String.class);
  }

  private static String anyCaseNumber(ConfigurableApplicationContext app) {
    return new org.springframework.jdbc.core.JdbcTemplate(app.getBean(DataSource.class)).queryForObject(
        "select case_number from app_case_summary where top_level = true and case_number is not null "
            + "order by submitted_at fetch first 1 rows only", String.class);
  }

  private static List<String> groups(IdentityService identity, String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }
}
