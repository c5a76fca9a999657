package cn.gaoxin.approval.cases;

import java.util.Date;
import java.util.List;

/** What an applicant sees of a case (办件查询): no clerk names, no other applicant's data. */
public record CaseProgress(
    String caseNumber,
    String itemName,
    String reform,
    String status,
    String statusText,
    boolean finished,
    Date submittedAt,
    Date acceptedAt,
    Date resubmissionDueDate,
    Date supplementDueDate,
    String decisionReason,
    List<Step> openSteps,
    List<Step> completedSteps,
    List<NoticeSummary> notices) {

  public record Step(String name, String department, Date startedAt, Date dueAt, Date finishedAt) {}

  public record NoticeSummary(String type, String subject, Date createdAt, String status) {}
}
