package cn.gaoxin.approval.audit;

import java.time.Instant;

/**
 * One case as auditors search and count it: a row of {@code app_case_summary}, kept by {@link CaseSummaryRecorder}.
 * Working-day figures are fixed when the case is decided: {@code daysToDecision} from application to decision,
 * {@code daysFromAcceptance} from acceptance (or from {@code promiseClockStartedAt} where the model starts the promise later) to decision, {@code onTime} whether
 * that stayed within the catalog item's promised limit ({@code promisedDays}).
 */
public record CaseSummary(
    String processInstanceId,
    String caseNumber,
    String processKey,
    String processDefinitionId,
    boolean topLevel,
    String itemCode,
    String itemName,
    String department,
    String applicantName,
    String creditCode,
    String channel,
    String caseStatus,
    String decisionStatus,
    Instant startedAt,
    Instant submittedAt,
    Instant acceptedAt,
    Instant decidedAt,
    Instant endedAt,
    String endState,
    Integer inPersonVisits,
    Integer materialsAsked,
    Integer materialsCheckCount,
    Integer oneTimeNotifications,
    boolean tolerantAcceptance,
    int supervisionEvents,
    Integer promisedDays,
    Integer daysToDecision,
    Integer daysFromAcceptance,
    Boolean onTime,
    Instant followedUpAt,
    String followUpCaseNumber,
    String satisfaction,
    Integer satisfactionScore) {

  public static final String RUNNING = "RUNNING";
  public static final String COMPLETED = "COMPLETED";
  public static final String CANCELED = "CANCELED";
}
