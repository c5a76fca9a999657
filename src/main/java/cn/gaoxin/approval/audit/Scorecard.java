package cn.gaoxin.approval.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * The reform scorecard: one row per deployed reform (process key), with one row per catalog item under it.
 * Figures are over top-level cases submitted in the period; null where there is nothing to measure.
 */
public record Scorecard(LocalDate from, LocalDate to, List<Reform> reforms) {

  public record Reform(String key, String name, Figures figures, List<Item> items) {}

  /** An item of the catalog handled by the reform, with its pre-reform baseline where the catalog has one. */
  public record Item(String code, String name, Figures figures, Baseline baseline) {}

  /**
   * @param cases cases submitted in the period
   * @param decided cases with a decision (decidedAt)
   * @param medianDays median working days from application to decision (linear interpolation, like
   *     {@code percentile_cont})
   * @param p90Days 90th percentile of the same
   * @param onTimeRate share of decided cases decided within the item's promised limit (counted from acceptance)
   * @param visitsPerCase in-person visits per case (只跑一次: at most 1)
   * @param atMostOneVisitRate share of cases with at most one in-person visit
   * @param materialsPerCase materials asked per case (catalog materials of the item)
   * @param tolerantCases cases accepted on commitment (容缺受理)
   * @param supervisionEvents overdue events raised to efficiency supervision (效能监察)
   * @param supervisedCases cases with at least one supervision event
   * @param followUpCoverage share of completed cases that were followed up (回访); null for models whose cases are
   *     not followed up (the follow-ups themselves, internal campaigns: {@code followup/FollowUpPolicy})
   * @param satisfactionRate share of rated follow-ups rated 好评 (满意 or 非常满意)
   * @param averageScore mean rating, 5 非常满意 … 1 非常不满意
   */
  public record Figures(long cases, long decided, long approved, long rejected, long withdrawn, long open,
      Double medianDays, Double p90Days, Double onTimeRate, Double visitsPerCase, Double atMostOneVisitRate,
      Double materialsPerCase, long tolerantCases, long supervisionEvents, long supervisedCases, long completed,
      long followedUp, Double followUpCoverage, long rated, Double satisfactionRate, Double averageScore) {}

  /**
   * Pre-reform figures from the catalog and the reductions measured against them (percent, positive = fewer).
   * {@code claim} is the catalog's source text: what the reports say the reform achieved.
   */
  public record Baseline(Integer materials, Integer days, String claim, Double materialsReduction,
      Double daysReduction) {}
}
