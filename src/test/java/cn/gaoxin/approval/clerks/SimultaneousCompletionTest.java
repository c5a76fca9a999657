package cn.gaoxin.approval.clerks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.support.Http;
import cn.gaoxin.approval.support.RestClients;
import cn.gaoxin.approval.support.WebappSession;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two submissions of the same task at the same moment (a double click, two clerks, two nodes): exactly one takes
 * effect; the other is told so with 409 and a Chinese message rather than a server error, and the case moves on once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SimultaneousCompletionTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;
  @Autowired ProcessEngine engine;

  @BeforeEach
  void deployProbe() {
    HeldCompletion.reset();
    WebappSession.pointWebappsAt(engine);
    BpmnModelInstance model = Bpmn.createExecutableProcess("simultaneous-completion-probe").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Review").camundaCandidateGroups("window-clerks")
        .camundaTaskListenerClass("complete", HeldCompletion.class)
        .serviceTask("Task_After").camundaExpression("${execution.setVariable('afterCount', "
            + "(execution.getVariable('afterCount') == null ? 0 : execution.getVariable('afterCount')) + 1)}")
        .userTask("Task_Next").camundaCandidateGroups("window-clerks").endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("simultaneous-completion-probe.bpmn", model)
        .enableDuplicateFiltering(false).deploy();
  }

  @Test
  void theSecondOfTwoSimultaneousCompletionsGetsAConflictAndTheCaseMovesOnOnce() throws Exception {
    String pi = engine.getRuntimeService().startProcessInstanceByKey("simultaneous-completion-probe", "SC-1").getId();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();
    RestClients rest = new RestClients(anonymous, port);
    ResponseEntity<String> claimed = rest.claim("window1", task);
    assertThat(claimed.getStatusCode().value()).as(String.valueOf(claimed.getBody())).isEqualTo(204);

    // the first submission is held inside its transaction; the second runs to the end meanwhile
    CompletableFuture<ResponseEntity<String>> first =
        CompletableFuture.supplyAsync(() -> rest.complete("window1", task, Map.of("opinion", "first")));
    assertThat(HeldCompletion.entered.await(30, TimeUnit.SECONDS)).isTrue();
    ResponseEntity<String> second = rest.complete("window1", task, Map.of("opinion", "second"));
    HeldCompletion.release.countDown();
    ResponseEntity<String> firstResponse = first.get(30, TimeUnit.SECONDS);

    assertThat(second.getStatusCode().value()).isEqualTo(204);
    assertThat(firstResponse.getStatusCode().value()).isEqualTo(409);
    assertThat(firstResponse.getBody()).contains("已被他人处理").doesNotContain("Exception while");
    assertThat(engine.getRuntimeService().getVariable(pi, "afterCount")).isEqualTo(1L);
    assertThat(engine.getRuntimeService().getVariable(pi, "opinion")).isEqualTo("second");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Next");
    engine.getRuntimeService().deleteProcessInstance(pi, "test");

    // every other failure is answered as the engine REST API always did
    ResponseEntity<String> unknown = rest.complete("window1", "no-such-task", Map.of());
    assertThat(unknown.getStatusCode().value()).isNotEqualTo(409).isGreaterThanOrEqualTo(400);
    assertThat(unknown.getBody()).contains("\"type\"").doesNotContain("已被他人处理");
  }

  @Test
  void inTasklistTheClerkWhoseSubmissionLostSeesTheChineseMessage() throws Exception {
    String pi = engine.getRuntimeService().startProcessInstanceByKey("simultaneous-completion-probe", "SC-2").getId();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();
    Http http = new Http(port);
    WebappSession first = WebappSession.open(http, Map.of());
    WebappSession second = WebappSession.open(http, Map.of());
    assertThat(first.login("window1").statusCode()).isEqualTo(200);
    assertThat(second.login("window2").statusCode()).isEqualTo(200);
    String api = "/camunda/api/engine/engine/default/task/" + task;
    // Tasklist's own calls: claim, then submit the form (POST …/submit-form with the form's variables)
    HttpResponse<String> claimed = first.json("POST", api + "/claim", "{\"userId\":\"window1\"}");
    assertThat(claimed.statusCode()).as(claimed.body() + claimed.headers().map()).isEqualTo(204);

    CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(() -> first.json("POST",
        api + "/submit-form", "{\"variables\":{\"opinion\":{\"value\":\"first\",\"type\":\"String\"}}}"));
    assertThat(HeldCompletion.entered.await(30, TimeUnit.SECONDS)).isTrue();
    // meanwhile the same clerk's second tab (another session of window1) submits and wins
    WebappSession otherTab = WebappSession.open(http, Map.of());
    assertThat(otherTab.login("window1").statusCode()).isEqualTo(200);
    HttpResponse<String> winner = otherTab.json("POST", api + "/submit-form",
        "{\"variables\":{\"opinion\":{\"value\":\"second\",\"type\":\"String\"}}}");
    HeldCompletion.release.countDown();
    HttpResponse<String> loser = held.get(30, TimeUnit.SECONDS);

    assertThat(winner.statusCode()).as(winner.body()).isIn(200, 204);
    assertThat(loser.statusCode()).as(loser.body()).isEqualTo(409);
    assertThat(loser.body()).contains("已被他人处理").doesNotContain("ENGINE-");
    assertThat(engine.getRuntimeService().getVariable(pi, "afterCount")).isEqualTo(1L);
    assertThat(engine.getRuntimeService().getVariable(pi, "opinion")).isEqualTo("second");

    // a clerk of the group who did not claim it is refused as before, not with the conflict message
    String next = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();
    HttpResponse<String> unknown = second.json("POST", "/camunda/api/engine/engine/default/task/no-such-task/submit-form",
        "{\"variables\":{}}");
    assertThat(unknown.statusCode()).isGreaterThanOrEqualTo(400).isNotEqualTo(409);
    assertThat(unknown.body()).doesNotContain("已被他人处理");
    assertThat(next).isNotEqualTo(task);
    engine.getRuntimeService().deleteProcessInstance(pi, "test");
  }

  /**
   * Holds the first completion of a task inside its transaction until the test releases it (a class listener with
   * static latches: a test bean would need a context of its own, and the suite keeps one context at a time).
   */
  public static class HeldCompletion implements TaskListener {
    static volatile CountDownLatch entered = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);
    static final AtomicInteger calls = new AtomicInteger();

    static void reset() {
      entered = new CountDownLatch(1);
      release = new CountDownLatch(1);
      calls.set(0);
    }

    @Override
    public void notify(DelegateTask task) {
      if (calls.getAndIncrement() == 0) {
        entered.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
