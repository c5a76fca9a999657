package cn.gaoxin.approval.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.support.RestClients;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * What operators read: the health endpoint (database, engine, job executor, holiday-data horizon; liveness and
 * readiness for the load balancer), the Prometheus metrics (cases started/finished per reform, open and overdue
 * tasks per department, job backlog, incidents, notices), and log lines that carry the case number. The job
 * executor runs here, as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=true", "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500"})
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false) // tests switch metric export off unless asked
@ExtendWith(OutputCaptureExtension.class)
class OperationsEndpointsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;
  @Autowired OperationsGauges gauges;
  @Autowired ProcessEngine engine;

  @Test
  void healthShowsDatabaseEngineJobExecutorAndCalendar() throws Exception {
    ResponseEntity<String> response = anonymous.getForEntity("http://localhost:" + port + "/actuator/health", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode health = JSON.readTree(response.getBody());
    assertThat(health.path("status").asText()).isEqualTo("UP");
    JsonNode components = health.path("components");
    assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
    assertThat(components.path("db").path("details").path("database").asText()).isEqualTo("H2");
    assertThat(components.path("processEngine").path("status").asText()).isEqualTo("UP");
    assertThat(components.path("jobExecutor").path("status").asText()).isEqualTo("UP");
    assertThat(components.path("workingDayCalendar").path("details").path("horizon").asText()).matches("\\d{4}-12-31");
    for (String probe : List.of("liveness", "readiness")) {
      ResponseEntity<String> r = anonymous.getForEntity("http://localhost:" + port + "/actuator/health/" + probe, String.class);
      assertThat(r.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
      assertThat(r.getBody()).contains("\"UP\"");
    }
  }

  @Test
  void prometheusShowsCasesTasksJobsAndIncidentsAndLogsCarryTheCaseNumber(CapturedOutput output) throws Exception {
    RestClients rest = new RestClients(anonymous, port);
    String caseNumber = rest.submitFoodLicence(List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID",
        "PREMISES_PROOF", "LAYOUT_PLAN", "SAFETY_RULES"), false);
    // a case that ends: the applicant withdraws it
    String rejected = rest.submitFoodLicence(List.of("APPLICATION"), false);
    engine.getRuntimeService().deleteProcessInstance(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(rejected).singleResult().getId(), "申请人撤回申请");
    OperationsGauges.Snapshot snapshot = gauges.refresh();
    assertThat(snapshot.openTasks().get("window-clerks")).isGreaterThanOrEqualTo(1);
    assertThat(snapshot.openCases().get("incomplete-materials-acceptance")).isGreaterThanOrEqualTo(1);

    String metrics = scrape();
    assertThat(metrics)
        .containsPattern("approval_cases_started_total\\{[^}]*reform=\"incomplete-materials-acceptance\"[^}]*} [2-9]")
        .containsPattern("approval_cases_finished_total\\{[^}]*outcome=\"terminated\",reform=\"incomplete-materials-acceptance\"[^}]*} 1")
        .containsPattern("approval_tasks_open\\{[^}]*department=\"window-clerks\"[^}]*} [1-9]")
        .containsPattern("approval_tasks_overdue\\{[^}]*department=\"market-regulation\"[^}]*} 0")
        .containsPattern("approval_cases_open\\{[^}]*reform=\"incomplete-materials-acceptance\"[^}]*} [1-9]")
        .containsPattern("approval_jobs_backlog\\{[^}]*kind=\"message\"[^}]*} ")
        .containsPattern("approval_jobs_failed\\{[^}]*} 0")
        .containsPattern("approval_incidents\\{[^}]*type=\"failedJob\"[^}]*} 0")
        .containsPattern("approval_notices\\{[^}]*status=\"FAILED\"[^}]*} 0")
        .contains("hikaricp_connections_active", "jvm_memory_used_bytes");

    // every line the engine logs while working on a case names the case
    assertThat(output.getAll()).containsPattern("INFO \\[" + caseNumber + "].*案件开始: 流程 incomplete-materials-acceptance");
    assertThat(output.getAll()).containsPattern("INFO \\[" + rejected + "].*案件结束: 流程 incomplete-materials-acceptance \\(terminated\\)");
  }

  private String scrape() throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String body = "";
    while (System.nanoTime() < until) {
      ResponseEntity<String> r = anonymous.getForEntity("http://localhost:" + port + "/actuator/prometheus", String.class);
      assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
      body = r.getBody();
      if (body.contains("approval_cases_finished_total")) {
        return body;
      }
      Thread.sleep(200);
    }
    return body;
  }
}
