package cn.gaoxin.approval.bundles;

import java.util.List;

/**
 * One department's result in a one-window case, kept in the JSON list variable {@code departmentResults}.
 * {@code decision} is APPROVED, REJECTED or RETURNED (退回补正: no decision yet, the department reviews the corrected
 * application again); {@code decidedAt} is ISO-8601.
 */
public record DepartmentResult(String department, String departmentName, List<String> items, List<String> itemNames,
    String decision, String reason, String decidedAt) {

  public boolean approved() {
    return "APPROVED".equals(decision);
  }

  public boolean rejected() {
    return "REJECTED".equals(decision);
  }

  public boolean returned() {
    return "RETURNED".equals(decision);
  }
}
