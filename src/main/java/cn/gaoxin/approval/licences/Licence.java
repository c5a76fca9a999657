package cn.gaoxin.approval.licences;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A licence, permit or certificate in the register. {@code permits} lists what it authorises: one entry for a
 * plain licence, several for a combined one (一业一证: business licence and health permit on one QR code).
 */
public record Licence(
    String number,
    String caseNumber,
    String type,
    String title,
    String holderName,
    String holderCreditCode,
    String subject,
    List<String> permits,
    String issuedBy,
    Instant issuedAt,
    LocalDate validUntil,
    LicenceStatus status,
    Instant statusChangedAt,
    String statusReason) {}
