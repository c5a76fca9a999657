package cn.gaoxin.approval.licences;

public enum LicenceStatus {
  VALID("有效"), SUSPENDED("已中止"), REVOKED("已撤销");

  private final String label;

  LicenceStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
