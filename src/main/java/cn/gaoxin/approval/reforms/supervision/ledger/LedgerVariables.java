package cn.gaoxin.approval.reforms.supervision.ledger;

/** Variable names the ledger steps read and write. */
public final class LedgerVariables {

  public static final String LEDGER_NUMBER = "ledgerNumber";
  public static final String LEDGER_STATUS = "ledgerStatus";
  public static final String RECTIFICATION_DEPARTMENT = "rectificationDepartment";
  public static final String RECTIFICATION_DEPARTMENT_NAME = "rectificationDepartmentName";
  public static final String RECTIFICATION_DUE_DATE = "rectificationDueDate";
  /** The due date as clerks read it (yyyy年M月d日), for forms. */
  public static final String RECTIFICATION_DUE_DATE_TEXT = "rectificationDueDateText";
  public static final String RECTIFICATION_MEASURES = "rectificationMeasures";

  private LedgerVariables() {}
}
