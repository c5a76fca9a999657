package cn.gaoxin.approval.identifiers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Resident identity number (公民身份号码) per GB 11643-1999: 17 digits (address, birth date, sequence) and an
 * ISO 7064 MOD 11-2 check character (0–9 or X).
 */
public final class ResidentIdNumber {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private ResidentIdNumber() {}

  public static Optional<String> problem(String id) {
    if (id == null || id.isBlank()) {
      return Optional.of("身份证号码不能为空");
    }
    if (!id.matches("\\d{17}[\\dX]")) {
      return Optional.of("身份证号码应为 18 位: 前 17 位为数字, 最后一位为数字或大写 X");
    }
    try {
      LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)),
          Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
      if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now())) {
        return Optional.of("身份证号码中的出生日期不在合理范围内");
      }
    } catch (DateTimeException e) {
      return Optional.of("身份证号码中的出生日期不存在");
    }
    if (id.charAt(17) != checkCharacter(id.substring(0, 17))) {
      return Optional.of("身份证号码校验位错误, 请核对后重新填写");
    }
    return Optional.empty();
  }

  public static boolean isValid(String id) {
    return problem(id).isEmpty();
  }

  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }
}
