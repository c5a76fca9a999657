package cn.gaoxin.approval.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import cn.gaoxin.approval.licences.LicenceRegister;
import cn.gaoxin.approval.support.ScenarioTest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A step that reaches outside the engine (here: issuing into the licence register) fails: the clerk's decision
 * stays committed, the job executor tries the step 5 times, 5 minutes apart (R5/PT5M), then the failure becomes
 * an incident that Cockpit shows on 核发证照; once the cause is fixed and the incident resolved (Cockpit's
 * "retry": new retries for the job), the case resumes and the licence is issued exactly once.
 */
class ExternalStepIncidentTest extends ScenarioTest {

  static final List<String> ALL = List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID", "PREMISES_PROOF",
      "LAYOUT_PLAN", "SAFETY_RULES");

  @MockitoSpyBean LicenceRegister register;
  @Autowired OperationsGauges gauges;

  @AfterEach
  void registerWorksAgain() {
    reset(register);
  }

  @Test
  void aFailingLicenceRegisterEndsInAnIncidentAndTheCaseResumesWhenItIsResolved() {
    clockAt(LocalDateTime.of(2026, 3, 2, 9, 0));
    doThrow(new DataAccessResourceFailureException("电子证照库连接失败")).when(register).issue(any());
    ProcessInstance pi = apply("SCJG-SPJY-001", ALL, false);
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    completeAs("market1", pi, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "符合条件"));

    // the clerk's decision is committed whatever happens to the licence register
    assertThat(pi).isWaitingAt("Task_IssueLicence");
    assertThat(variable(pi, "decisionStatus")).isEqualTo("APPROVED");

    int attempts = 0;
    Job job = job(pi);
    while (job.getRetries() > 0) {
      long before = engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries();
      String id = job.getId();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(id)).hasMessageContaining("电子证照库连接失败");
      attempts++;
      job = job(pi);
      assertThat(job.getExceptionMessage()).contains("电子证照库连接失败");
      if (job.getRetries() > 0) {
        // the next try waits 5 minutes (R5/PT5M), it does not hammer the failing system
        assertThat(Duration.between(engine.getManagementService().createJobQuery().jobId(id).singleResult()
            .getDuedate().toInstant(), LocalDateTime.of(2026, 3, 2, 9, 0).atZone(SHANGHAI).toInstant()).abs())
            .isEqualTo(Duration.ofMinutes(5));
      }
      assertThat(attempts).as("retries count down (was %d)", before).isLessThan(10);
    }
    assertThat(attempts).as("first try + 4 retries of R5").isEqualTo(5);

    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo("Task_IssueLicence");
    assertThat(incident.getIncidentMessage()).contains("电子证照库连接失败");
    assertThat(gauges.refresh().incidents()).isEqualTo(1);
    assertThat(gauges.refresh().failedJobs()).isEqualTo(1);
    assertThat(pi).isWaitingAt("Task_IssueLicence");
    assertThat(register.forCase(pi.getBusinessKey())).isEmpty();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED");

    // the register is back; the operator resolves the incident (Cockpit: "重试" = new retries for the job)
    reset(register);
    engine.getManagementService().setJobRetries(job.getId(), 1);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    clockAt(LocalDateTime.of(2026, 3, 2, 9, 6)); // the job executor takes the job when its due date comes
    runJobs(pi);

    assertThat(pi).isEnded().hasPassed("Task_IssueLicence", "Task_NotifyApproval", "Event_Approved");
    assertThat(register.forCase(pi.getBusinessKey())).hasSize(1);
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "DECISION_APPROVED");
    assertThat(gauges.refresh().incidents()).isZero();
  }

  private Job job(ProcessInstance pi) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId("Task_IssueLicence")
        .singleResult();
  }
}
