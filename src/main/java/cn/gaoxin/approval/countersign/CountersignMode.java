package cn.gaoxin.approval.countersign;

/**
 * How a countersign decides. 会签 ({@code ALL}): everyone must agree, the first disagreement ends it (completion
 * condition {@code ${nrOfRejections > 0 || nrOfCompletedInstances == nrOfInstances}}). 或签 ({@code ANY}): the first
 * agreement decides and the other signers' tasks are withdrawn; it is refused only if every signer disagrees
 * (completion condition {@code ${nrOfApprovals >= 1}}).
 */
public enum CountersignMode {
  ALL("会签"),
  ANY("或签");

  private final String label;

  CountersignMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The result so far: a 会签 fails on one objection, an 或签 passes on one agreement. */
  public boolean approved(int approvals, int rejections) {
    return this == ALL ? rejections == 0 : approvals > 0;
  }
}
