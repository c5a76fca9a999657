package cn.gaoxin.approval.licences;

/**
 * Where a licence stands: in force, suspended (中止, may return to force), revoked (撤销: the grant is undone, e.g. a
 * false commitment) or cancelled (注销: the holder ceased to exist or gave it up). Revoked and cancelled are final.
 */
public enum LicenceStatus {
  VALID("有效"), SUSPENDED("已中止"), REVOKED("已撤销"), CANCELLED("已注销");

  private final String label;

  LicenceStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Revoked and cancelled licences never change again. */
  public boolean isFinal() {
    return this == REVOKED || this == CANCELLED;
  }
}
