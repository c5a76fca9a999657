package cn.gaoxin.approval.identifiers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal identifiers shown only as much as a reader needs (PIPL, 最小必要): mobile numbers as {@code 138****5678},
 * resident identity numbers as {@code 4301**********1234}. Used for auditors' pages, API and CSV, notices to staff,
 * the shipped notice senders (the log masks every line by its pattern in application.yaml). Clerks in Tasklist see
 * full numbers of their own department's cases (they call applicants and check identity cards).
 */
public final class Masking {

  /** A mobile number standing alone (not part of a longer run of letters or digits, such as an id or a timestamp). */
  private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");
  /** An 18-character identity number standing alone; masked only when its GB 11643 check digit is right. */
  private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");

  private Masking() {}

  public static String phone(String phone) {
    if (phone == null || phone.length() < 7) {
      return "****";
    }
    return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
  }

  public static String idNumber(String id) {
    if (id == null || id.length() < 10) {
      return "****";
    }
    return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
  }

  /** Free text (a variable's value, a notice, a log line) with every mobile and identity number in it masked. */
  public static String text(String text) {
    if (text == null || text.length() < 11) {
      return text;
    }
    String masked = ID_NUMBER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
        ResidentIdNumber.isValid(m.group().toUpperCase()) ? idNumber(m.group()) : m.group()));
    return MOBILE.matcher(masked).replaceAll(m -> phone(m.group()));
  }
}
