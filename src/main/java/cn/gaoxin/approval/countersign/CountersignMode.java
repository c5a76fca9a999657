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

  /**
   * The result so far ({@link CountersignVariables#APPROVE}, {@code REJECT} or {@code RETURN}) when signers may also
   * return the case for correction: a 会签 is refused on one objection, otherwise returned when anyone returned it,
   * otherwise approved; an 或签 is approved on one agreement, otherwise returned when anyone returned it, otherwise
   * refused.
   */
  public String result(int approvals, int rejections, int returns) {
    if (this == ALL) {
      return rejections > 0 ? CountersignVariables.REJECT
          : returns > 0 ? CountersignVariables.RETURN : CountersignVariables.APPROVE;
    }
    return approvals > 0 ? CountersignVariables.APPROVE
        : returns > 0 ? CountersignVariables.RETURN : CountersignVariables.REJECT;
  }
}
