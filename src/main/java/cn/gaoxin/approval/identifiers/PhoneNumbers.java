package cn.gaoxin.approval.identifiers;

/** Mainland mobile numbers: validated loosely (11 digits starting with 1); masked by {@link Masking#phone}. */
public final class PhoneNumbers {

  private PhoneNumbers() {}

  public static boolean isValidMobile(String phone) {
    return phone != null && phone.matches("1[3-9]\\d{9}");
  }
}
