package cn.gaoxin.approval.reforms.construction;

/** The butler's record of one checklist item: handled (with its document number), or found not needed. */
public enum LandUseItemResult {
  DONE, NOT_NEEDED
}
