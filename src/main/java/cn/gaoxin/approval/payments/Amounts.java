package cn.gaoxin.approval.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Money as case variables hold it (numbers of yuan) and as notices and forms print it ("1,000,000 元"). */
public final class Amounts {

  private Amounts() {}

  /** A variable value (Long, Integer, Double, BigDecimal or numeric text) as yuan with two decimals; null stays null. */
  public static BigDecimal yuan(Object value) {
    if (value == null) {
      return null;
    }
    BigDecimal amount;
    if (value instanceof BigDecimal b) {
      amount = b;
    } else if (value instanceof Double || value instanceof Float) {
      amount = BigDecimal.valueOf(((Number) value).doubleValue());
    } else if (value instanceof Number n) {
      amount = BigDecimal.valueOf(n.longValue());
    } else {
      String text = value.toString().replace(",", "").trim();
      if (text.isEmpty()) {
        return null;
      }
      try {
        amount = new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("金额格式不对: " + value);
      }
    }
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  /** "1,000,000 元", or "1,234.50 元" when there are fen. */
  public static String text(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    boolean whole = amount.stripTrailingZeros().scale() <= 0;
    DecimalFormat format = new DecimalFormat(whole ? "#,##0" : "#,##0.00", symbols);
    return format.format(amount) + " 元";
  }

  /**
   * The amount as a process variable Tasklist forms and the REST API read natively: a Long when it is whole yuan,
   * otherwise a Double (the engine has no decimal type; the register keeps the exact amount).
   */
  public static Object variable(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    return amount.stripTrailingZeros().scale() <= 0 ? (Object) amount.longValueExact() : (Object) amount.doubleValue();
  }

  public static String text(Object value) {
    return text(yuan(value));
  }
}
