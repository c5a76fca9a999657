package cn.gaoxin.approval.identifiers;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the identifiers in submitted values by their field names, wherever a case's data comes in (the applicant
 * API's details, Tasklist start forms): {@code creditCode} and {@code …CreditCode} per GB 32100, {@code …Phone} as a
 * mainland mobile number, {@code …IdNumber} per GB 11643 (check digit and birth date), {@code …Date} as a date between
 * 1900 and 2100; and text no longer than the engine stores (4,000 characters) and without control characters.
 * Empty values are left to the form's required-field rules.
 */
public final class FieldChecks {

  /** The longest text variable the engine stores (its text column). */
  public static final int MAX_TEXT = 4000;
  static final int MIN_YEAR = 1900;
  static final int MAX_YEAR = 2100;
  /** Control characters other than tab and line breaks: invisible, and PostgreSQL refuses NUL in text. */
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

  private FieldChecks() {}

  /** Every problem, in Chinese, naming the field; empty when all is well. */
  public static List<String> problems(Map<String, ?> values) {
    List<String> problems = new ArrayList<>();
    values.forEach((name, value) -> {
      if (value instanceof Date date && name.endsWith("Date")) {
        int year = date.toInstant().atZone(ZoneOffset.UTC).getYear();
        if (year < MIN_YEAR || year > MAX_YEAR) {
          problems.add(name + ": 日期超出范围 (" + MIN_YEAR + "–" + MAX_YEAR + " 年)");
        }
        return;
      }
      if (!(value instanceof CharSequence)) {
        return;
      }
      String raw = value.toString();
      String text = raw.trim();
      if (CONTROL.matcher(raw).find()) {
        problems.add("字段 " + name + " 含有不可见的控制字符");
        return;
      }
      if (text.isEmpty()) {
        return;
      }
      if (text.length() > MAX_TEXT) {
        problems.add("字段 " + name + " 过长 (不能超过 " + MAX_TEXT + " 字)");
      } else if (name.endsWith("Date")) {
        dateProblem(name, text).ifPresent(problems::add);
      } else if (name.equals("creditCode") || name.endsWith("CreditCode")) {
        CreditCode.problem(text).ifPresent(p -> problems.add(name + ": " + p));
      } else if (name.endsWith("Phone") || name.equals("phone")) {
        if (!PhoneNumbers.isValidMobile(text)) {
          problems.add(name + ": 应为 11 位手机号码");
        }
      } else if (name.endsWith("IdNumber") || name.equals("idNumber")) {
        ResidentIdNumber.problem(text).ifPresent(p -> problems.add(name + ": " + p));
      }
    });
    return problems;
  }

  /** A date typed as text ({@code …Date} fields of start forms): yyyy-MM-dd (a time may follow), 1900–2100. */
  private static Optional<String> dateProblem(String name, String text) {
    try {
      int year = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).getYear();
      return year < MIN_YEAR || year > MAX_YEAR
          ? Optional.of(name + ": 日期超出范围 (" + MIN_YEAR + "–" + MAX_YEAR + " 年)") : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.of(name + ": 日期格式应为 yyyy-MM-dd");
    }
  }
}
