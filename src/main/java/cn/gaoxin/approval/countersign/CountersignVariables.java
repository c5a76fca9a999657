package cn.gaoxin.approval.countersign;

/**
 * The variables of a 会签 / 或签 (a parallel multi-instance signer task with the {@code ${countersign}} listener), as
 * designers see them in the Modeler, Cockpit and the forms.
 *
 * <p>Filled in by each signer on the form (local to that signer's instance):
 * <ul>
 *   <li>{@code signOpinion} 签署意见: {@code APPROVE} 同意 or {@code REJECT} 不同意, and where the task allows it
 *   ({@code allowReturn} = {@code true}) {@code RETURN} 退回补正 (the applicant must correct something first);</li>
 *   <li>{@code signReason} 签署理由: required for either opinion.</li>
 * </ul>
 * Kept by the listener on the multi-instance body (one set per countersign, beside the engine's
 * {@code nrOfInstances}, {@code nrOfActiveInstances}, {@code nrOfCompletedInstances}), for the completion condition:
 * <ul>
 *   <li>{@code nrOfApprovals} 同意数, {@code nrOfRejections} 不同意数 and {@code nrOfReturns} 退回补正数;</li>
 *   <li>{@code countersignSigners} 签署人: every department (or person) asked to sign, including those added (加签);</li>
 *   <li>{@code countersignObjections} 不同意意见汇总, {@code countersignAgreements} 同意意见汇总 and
 *   {@code countersignReturns} 退回补正意见汇总.</li>
 * </ul>
 * Shown on each signer task: {@code signerName} 签署部门/人员. Configured on the task (input parameters):
 * {@code countersignMode} ({@code ALL} 会签 or {@code ANY} 或签), {@code resultVariable} (receives {@code APPROVE},
 * {@code REJECT} or, with returns allowed, {@code RETURN} for the gateway after the countersign),
 * {@code resultOpinionVariable} (receives the opinions that carried the result when it is a refusal or a return,
 * empty otherwise) and {@code allowReturn} ({@code true}: signers may return the case for correction; a 会签 then
 * waits for every signer and ends with {@code RETURN} when someone returned it and nobody objected, an 或签 ends
 * with {@code RETURN} when nobody agreed and someone returned it).
 */
public final class CountersignVariables {

  public static final String SIGN_OPINION = "signOpinion";
  public static final String SIGN_REASON = "signReason";
  public static final String APPROVE = "APPROVE";
  public static final String REJECT = "REJECT";
  public static final String RETURN = "RETURN";

  public static final String APPROVALS = "nrOfApprovals";
  public static final String REJECTIONS = "nrOfRejections";
  public static final String RETURNS = "nrOfReturns";
  public static final String SIGNERS = "countersignSigners";
  public static final String OBJECTIONS = "countersignObjections";
  public static final String AGREEMENTS = "countersignAgreements";
  public static final String RETURN_REASONS = "countersignReturns";
  public static final String SIGNER_NAME = "signerName";

  public static final String MODE = "countersignMode";
  public static final String RESULT = "resultVariable";
  public static final String RESULT_OPINION = "resultOpinionVariable";
  public static final String ALLOW_RETURN = "allowReturn";

  /** The listener's bean name, as models reference it. */
  public static final String LISTENER = "${countersign}";
  /** Suffix the engine gives the activity id of a multi-instance body. */
  public static final String BODY_SUFFIX = "#multiInstanceBody";

  private CountersignVariables() {}
}
