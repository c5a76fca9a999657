package cn.gaoxin.approval.notices;

import java.time.Instant;

/** One notice in the outbox. */
public record Notice(long id, String caseNumber, String type, String recipient, String channel, String subject,
    String body, String status, int attempts, Instant createdAt, Instant sentAt, String lastError) {}
