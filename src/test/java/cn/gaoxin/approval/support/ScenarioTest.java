package cn.gaoxin.approval.support;

import cn.gaoxin.approval.cases.ApplicationRequest;
import cn.gaoxin.approval.cases.ApplicationService;
import cn.gaoxin.approval.notices.Notice;
import cn.gaoxin.approval.notices.NoticeOutbox;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the scenario tests: one shared Spring context on in-memory H2 with the job executor off, the engine
 * clock under the test's control (Asia/Shanghai local times), and helpers that act as applicant and clerk.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ScenarioTest {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** A valid unified social credit code (check character per GB 32100). */
  public static final String CREDIT_CODE = "91350100M000100Y43";
  public static final String PHONE = "13812345678";

  @Autowired protected ProcessEngine engine;
  @Autowired protected ApplicationService applications;
  @Autowired protected NoticeOutbox outbox;
  @Autowired private TestRestTemplate http;
  @LocalServerPort private int port;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Moves the engine clock to a local time in Shanghai. */
  protected void clockAt(LocalDateTime shanghaiTime) {
    ClockUtil.setCurrentTime(Date.from(shanghaiTime.atZone(SHANGHAI).toInstant()));
  }

  protected static Date endOfDay(LocalDate day) {
    return Date.from(day.atTime(23, 59, 59).atZone(SHANGHAI).toInstant());
  }

  /** Submits an online application and returns the started process instance. */
  protected ProcessInstance apply(String itemCode, List<String> materials, boolean commitment) {
    return apply(itemCode, null, materials, commitment, Map.of());
  }

  protected ProcessInstance apply(String itemCode, String reform, List<String> materials, boolean commitment,
      Map<String, Object> details) {
    var started = applications.submit(new ApplicationRequest(itemCode, reform,
        new ApplicationRequest.Applicant("湘潭三益智宅家居有限公司", CREDIT_CODE, "张三", PHONE), materials, commitment,
        details));
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(started.processInstanceId())
        .singleResult();
  }

  protected Task task(ProcessInstance pi, String taskDefinitionKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(taskDefinitionKey).singleResult();
  }

  /** Completes the one open task of that key as a clerk would (claim, then complete with the form's values). */
  protected void completeAs(String userId, ProcessInstance pi, String taskDefinitionKey, Map<String, Object> vars) {
    Task task = task(pi, taskDefinitionKey);
    if (task == null) {
      throw new AssertionError("没有待办任务 " + taskDefinitionKey);
    }
    engine.getTaskService().claim(task.getId(), userId);
    engine.getTaskService().complete(task.getId(), vars);
  }

  /** Fires the timer of a timer event (by its BPMN id) after moving the clock past its due date. */
  protected void fireTimer(ProcessInstance pi, String timerEventId) {
    Job job = timer(pi, timerEventId);
    if (job == null) {
      throw new AssertionError("没有定时器 " + timerEventId);
    }
    ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
    engine.getManagementService().executeJob(job.getId());
  }

  /**
   * Executes the case's pending async continuations (not timers) as the job executor would, until none is left;
   * returns how many ran. Steps that reach outside the engine are async (asyncBefore) with retries.
   */
  protected int runJobs(ProcessInstance pi) {
    int ran = 0;
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable()
          .messages().list();
      if (jobs.isEmpty()) {
        return ran;
      }
      for (Job job : jobs) {
        engine.getManagementService().executeJob(job.getId());
        ran++;
      }
    }
    throw new AssertionError("异步作业未能执行完毕 (可能有循环)");
  }

  protected Job timer(ProcessInstance pi, String timerEventId) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(timerEventId)
        .timers().singleResult();
  }

  protected void correlate(ProcessInstance pi, String message, Map<String, Object> vars) {
    engine.getRuntimeService().createMessageCorrelation(message).processInstanceId(pi.getId())
        .setVariables(vars).correlate();
  }

  protected Object variable(ProcessInstance pi, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(name).list().stream()
        .filter(v -> pi.getId().equals(v.getActivityInstanceId()))
        .map(v -> v.getValue()).findFirst().orElse(null);
  }

  protected List<Notice> notices(ProcessInstance pi) {
    return outbox.forCase(pi.getBusinessKey());
  }

  protected List<String> noticeTypes(ProcessInstance pi) {
    return notices(pi).stream().map(Notice::type).toList();
  }

  /** The case's open tasks in a department's queue (candidate group), as its clerks would find them. */
  protected List<Task> queueOf(ProcessInstance pi, String group) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup(group).list();
  }

  /** HTTP calls as the applicant (applicant API) and as clerks (engine REST), against this test's server. */
  protected RestClients rest() {
    return new RestClients(http, port);
  }

  /** What the applicant sees: {@code GET /api/cases/{caseNumber}} with the credit code the tests apply with. */
  protected Map<String, Object> progressOf(ProcessInstance pi) {
    var response = rest().progress(pi.getBusinessKey(), CREDIT_CODE);
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new AssertionError("查询办理进度失败: " + response);
    }
    return response.getBody();
  }
}
