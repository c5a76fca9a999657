package cn.gaoxin.approval.reforms.licensing;

import java.util.Date;
import java.util.List;

/**
 * The link between the zone and a partner district for 跨区通办 / 跨省异地办照: the zone forwards an accepted case
 * to the district that decides it, and that district returns its result. Both calls must be idempotent: they
 * run in retried steps, and a retry must neither open a second case at the partner nor deliver a result twice.
 */
public interface CrossRegionChannel {

  /** Message that starts the partner's case (process {@code cross-region-partner}). */
  String REQUEST_MESSAGE = "CrossRegionRequest";
  /** Message that brings the partner's result back to the zone's case, correlated by its case number. */
  String RESULT_MESSAGE = "CrossRegionResult";
  /** Message that closes the partner's case when the applicant withdraws at the zone, correlated by its case number. */
  String WITHDRAWAL_MESSAGE = "CrossRegionWithdrawn";

  /** An accepted case as the partner district receives it. */
  record Request(String originCaseNumber, String originZone, String itemCode, String applicantName,
      String creditCode, String contactName, String contactPhone, List<String> materials, Date acceptedAt) {}

  /**
   * The partner district's result on a forwarded case. {@code decisionStatus} is APPROVED or REJECTED, or RETURNED
   * when the partner returns the application for correction (no decision: {@code decidedAt} is null and
   * {@code decisionReason} lists everything to correct); the zone then forwards the corrected case again.
   */
  record Result(String originCaseNumber, String partnerCaseNumber, String decidedBy, String decisionStatus,
      String decisionReason, String licenceNumber, String licenceUrl, Date decidedAt) {}

  /**
   * Hands the case to the partner district; returns the partner's case number (the same one on a retry). After the
   * partner returned the case for correction, forwarding the corrected case opens a new partner case.
   */
  String forward(Request request);

  /** Returns the partner's result to the zone's case; a result already delivered is not delivered again. */
  void returnResult(Result result);

  /**
   * Tells the partner that the applicant withdrew the application at the zone: the partner closes its case and
   * voids anything it issued. A partner case that has already ended, or was never opened, is left as it is.
   */
  void withdraw(String originCaseNumber, String partnerCaseNumber, String reason);
}
