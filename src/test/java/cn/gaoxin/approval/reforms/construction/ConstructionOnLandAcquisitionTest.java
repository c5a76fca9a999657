package cn.gaoxin.approval.reforms.construction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gaoxin.approval.licences.Licence;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 拿地即开工 (construction-on-land-acquisition), every path. Clock: Monday 2026-03-02 09:00. Item GX-NDJKG-001
 * promises 10 working days for the pre-reviews (due 16 Mar); the land contract is awaited 90 calendar days
 * (periods.landContractWait = P90D).
 */
class ConstructionOnLandAcquisitionTest extends ConstructionScenarioTest {

  static final String ITEM = "GX-NDJKG-001";
  static final List<String> ALL = List.of("LAND_DEAL_CONFIRMATION", "BUSINESS_LICENCE", "DESIGN_SCHEME",
      "PLANNING_APPLICATION", "PERMIT_APPLICATION", "CONSTRUCTION_DRAWINGS", "CONSTRUCTION_CONTRACT", "SUPERVISION_CONTRACT");
  static final String[] REVIEWS = {"Task_ReviewDesign", "Task_ReviewPlanning", "Task_ReviewConstruction"};

  @BeforeEach
  void monday() {
    clockAt(LocalDateTime.of(2026, 3, 2, 9, 0));
  }

