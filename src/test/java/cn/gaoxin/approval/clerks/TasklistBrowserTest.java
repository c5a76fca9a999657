package cn.gaoxin.approval.clerks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.support.BrowserHarness;
import cn.gaoxin.approval.support.RestClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The clerks' Tasklist in a real browser ({@link BrowserHarness}, script {@code src/test/browser/tasklist-clerk.js}):
 * an applicant submits a 容缺 case online (a deferrable material missing, with the written commitment); window1
 * works 窗口核验材料 in the Chinese Tasklist; market1 then finds 部门审查并决定 in 本部门待办 and health1 does not.
 * Skipped, with the reason printed, where node or Chromium is missing. Screenshots: {@code target/browser-screenshots/}
 * (tasklist-*.png; tasklist-failure-*.png and .html of every open page when a step fails).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistBrowserTest {

  static final Path SHOTS = BrowserHarness.SHOTS;
  /** 食品经营许可: the three core materials; the deferrable ones (经营场所使用证明 …) follow on the commitment. */
  static final List<String> CORE_ONLY = List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID");

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;
  @Autowired ProcessEngine engine;

  @Test
  void aWindowClerkAcceptsACaseOnCommitmentAndOnlyTheReviewingDepartmentSeesTheNextTask() throws Exception {
    ProcessEngines.registerProcessEngine(engine); // the webapps find the engine by name (see AuditApiTest)
    String chromium = BrowserHarness.chromiumOrSkip();
    RestClients rest = new RestClients(anonymous, port);
    String caseNumber = rest.submitFoodLicence(CORE_ONLY, true);

    int exit = BrowserHarness.runScript("tasklist-clerk.js", Map.of("BASE_URL", "http://localhost:" + port,
        "CASE_NUMBER", caseNumber, "SCREENSHOT_DIR", SHOTS.toAbsolutePath().toString(), "CHROMIUM", chromium), 300);

    assertThat(exit).as("浏览器测试 (输出见上; 失败截图见 " + SHOTS + ")").isZero();
    HistoricTaskInstance verified = engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_VerifyMaterials").singleResult();
    assertThat(verified.getAssignee()).as("claimed and completed in the browser").isEqualTo("window1");
    assertThat(verified.getEndTime()).isNotNull();
    Task review = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewApplication");
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("market-regulation");
    assertThat(rest.progress(caseNumber, RestClients.CREDIT_CODE).getBody())
        .containsEntry("status", "ACCEPTED_ON_COMMITMENT");
    for (String shot : List.of("tasklist-window-form.png", "tasklist-clerk.png", "tasklist-other-department.png")) {
      assertThat(SHOTS.resolve(shot)).exists();
      assertThat(Files.size(SHOTS.resolve(shot))).as(shot).isGreaterThan(10_000);
    }
  }
}
