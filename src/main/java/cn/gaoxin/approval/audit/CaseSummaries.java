package cn.gaoxin.approval.audit;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.calendar.WorkingDayCalendar;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.decisions.StartPromiseClockDelegate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Builds a {@link CaseSummary} from a case's variables: the same rules whether they come from a running execution
 * ({@link CaseSummaryRecorder}) or from history ({@link CaseSummaryBackfill}).
 *
 * <p>Follow-up (好差评 / 回访) is recognised by convention, so any follow-up model is covered: a case that carries one
 * of the {@code approval.audit.follow-up.link-variables} (default {@code followUpOf, originalCaseNumber}) is the
 * follow-up of the case with that number; its rating is the first of {@code approval.audit.follow-up.rating-variables}
 * (default {@code firstEvaluation, evaluation, satisfaction}: the first contact's rating counts, not the one after a
 * rectification) that is set: 好评/中评/差评 (GOOD/MEDIUM/BAD, as service-follow-up records them), the five grades
 * 非常满意/满意/基本满意/不满意/非常不满意 (or their English codes), or a score 1–5.
 */
@Component
public class CaseSummaries {

  /** Case variables the summary reads; nothing else is looked at. */
  public static final List<String> VARIABLES = List.of(CaseVariables.CASE_NUMBER, CaseVariables.ITEM_CODE,
      CaseVariables.ITEM_NAME, CaseVariables.DEPARTMENT, CaseVariables.APPLICANT_NAME, CaseVariables.CREDIT_CODE,
      CaseVariables.CHANNEL, CaseVariables.IN_PERSON_VISITS, CaseVariables.SUBMITTED_AT, CaseVariables.CASE_STATUS,
      "acceptedAt", StartPromiseClockDelegate.VARIABLE, "decidedAt", "decisionStatus", "tolerantAcceptance", "supervisionEvents", "materialsAsked",
      "materialsCheckCount", "oneTimeNotifications");

  private final ServiceCatalog catalog;
  private final WorkingDayCalendar calendar;
  private final EngineClock clock;
  private final List<String> linkVariables;
  private final List<String> ratingVariables;

  public CaseSummaries(ServiceCatalog catalog, WorkingDayCalendar calendar, EngineClock clock,
      @Value("${approval.audit.follow-up.link-variables:followUpOf,originalCaseNumber}") List<String> linkVariables,
      @Value("${approval.audit.follow-up.rating-variables:firstEvaluation,evaluation,satisfaction}") List<String> ratingVariables) {
    this.catalog = catalog;
    this.calendar = calendar;
    this.clock = clock;
    this.linkVariables = List.copyOf(linkVariables);
    this.ratingVariables = List.copyOf(ratingVariables);
  }

  /** Every variable name the summary needs from a case. */
  public Set<String> variableNames() {
    var names = new java.util.LinkedHashSet<>(VARIABLES);
    names.addAll(linkVariables);
    names.addAll(ratingVariables);
    return names;
  }

  /** A case's process-definition key from its id ({@code key:version:uuid}), or null when the id is opaque. */
  public static String keyOf(String processDefinitionId) {
    int colon = processDefinitionId == null ? -1 : processDefinitionId.indexOf(':');
    return colon > 0 ? processDefinitionId.substring(0, colon) : null;
  }

