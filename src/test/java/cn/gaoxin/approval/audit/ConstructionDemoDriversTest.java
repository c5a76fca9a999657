package cn.gaoxin.approval.audit;

import static cn.gaoxin.approval.audit.DemoDriverChecks.ended;
import static cn.gaoxin.approval.audit.DemoDriverChecks.open;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.audit.simulation.DemoHistory;
import cn.gaoxin.approval.audit.simulation.construction.ConstructionOnCommitmentDriver;
import cn.gaoxin.approval.audit.simulation.construction.ConstructionOnLandAcquisitionDriver;
import cn.gaoxin.approval.audit.simulation.construction.JointCompletionAcceptanceDriver;
import cn.gaoxin.approval.audit.simulation.construction.LandUseOneMatterDriver;
import cn.gaoxin.approval.audit.simulation.construction.LicenceOnHandoverDriver;
import cn.gaoxin.approval.audit.simulation.construction.RemoteVideoInspectionDriver;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.support.ScenarioTest;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The demo-history drivers of the construction reforms: every scenario once, from Monday 9 June 2025 on (no
 * holiday until October), each to the end the model gives it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConstructionDemoDriversTest extends ScenarioTest {

  static final LocalDateTime MONDAY = LocalDateTime.of(2025, 6, 9, 9, 0);

  @Autowired DemoHistory demo;
  @Autowired ScorecardService scorecards;
  @Autowired CaseSummaryStore summaries;
  @Autowired ServiceCatalog catalog;
  @Autowired RemoteVideoInspectionDriver videoInspection;
  @Autowired ConstructionOnCommitmentDriver onCommitment;
  @Autowired ConstructionOnLandAcquisitionDriver onLandAcquisition;
  @Autowired JointCompletionAcceptanceDriver jointAcceptance;
  @Autowired LicenceOnHandoverDriver onHandover;
  @Autowired LandUseOneMatterDriver landUse;
  DemoDriverChecks checks;

  @BeforeEach
  void checks() {
    checks = new DemoDriverChecks(demo, scorecards, summaries, catalog, engine);
  }

  @Test
  void remoteVideoInspection() {
    checks.playEveryScenario(videoInspection, MONDAY, Map.of(
        "PASSED", ended("INSPECTION_PASSED"), "RECTIFIED", ended("INSPECTION_PASSED"),
        "ON_SITE_FAILED", ended("INSPECTION_FAILED"), "RECTIFICATION_OVERDUE", ended("INSPECTION_PASSED"),
        "DRUG_ON_SITE", ended("INSPECTION_PASSED"), "APPROVED_LATE", ended("INSPECTION_PASSED"),
        "OPEN", open("RECEIVED")));
  }

  @Test
  void constructionOnCommitment() {
    checks.playEveryScenario(onCommitment, MONDAY.plusDays(1), Map.ofEntries(
        entry("APPROVED", ended("APPROVED")), entry("APPROVED_LATE", ended("APPROVED")),
        entry("SIGNED_LATER", ended("APPROVED")), entry("COMMITMENT_EXPIRED", ended("WITHDRAWN")),
        entry("REGULAR", ended("APPROVED")), entry("REGULAR_LATE", ended("APPROVED")),
        entry("RETURNED", ended("APPROVED")), entry("RETURNED_ON_COMMITMENT", ended("APPROVED")),
        entry("REJECTED", ended("REJECTED")),
        entry("RESUBMITTED", ended("APPROVED")), entry("NOT_ACCEPTED", ended("NOT_ACCEPTED")),
        entry("INSPECTION_RECTIFIED", ended("APPROVED")), entry("STOP_WORK", ended("STOP_WORK_ORDERED")),
        entry("OPEN", open("ACCEPTED"))));
  }

  @Test
  void constructionOnLandAcquisition() {
    checks.playEveryScenario(onLandAcquisition, MONDAY.plusDays(2), Map.ofEntries(
        entry("APPROVED", ended("APPROVED")), entry("CONTRACT_FIRST", ended("APPROVED")),
        entry("APPROVED_LATE", ended("APPROVED")), entry("REJECTED", ended("REJECTED")),
        entry("DESIGN_OBJECTED", ended("REJECTED")), entry("SIGNER_ADDED", ended("APPROVED")),
        entry("RETURNED", ended("APPROVED")), entry("PREPARATION_CLOSED", ended("PREPARATION_CLOSED")),
        entry("RESUBMITTED", ended("APPROVED")), entry("NOT_ACCEPTED", ended("NOT_ACCEPTED")),
        entry("OPEN", open("ACCEPTED"))));
    for (var c : DemoDriverChecks.plan(onLandAcquisition, MONDAY.plusDays(2), onLandAcquisition.processKey().hashCode())) {
      String pi = checks.caseOf(c).processInstanceId();
      var comments = engine.getTaskService().getProcessInstanceComments(pi).stream().map(x -> x.getFullMessage()).toList();
      if (c.scenario().equals("SIGNER_ADDED")) {
        // the added department's signer task was created by 加签 and signed like the others
        assertThat(comments).anySatisfy(m -> assertThat(m).startsWith("【加签】"));
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi)
            .taskDefinitionKey("Task_ReviewDesign").finished().list()).hasSize(5)
            .allSatisfy(t -> assertThat(t.getDeleteReason()).isEqualTo("completed"));
      }
      if (c.scenario().equals("RETURNED")) {
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi)
            .activityId("Task_ReturnForCorrection").count()).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi)
            .activityId("Task_RecheckCorrection").finished().count()).isEqualTo(1);
      }
    }
  }

  @Test
  void jointCompletionAcceptance() {
    String passed = "ACCEPTANCE_PASSED";
    checks.playEveryScenario(jointAcceptance, MONDAY.plusDays(3), Map.ofEntries(
        entry("APPROVED", ended(passed)), entry("TITLE_ISSUED", ended(passed)), entry("TITLE_REJECTED", ended(passed)),
        entry("TITLE_RETURNED", ended(passed)), entry("RECTIFIED", ended(passed)), entry("FAILED", ended("ACCEPTANCE_FAILED")),
        entry("APPROVED_LATE", ended(passed)), entry("RESUBMITTED", ended(passed)), entry("NOT_ACCEPTED", ended("NOT_ACCEPTED")),
        entry("OPEN", open("ACCEPTED"))));
  }

  @Test
  void licenceOnHandover() {
    String issued = "HANDOVER_CERTIFICATES_ISSUED";
    checks.playEveryScenario(onHandover, MONDAY.plusDays(7), Map.ofEntries(
        entry("APPROVED", ended(issued)), entry("UNIT_RETRY", ended(issued)), entry("UNIT_DEFERRED", ended(issued)),
        entry("APPROVED_LATE", ended(issued)), entry("HANDOVER_LATE", ended(issued)), entry("REJECTED", ended("REJECTED")),
        entry("RETURNED", ended(issued)), entry("NO_CERTIFICATE", ended("NOT_ACCEPTED")), entry("RESUBMITTED", ended(issued)),
        entry("NOT_ACCEPTED", ended("NOT_ACCEPTED")), entry("OPEN", open("ACCEPTED"))));
  }

  @Test
  void landUseOneMatterAndItsStages() {
    String done = "LAND_USE_COMPLETED";
    checks.playEveryScenario(landUse, MONDAY.plusDays(8), Map.of(
        "COMPLETED", ended(done), "CLAIM_LATE", ended(done), "ROADMAP_LATE", ended(done), "ITEM_LATE", ended(done),
        "RESUBMITTED", ended(done), "RETURNED", ended(done), "REDONE", ended(done),
        "NOT_ACCEPTED", ended("NOT_ACCEPTED"), "OPEN", open("ACCEPTED")));
    var history = engine.getHistoryService();
    for (var c : DemoDriverChecks.plan(landUse, MONDAY.plusDays(8), landUse.processKey().hashCode())) {
      String pi = checks.caseOf(c).processInstanceId();
      if (c.scenario().equals("RETURNED")) {
        // returned to the applicant once, corrected, re-checked by the window, checked again by a butler
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi)
            .activityId("Task_ReturnForCorrection").count()).isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi)
            .activityId("Task_ClaimProject").finished().count()).isEqualTo(2);
      }
      if (c.scenario().equals("REDONE")) {
        // the roadmap was reviewed twice, and one stage sent an item back
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi)
            .activityId("Task_ReviewRoadmap").finished().count()).isEqualTo(2);
        assertThat(history.createHistoricProcessInstanceQuery().superProcessInstanceId(pi).list().stream()
            .mapToLong(s -> history.createHistoricActivityInstanceQuery().processInstanceId(s.getId())
                .activityId("Task_ReopenStageItems").count()).sum()).isEqualTo(1);
      }
    }
  }
}
