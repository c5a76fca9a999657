package cn.gaoxin.approval.audit;

import static cn.gaoxin.approval.audit.AuditScenarioSupport.FOOD;
import static cn.gaoxin.approval.audit.AuditScenarioSupport.planned;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.audit.simulation.DemoHistory;
import cn.gaoxin.approval.support.BrowserHarness;
import cn.gaoxin.approval.support.Http;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The auditors' pages in a real browser: headless Chromium (Debian's, {@code /usr/bin/chromium} or {@code CHROMIUM})
 * driven by playwright-core from {@code src/test/browser} (installed with {@code npm ci} on first run). Skipped, with
 * the reason printed, where node or Chromium is missing. Screenshots: {@code target/browser-screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditBrowserTest {

  static final Path SHOTS = BrowserHarness.SHOTS;
  /** Stored as the applicant's name: must show as text in the search table and the trail, and never run. */
  static final String HOSTILE = "<img src=x onerror=\"window.__xss=1;alert(1)\"><script>window.__xss=2</script>"
      + "=cmd|' /C calc'!A0 湘潭\"测试\"有限公司";

  @LocalServerPort int port;
  @Autowired DemoHistory demo;
  @Autowired CaseSummaryStore summaries;
  @Autowired ProcessEngine engine;

  @Test
  void anAuditorFindsACaseAndSeesItsPathOnTheDiagram() throws Exception {
    ProcessEngines.registerProcessEngine(engine); // see AuditApiTest: the webapps find the engine by name
    String chromium = BrowserHarness.chromiumOrSkip();

    String code = AuditScenarioSupport.creditCode(31);
    AuditScenarioSupport.play(demo, List.of(planned("APPROVED_LATE", LocalDateTime.of(2026, 3, 2, 9, 30), "ONLINE",
        HOSTILE, code, FOOD, Map.of("reviewDays", 7))));
    String caseNumber = summaries.jdbc().queryForObject(
        "select case_number from app_case_summary where credit_code = ? and process_key = ?", String.class, code,
        "incomplete-materials-acceptance");

    int exit = BrowserHarness.runScript("audit-trail.js", Map.of("BASE_URL", "http://localhost:" + port,
        "CASE_NUMBER", caseNumber, "SCREENSHOT_DIR", SHOTS.toAbsolutePath().toString(), "HOSTILE_TEXT", HOSTILE,
        "CHROMIUM", chromium), 240);
    assertThat(exit).as("浏览器测试 (输出见上)").isZero();
    assertThat(SHOTS.resolve("audit-trail.png")).exists();
    assertThat(Files.size(SHOTS.resolve("audit-trail.png"))).isGreaterThan(10_000);
  }

  /** Tasklist with the same hostile applicant name: shown as text in the task list and the Camunda Form, never run. */
  @Test
  void aWindowClerkSeesAHostileApplicantNameAsTextInTasklist() throws Exception {
    ProcessEngines.registerProcessEngine(engine);
    String chromium = BrowserHarness.chromiumOrSkip();
    Http http = new Http(port);
    HttpResponse<String> submitted = http.json("POST", "/api/applications", null, """
        {"itemCode":"SCJG-SPJY-001","applicant":{"name":%s,"creditCode":"%s","contactName":"张三",
         "contactPhone":"13812345678"},"materials":["APPLICATION","BUSINESS_LICENCE","LEGAL_REP_ID"],
         "supplementCommitment":true}""".formatted(new ObjectMapper().writeValueAsString(HOSTILE),
        AuditScenarioSupport.creditCode(32)));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    String caseNumber = new ObjectMapper().readTree(submitted.body()).get("caseNumber").asText();
    String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult()
        .getId();
    int exit = BrowserHarness.runScript("tasklist-form.js", Map.of("BASE_URL", "http://localhost:" + port, "TASK_ID",
        taskId, "SCREENSHOT_DIR", SHOTS.toAbsolutePath().toString(), "HOSTILE_TEXT", HOSTILE, "CHROMIUM", chromium),
        240);
    assertThat(exit).as("Tasklist 浏览器测试 (输出见上)").isZero();
    assertThat(SHOTS.resolve("tasklist-form.png")).exists();
  }
}
