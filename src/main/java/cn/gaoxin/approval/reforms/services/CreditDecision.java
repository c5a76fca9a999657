package cn.gaoxin.approval.reforms.services;

import org.camunda.bpm.engine.exception.NotValidException;

/** What a partner bank's officer decides on an innovation-points loan (火炬积分贷). */
public enum CreditDecision {
  APPROVE("按测算额度授信"), REDUCE("调减额度后授信"), REFUSE("不予授信");

  private final String label;

  CreditDecision(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static CreditDecision parse(Object value) {
    if (value != null) {
      for (CreditDecision d : values()) {
        if (d.name().equals(value.toString())) {
          return d;
        }
      }
    }
    throw new NotValidException("请选择审批意见: 按测算额度授信 (APPROVE)、调减额度后授信 (REDUCE) 或 不予授信 (REFUSE)");
  }
}
