package cn.gaoxin.approval.followup;

/** A top-level case finished normally (not deleted); published inside the transaction that ended it. */
public record CaseEnded(String processInstanceId, String caseNumber) {}
