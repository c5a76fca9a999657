package cn.gaoxin.approval.credit;

import java.time.Instant;
import java.time.LocalDate;

/** One credit record of a market entity; in force until {@code validUntil} (inclusive), or for good when null. */
public record CreditRecord(
    long id,
    String creditCode,
    String holderName,
    CreditCategory category,
    String reason,
    String caseNumber,
    String recordedBy,
    Instant recordedAt,
    LocalDate validUntil) {

  public boolean inForceOn(LocalDate day) {
    return validUntil == null || !validUntil.isBefore(day);
  }
}
