package cn.gaoxin.approval.identifiers;

/** Mainland mobile numbers: validated loosely (11 digits starting with 1), masked as 138****5678. */
public final class PhoneNumbers {

  private PhoneNumbers() {}

  public static boolean isValidMobile(String phone) {
    return phone != null && phone.matches("1[3-9]\\d{9}");
  }

  public static String mask(String phone) {
    if (phone == null || phone.length() < 7) {
      return "****";
    }
    return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
  }
}
