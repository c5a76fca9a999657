package cn.gaoxin.approval.operations;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.catalog.Department;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The state of the whole zone as gauges, read from the shared database: open and overdue tasks per department
 * (candidate group), open cases per reform, the job backlog, failed jobs, incidents and the notice outbox.
 * Refreshed every {@code approval.metrics.refresh-interval} (30 s) on each node, not on every scrape; every node
 * reports the same zone-wide figures, so dashboards take {@code max} across nodes, not {@code sum}.
 */
@Component
public class OperationsGauges {

  private static final Logger log = LoggerFactory.getLogger(OperationsGauges.class);
  static final List<String> INCIDENT_TYPES = List.of(Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE);

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final ManagementService managementService;
  private final ServiceCatalog catalog;
  private final EngineClock clock;
  private final JdbcTemplate jdbc;

  private final MultiGauge openTasks;
  private final MultiGauge overdueTasks;
  private final MultiGauge openCases;
  private final MultiGauge jobBacklog;
  private final MultiGauge failedJobs;
  private final MultiGauge incidents;
  private final MultiGauge notices;

  public OperationsGauges(ProcessEngine engine, ServiceCatalog catalog, EngineClock clock, DataSource dataSource,
      MeterRegistry registry) {
    this.taskService = engine.getTaskService();
    this.runtimeService = engine.getRuntimeService();
    this.repositoryService = engine.getRepositoryService();
    this.managementService = engine.getManagementService();
    this.catalog = catalog;
    this.clock = clock;
    this.jdbc = new JdbcTemplate(dataSource);
    openTasks = MultiGauge.builder("approval.tasks.open").description("待办任务数 (按部门/候选组)").register(registry);
    overdueTasks = MultiGauge.builder("approval.tasks.overdue").description("已超期的待办任务数 (按部门/候选组)")
        .register(registry);
    openCases = MultiGauge.builder("approval.cases.open").description("办理中的案件数 (按改革流程)").register(registry);
    jobBacklog = MultiGauge.builder("approval.jobs.backlog")
        .description("已到期、等待作业执行器执行的作业数 (message = 异步步骤, timer = 定时器)").register(registry);
    failedJobs = MultiGauge.builder("approval.jobs.failed").description("重试用尽的作业数 (每个都对应一个事件)")
        .register(registry);
    incidents = MultiGauge.builder("approval.incidents").description("未解决的事件数 (Cockpit 中可见)").register(registry);
    notices = MultiGauge.builder("approval.notices").description("通知发件箱中未发出的通知 (按状态)").register(registry);
  }

  @Scheduled(initialDelayString = "${approval.metrics.initial-delay:PT5S}",
      fixedDelayString = "${approval.metrics.refresh-interval:PT30S}")
  public void refreshScheduled() {
    try {
      refresh();
    } catch (RuntimeException e) {
      log.warn("运行指标刷新失败: {}", e.toString());
    }
  }

  /** Reads every gauge's value from the database now. */
  public Snapshot refresh() {
    Date now = clock.now();
    Map<String, Long> open = new LinkedHashMap<>();
    Map<String, Long> overdue = new LinkedHashMap<>();
    for (Department d : catalog.departments()) {
      open.put(d.id(), taskService.createTaskQuery().taskCandidateGroup(d.id()).includeAssignedTasks().active().count());
      overdue.put(d.id(), taskService.createTaskQuery().taskCandidateGroup(d.id()).includeAssignedTasks().active()
          .dueBefore(now).count());
    }
    Map<String, Long> cases = new LinkedHashMap<>();
    TreeSet<String> keys = new TreeSet<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      keys.add(definition.getKey());
    }
    for (String key : keys) {
      cases.put(key, runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count());
    }
    Map<String, Long> backlog = new LinkedHashMap<>();
    backlog.put("message", managementService.createJobQuery().executable().messages().count());
    backlog.put("timer", managementService.createJobQuery().executable().timers().count());
    long failed = managementService.createJobQuery().noRetriesLeft().count();
    Map<String, Long> incidentCounts = new LinkedHashMap<>();
    long allIncidents = runtimeService.createIncidentQuery().count();
    long known = 0;
    for (String type : INCIDENT_TYPES) {
      long n = runtimeService.createIncidentQuery().incidentType(type).count();
      incidentCounts.put(type, n);
      known += n;
    }
    incidentCounts.put("other", allIncidents - known);
    Map<String, Long> noticeCounts = new LinkedHashMap<>();
    for (String status : List.of("PENDING", "SENDING", "FAILED")) {
      noticeCounts.put(status, 0L);
    }
    jdbc.query("select status, count(*) from app_notice where status <> 'SENT' group by status",
        rs -> { noticeCounts.put(rs.getString(1), rs.getLong(2)); });

    openTasks.register(rows("department", open), true);
    overdueTasks.register(rows("department", overdue), true);
    openCases.register(rows("reform", cases), true);
    jobBacklog.register(rows("kind", backlog), true);
    failedJobs.register(List.of(MultiGauge.Row.of(Tags.empty(), failed)), true);
    incidents.register(rows("type", incidentCounts), true);
    notices.register(rows("status", noticeCounts), true);
    return new Snapshot(open, overdue, cases, backlog, failed, incidentCounts, allIncidents, noticeCounts);
  }

  private static List<MultiGauge.Row<?>> rows(String tag, Map<String, Long> values) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    values.forEach((k, v) -> rows.add(MultiGauge.Row.of(Tags.of(tag, k), v)));
    return rows;
  }

  /** What one refresh read, for tests and the operations log. */
  public record Snapshot(Map<String, Long> openTasks, Map<String, Long> overdueTasks, Map<String, Long> openCases,
      Map<String, Long> jobBacklog, long failedJobs, Map<String, Long> incidentsByType, long incidents,
      Map<String, Long> notices) {}
}
