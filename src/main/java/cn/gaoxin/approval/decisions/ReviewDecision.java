package cn.gaoxin.approval.decisions;

import cn.gaoxin.approval.cases.CaseStatus;
import org.camunda.bpm.engine.exception.NotValidException;

/** What a reviewer decides in a review form; RETURN sends the case back for correction (no decision yet). */
public enum ReviewDecision {
  APPROVE(CaseStatus.APPROVED), REJECT(CaseStatus.REJECTED), RETURN(CaseStatus.RETURNED);

  private final CaseStatus status;

  ReviewDecision(CaseStatus status) {
    this.status = status;
  }

  public CaseStatus status() {
    return status;
  }

  public static ReviewDecision parse(Object value) {
    if (value != null) {
      for (ReviewDecision d : values()) {
        if (d.name().equals(value.toString())) {
          return d;
        }
      }
    }
    throw new NotValidException("请选择审查意见: 准予 (APPROVE)、不予 (REJECT) 或 退回补正 (RETURN)");
  }
}