  private ProcessInstance accepted() {
    ProcessInstance pi = apply(ITEM, null, ALL, false,
        Map.of("projectName", "铁姆肯 (湘潭) 轴承有限公司扩产项目", "landParcelNumber", "XTGX-2026-07"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    runJobs(pi); // each pre-review starts in its own transaction
    return pi;
  }

  private void approveAll(ProcessInstance pi) {
    completeAs("natres1", pi, "Task_ReviewDesign", Map.of("designReviewDecision", "APPROVE"));
    completeAs("natres1", pi, "Task_ReviewPlanning", Map.of("planningReviewDecision", "APPROVE"));
    completeAs("housing1", pi, "Task_ReviewConstruction", Map.of("permitReviewDecision", "APPROVE"));
    runJobs(pi); // the join of the pre-reviews is asynchronous
  }

  @Test
  void permitsIssueAtOnceWhenTheContractIsSignedAfterThePreReviews() {
    ProcessInstance pi = accepted();
    assertThat(pi).isWaitingAt(REVIEWS).isWaitingAt("Gateway_WaitLandContract");
    for (String review : REVIEWS) {
      assertThat(task(pi, review).getDueDate()).as(review).isEqualTo(endOfDay(LocalDate.of(2026, 3, 16)));
    }
    assertThat(candidateGroups(task(pi, "Task_ReviewDesign"))).containsExactly("natural-resources");
    assertThat(candidateGroups(task(pi, "Task_ReviewPlanning"))).containsExactly("natural-resources");
    assertThat(candidateGroups(task(pi, "Task_ReviewConstruction"))).containsExactly("housing-construction");

    approveAll(pi);
    assertThat(pi).hasPassed("Task_RecordPermitsPrepared", "Event_PreReviewCompleted").isWaitingAt("Gateway_WaitLandContract");
    assertThat(variable(pi, "caseStatus")).isEqualTo("PERMITS_PREPARED");
    assertThat(licencesOf(pi)).isEmpty();

    clockAt(LocalDateTime.of(2026, 4, 20, 15, 30));
    correlate(pi, "LandContractSigned", Map.of("landContractNumber", "湘潭高新出让〔2026〕17号"));

    assertThat(pi).isEnded().hasPassed("Task_IssueLandUsePlanningPermit", "Task_IssueEngineeringPlanningPermit",
        "Task_IssueConstructionPermit", "Task_NotifyPermitsIssued", "Event_PermitsIssued");
    assertThat(licencesOf(pi)).extracting(Licence::title)
        .containsExactly("建设用地规划许可证", "建设工程规划许可证", "建筑工程施工许可证");
    assertThat(licencesOf(pi)).extracting(Licence::issuedBy)
        .containsExactly("自然资源和规划局", "自然资源和规划局", "住房和城乡建设局");
    assertThat(licencesOf(pi)).allSatisfy(l ->
        assertThat(l.issuedAt()).isEqualTo(Date.from(LocalDateTime.of(2026, 4, 20, 15, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant()).toInstant()));
    assertThat(variable(pi, "caseStatus")).isEqualTo("APPROVED");
    String notice = notices(pi).get(notices(pi).size() - 1).body();
    assertThat(notice).contains("湘潭高新出让〔2026〕17号", (String) variable(pi, "constructionPermitNumber"),
        (String) variable(pi, "landUsePlanningPermitNumber"));
  }

  @Test
  void contractSignedFirstIssuesThePermitsWhenTheLastPreReviewPasses() {
    ProcessInstance pi = accepted();
    correlate(pi, "LandContractSigned", Map.of("landContractNumber", "湘潭高新出让〔2026〕18号"));
    assertThat(pi).hasPassed("Event_LandContractSigned").isWaitingAt(REVIEWS);
    assertThat(licencesOf(pi)).isEmpty();

    completeAs("natres1", pi, "Task_ReviewDesign", Map.of("designReviewDecision", "APPROVE"));
    completeAs("housing1", pi, "Task_ReviewConstruction", Map.of("permitReviewDecision", "APPROVE"));
    assertThat(licencesOf(pi)).isEmpty();
    completeAs("natres1", pi, "Task_ReviewPlanning", Map.of("planningReviewDecision", "APPROVE"));
    runJobs(pi);
    assertThat(pi).isEnded().hasPassed("Event_PermitsIssued");
    assertThat(licencesOf(pi)).hasSize(3);
  }

  @Test
  void contractNeverSignedClosesThePreparedWork() {
    ProcessInstance pi = accepted();
    completeAs("natres1", pi, "Task_ReviewDesign", Map.of("designReviewDecision", "APPROVE"));
    assertThat(timer(pi, "Event_ContractWaitExpired").getDuedate())
        .isEqualTo(Date.from(LocalDateTime.of(2026, 5, 31, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));

    fireTimer(pi, "Event_ContractWaitExpired");

    assertThat(pi).isEnded().hasPassed("Task_ClosePreparedWork", "Task_NotifyPreparationClosed", "Event_PreparationClosed")
        .hasNotPassed("Gateway_JoinIssue");
    assertThat(task(pi, "Task_ReviewPlanning")).as("open pre-reviews are closed").isNull();
    assertThat(variable(pi, "caseStatus")).isEqualTo("PREPARATION_CLOSED");
    assertThat(licencesOf(pi)).isEmpty();
    assertThat(noticeTypes(pi)).containsExactly("ACCEPTED", "LAND_PREPARATION_CLOSED");
  }

  @Test
  void aRejectedPreReviewEndsThePreparationAndTheWait() {
    ProcessInstance pi = accepted();
    completeAs("natres1", pi, "Task_ReviewPlanning", Map.of("planningReviewDecision", "APPROVE"));
    String id = task(pi, "Task_ReviewDesign").getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(id, Map.of("designReviewDecision", "REJECT")))
        .hasMessageContaining("设计方案预审意见");
    completeAs("natres1", pi, "Task_ReviewDesign",
        Map.of("designReviewDecision", "REJECT", "designReviewOpinion", "容积率低于出让条件要求的 1.2"));

    assertThat(pi).isEnded().hasPassed("Event_DesignRejected", "Task_RecordPreReviewRejected", "Event_PreReviewRejectedEnd");
    assertThat(task(pi, "Task_ReviewConstruction")).isNull();
    assertThat(variable(pi, "caseStatus")).isEqualTo("REJECTED");
    assertThat(notices(pi).get(1).body()).contains("容积率低于出让条件要求的 1.2");
    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void overduePreReviewsAreSupervised() {
    ProcessInstance pi = accepted();
    fireTimer(pi, "Event_PreReviewOverdue");
    assertThat(pi).isWaitingAt("Task_SupervisePreReview").isWaitingAt(REVIEWS);
    assertThat(variable(pi, "supervisionEvents")).isEqualTo(1);
  }

  @Test
  void incompleteApplicationGetsTheOneTimeNotification() {
    ProcessInstance pi = apply(ITEM, null, List.of("LAND_DEAL_CONFIRMATION", "BUSINESS_LICENCE"), false,
        Map.of("projectName", "金杯电工新能源线缆项目", "landParcelNumber", "XTGX-2026-09"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    assertThat(pi).isWaitingAt("Gateway_WaitResubmission").hasNotPassed("Gateway_ForkPreparation");
    assertThat(notices(pi).get(0).body()).contains("建设工程设计方案 (总平面图及效果图): 未提交");
  }
}
