package cn.gaoxin.approval.audit;

import java.time.Instant;
import java.util.List;

/** Everything recorded about one case, in order, as the audit trail shows it. */
public record CaseTrail(
    Header header,
    List<Step> steps,
    List<VariableChange> variableChanges,
    List<Operation> operations,
    List<NoticeEntry> notices,
    List<LicenceEntry> licences,
    List<SubCase> subCases) {

  public record Header(String caseNumber, String processInstanceId, String reform, String reformName,
      int reformVersion, String itemCode, String itemName, String department, String departmentName,
      String applicantName, String creditCode, String channel, String caseStatus, String caseStatusLabel,
      String decisionStatus, String decisionStatusLabel, String decisionReason, String state, String stateLabel,
      String deleteReason, Instant startedAt, Instant submittedAt, Instant acceptedAt, Instant decidedAt,
      Instant endedAt, Integer inPersonVisits, boolean tolerantAcceptance, int supervisionEvents,
      Integer materialsAsked, Integer oneTimeNotifications, Integer promisedDays, Integer daysToDecision,
      Integer daysFromAcceptance, Boolean onTime, String startedBy, String superCaseNumber) {}

  /**
   * One step (activity instance). {@code workingDaysUsed} counts from the start of the step to its end (or now);
   * {@code workingDaysAllowed} from its start to its due date, where it has one.
   */
  public record Step(String activityInstanceId, String activityId, String name, String type, String typeLabel,
      Instant startedAt, Instant endedAt, boolean canceled, String userId, String userName, List<String> userDepartments,
      List<String> candidateGroups, Instant dueAt, Integer workingDaysUsed, Integer workingDaysAllowed,
      boolean overdue, String outcome, String outcomeLabel, String reason, List<ValueEntry> values,
      List<CommentEntry> comments, String calledCaseNumber, String calledProcessInstanceId, String kind) {}

  public record ValueEntry(String name, String value) {}

  public record CommentEntry(Instant time, String userId, String message) {}

  public record VariableChange(Instant time, String name, String type, String value, int revision, String step) {}

  public record Operation(Instant time, String userId, String userName, String type, String typeLabel, String step,
      String property, String from, String to) {}

  public record NoticeEntry(Instant createdAt, String type, String recipient, String channel, String subject,
      String body, String status, Instant sentAt) {}

  public record LicenceEntry(String number, String title, String status, Instant issuedAt, String validUntil,
      String statusReason) {}

  public record SubCase(String caseNumber, String processInstanceId, String reform, Instant startedAt,
      Instant endedAt, String state) {}
}
