package cn.gaoxin.approval.payments;

import java.math.BigDecimal;
import java.time.Instant;

/** One payment in the register: who paid whom how much, for what, on which case. */
public record Payment(String voucherNumber, String caseNumber, String purpose, String payer, String payeeName,
    String payeeCreditCode, BigDecimal amount, Instant paidAt) {}
