package cn.gaoxin.approval.clerks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.support.RestClients;
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

  @Test
  void theSecondOfTwoSimultaneousCompletionsGetsAConflictAndTheCaseMovesOnOnce() throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess("simultaneous-completion-probe").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Review").camundaCandidateGroups("window-clerks")
        .camundaTaskListenerClass("complete", HeldCompletion.class)
        .serviceTask("Task_After").camundaExpression("${execution.setVariable('afterCount', "
            + "(execution.getVariable('afterCount') == null ? 0 : execution.getVariable('afterCount')) + 1)}")
        .userTask("Task_Next").camundaCandidateGroups("window-clerks").endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("simultaneous-completion-probe.bpmn", model)
        .deploy();
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

  /**
   * Holds the first completion of a task inside its transaction until the test releases it (a class listener with
   * static latches: a test bean would need a context of its own, and the suite keeps one context at a time).
   */
  public static class HeldCompletion implements TaskListener {
    static final CountDownLatch entered = new CountDownLatch(1);
    static final CountDownLatch release = new CountDownLatch(1);
    static final AtomicInteger calls = new AtomicInteger();

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
