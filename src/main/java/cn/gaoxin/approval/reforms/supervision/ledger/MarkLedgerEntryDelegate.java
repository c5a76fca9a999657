package cn.gaoxin.approval.reforms.supervision.ledger;

import static cn.gaoxin.approval.reforms.supervision.ledger.LedgerVariables.*;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.notices.NoticeComposer;
import cn.gaoxin.approval.supervision.Deadlines;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Moves the case's ledger entry ({@code ledgerNumber}) on. Input {@code action}:
 * <ul>
 *   <li>{@code SUBMIT}: the department reported its rectification ({@code rectificationMeasures});</li>
 *   <li>{@code REWORK}: not good enough, back to the department; a new {@code rectificationDueDate} from the catalog
 *       limit in input {@code limit} (default {@code supplement});</li>
 *   <li>{@code RECTIFY}: verified, the entry is rectified (销号);</li>
 *   <li>{@code CLOSE}: closed after review without (further) rectification, e.g. the demand was explained;</li>
 *   <li>{@code OVERDUE}: the rectification is overdue (counted on the entry).</li>
 * </ul>
 * Optional input {@code note}: the verifier's or reviewer's words, kept on the entry.
 */
@Component("markLedgerEntry")
public class MarkLedgerEntryDelegate implements JavaDelegate {

  public enum Action { SUBMIT, REWORK, RECTIFY, CLOSE, OVERDUE }

  private final RectificationLedger ledger;
  private final Deadlines deadlines;
  private final EngineClock clock;

  public MarkLedgerEntryDelegate(RectificationLedger ledger, Deadlines deadlines, EngineClock clock) {
    this.ledger = ledger;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object actionValue = execution.getVariableLocal("action");
    Action action;
    try {
      action = Action.valueOf(String.valueOf(actionValue));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("输入参数 action 应为 SUBMIT、REWORK、RECTIFY、CLOSE 或 OVERDUE, 实际为 " + actionValue);
    }
    Object numberValue = execution.getVariable(LEDGER_NUMBER);
    if (numberValue == null) {
      throw new IllegalStateException("案件尚未登记台账 (缺少 ledgerNumber)");
    }
    String number = numberValue.toString();
    Object noteValue = execution.getVariableLocal("note");
    String note = noteValue == null ? null : noteValue.toString();
    switch (action) {
      case SUBMIT -> {
        Object measures = execution.getVariable(RECTIFICATION_MEASURES);
        ledger.submit(number, measures == null ? null : measures.toString(), clock.instant());
        execution.setVariable(LEDGER_STATUS, RectificationLedger.Status.SUBMITTED.name());
      }
      case REWORK -> {
        Object limit = execution.getVariableLocal("limit");
        Date due = deadlines.fromNow(execution, limit == null ? "supplement" : limit.toString());
        ledger.rework(number, due.toInstant(), note);
        execution.setVariable(RECTIFICATION_DUE_DATE, due);
        execution.setVariable(RECTIFICATION_DUE_DATE_TEXT, NoticeComposer.formatDate(clock, due));
        execution.setVariable(LEDGER_STATUS, RectificationLedger.Status.REWORK.name());
      }
      case RECTIFY, CLOSE -> {
        RectificationLedger.Status status =
            action == Action.RECTIFY ? RectificationLedger.Status.RECTIFIED : RectificationLedger.Status.CLOSED;
        ledger.close(number, status, note, clock.instant());
        execution.setVariable(LEDGER_STATUS, status.name());
        execution.setVariable(CaseVariables.CASE_STATUS, CaseStatus.RECTIFIED.name());
      }
      case OVERDUE -> ledger.flagOverdue(number);
    }
  }
}
