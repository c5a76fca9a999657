package cn.gaoxin.approval.identifiers;

import java.util.Optional;

/**
 * Unified social credit code (统一社会信用代码) per GB 32100-2015: 18 characters from a 31-character alphabet
 * (digits and capitals without I, O, S, V, Z); the 18th is a check character over the first 17.
 */
public final class CreditCode {

  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private CreditCode() {}

  /** Empty when valid; otherwise what is wrong, in Chinese for the applicant. */
  public static Optional<String> problem(String code) {
    if (code == null || code.isBlank()) {
      return Optional.of("统一社会信用代码不能为空");
    }
    if (code.length() != 18) {
      return Optional.of("统一社会信用代码应为 18 位, 实际为 " + code.length() + " 位");
    }
    for (int i = 0; i < 18; i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return Optional.of("统一社会信用代码第 " + (i + 1) + " 位字符 '" + code.charAt(i)
            + "' 不合法 (只能是数字和除 I、O、S、V、Z 外的大写字母)");
      }
    }
    for (int i = 2; i < 8; i++) {
      if (!Character.isDigit(code.charAt(i))) {
        return Optional.of("统一社会信用代码第 3–8 位应为行政区划码 (数字)");
      }
    }
    if (code.charAt(17) != checkCharacter(code.substring(0, 17))) {
      return Optional.of("统一社会信用代码校验位错误, 请核对后重新填写");
    }
    return Optional.empty();
  }

  public static boolean isValid(String code) {
    return problem(code).isEmpty();
  }

  /** The check character for the first 17 characters. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
    }
    int check = 31 - sum % 31;
    return ALPHABET.charAt(check == 31 ? 0 : check);
  }
}