  public CaseSummary build(String processInstanceId, String businessKey, String processKey, String definitionId,
      boolean topLevel, Instant startedAt, Instant endedAt, String endState, Map<String, Object> vars) {
    String itemCode = text(vars.get(CaseVariables.ITEM_CODE));
    ServiceItem item = catalog.item(itemCode).orElse(null);
    Instant submitted = instant(vars.get(CaseVariables.SUBMITTED_AT));
    if (submitted == null) {
      submitted = startedAt;
    }
    Instant accepted = instant(vars.get("acceptedAt"));
    Instant decided = instant(vars.get("decidedAt"));
    // the promise runs from acceptance unless the model starts its clock later (after a statutory notice period)
    Instant clockStart = instant(vars.get(StartPromiseClockDelegate.VARIABLE));
    if (clockStart == null) {
      clockStart = accepted != null ? accepted : submitted;
    }
    Integer promised = item == null || item.limits() == null ? null : item.limits().promised();
    Integer daysToDecision = null;
    Integer daysFromAcceptance = null;
    Boolean onTime = null;
    if (decided != null) {
      daysToDecision = calendar.workingDaysBetween(day(submitted), day(decided));
      daysFromAcceptance = calendar.workingDaysBetween(day(clockStart), day(decided));
      onTime = promised == null ? null : daysFromAcceptance <= promised;
    }
    String caseNumber = text(vars.get(CaseVariables.CASE_NUMBER));
    if (caseNumber == null) {
      caseNumber = businessKey;
    }
    String itemName = text(vars.get(CaseVariables.ITEM_NAME));
    String department = text(vars.get(CaseVariables.DEPARTMENT));
    return new CaseSummary(processInstanceId, caseNumber, processKey, definitionId, topLevel, itemCode,
        itemName != null ? itemName : item == null ? null : item.name(),
        department != null ? department : item == null ? null : item.department(),
        clip(text(vars.get(CaseVariables.APPLICANT_NAME)), 300), clip(text(vars.get(CaseVariables.CREDIT_CODE)), 32),
        clip(text(vars.get(CaseVariables.CHANNEL)), 20), clip(text(vars.get(CaseVariables.CASE_STATUS)), 40),
        clip(text(vars.get("decisionStatus")), 40), startedAt, submitted, accepted, decided, endedAt, endState,
        integer(vars.get(CaseVariables.IN_PERSON_VISITS)), integer(vars.get("materialsAsked")),
        integer(vars.get("materialsCheckCount")), integer(vars.get("oneTimeNotifications")),
        bool(vars.get("tolerantAcceptance")), orZero(integer(vars.get("supervisionEvents"))), promised,
        daysToDecision, daysFromAcceptance, onTime, null, null, null, null);
  }

  /** The case number this case follows up, if it is a follow-up case. */
  public String followedUpCase(Map<String, Object> vars) {
    for (String name : linkVariables) {
      String value = text(vars.get(name));
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }

  /** The enterprise's rating given in a follow-up case, if any. */
  public String rating(Map<String, Object> vars) {
    for (String name : ratingVariables) {
      String value = text(vars.get(name));
      if (value != null && !value.isBlank()) {
        return clip(value.trim(), 40);
      }
    }
    return null;
  }

  /** 5 非常满意, 4 满意/好评, 3 基本满意/中评, 2 不满意/差评, 1 非常不满意; null when the rating is not on a known scale. */
  public static Integer score(String rating) {
    if (rating == null) {
      return null;
    }
    String r = rating.trim().toUpperCase(Locale.ROOT);
    return switch (r) {
      case "5", "非常满意", "VERY_SATISFIED" -> 5;
      case "4", "满意", "SATISFIED", "好评", "GOOD" -> 4;
      case "3", "基本满意", "BASICALLY_SATISFIED", "FAIRLY_SATISFIED", "中评", "MEDIUM" -> 3;
      case "2", "不满意", "DISSATISFIED", "UNSATISFIED", "差评", "BAD" -> 2;
      case "1", "非常不满意", "VERY_DISSATISFIED", "VERY_UNSATISFIED" -> 1;
      default -> null;
    };
  }

  private java.time.LocalDate day(Instant instant) {
    return clock.toLocalDate(Date.from(instant));
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant().toString();
    }
    return value.toString();
  }

  static Instant instant(Object value) {
    if (value instanceof Date d) {
      return d.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    return null;
  }

  static Integer integer(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof String s && s.trim().matches("-?\\d{1,9}")) {
      return Integer.valueOf(s.trim());
    }
    return null;
  }

  static boolean bool(Object value) {
    return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString().trim());
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
