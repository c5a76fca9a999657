package cn.gaoxin.approval.visits;

import cn.gaoxin.approval.cases.ApplicationRejectedException;
import cn.gaoxin.approval.cases.CaseVariables;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Settles, when a case starts, how its results will be delivered, so that the case keeps the "run at most once"
 * promise (只跑一次): an applicant who already came to the counter is not asked to come back for the results
 * (they are posted free of charge), and a phone-only case (掌上办) never needs the counter.
 *
 * <p>Reads {@code deliveryMethod} (COUNTER, POST or ELECTRONIC; optional), {@code postalAddress} and
 * {@code inPersonVisits}. Inputs: {@code allowedMethods} (comma text, default {@code COUNTER,POST}) and
 * {@code inPersonAllowed} (default true). Without a choice: POST when an address is given, otherwise COUNTER
 * if allowed and no visit was made yet, otherwise ELECTRONIC if allowed. Bad input rejects the application with
 * a Chinese message and nothing is recorded. Writes {@code deliveryMethod}, {@code deliveryMethodText} and
 * {@code deliveryInstructions} (a sentence for the result notice).
 */
@Component("planResultDelivery")
public class PlanResultDeliveryDelegate implements JavaDelegate {

  static final int MAX_ADDRESS = 200;

  @Override
  public void execute(DelegateExecution execution) {
    Set<DeliveryMethod> allowed = allowed(execution.getVariableLocal("allowedMethods"));
    Object inPersonInput = execution.getVariableLocal("inPersonAllowed");
    boolean inPersonAllowed = inPersonInput == null || Boolean.parseBoolean(inPersonInput.toString());
    Object visitsValue = execution.getVariable(CaseVariables.IN_PERSON_VISITS);
    int visits = visitsValue instanceof Number n ? n.intValue() : 0;
    Object addressValue = execution.getVariable("postalAddress");
    String address = addressValue == null ? "" : addressValue.toString().trim();
    Object chosen = execution.getVariable("deliveryMethod");

    List<String> problems = new ArrayList<>();
    DeliveryMethod method;
    if (chosen == null || chosen.toString().isBlank()) {
      method = !address.isEmpty() && allowed.contains(DeliveryMethod.POST) ? DeliveryMethod.POST
          : inPersonAllowed && visits == 0 && allowed.contains(DeliveryMethod.COUNTER) ? DeliveryMethod.COUNTER
          : allowed.contains(DeliveryMethod.ELECTRONIC) ? DeliveryMethod.ELECTRONIC : DeliveryMethod.POST;
    } else {
      method = DeliveryMethod.parse(chosen.toString());
      if (method == null) {
        problems.add("送达方式 (deliveryMethod) 只能是 COUNTER (窗口领取)、POST (邮寄送达) 或 ELECTRONIC (电子送达)");
      }
    }
    if (method != null && !allowed.contains(method)) {
      problems.add("本事项不支持" + method.label() + ", 可选: "
          + String.join("、", allowed.stream().map(DeliveryMethod::label).toList()));
    } else if (method == DeliveryMethod.COUNTER && !inPersonAllowed) {
      problems.add("本申请全程网上办理 (掌上办), 无需到窗口, 请选择邮寄送达或电子送达");
    } else if (method == DeliveryMethod.COUNTER && visits > 0) {
      problems.add("您已到窗口递交申请, 按“只跑一次”的要求办理结果将免费邮寄, 请选择邮寄送达并填写收件地址");
    }
    if (method == DeliveryMethod.POST && address.isEmpty()) {
      problems.add("邮寄送达请填写收件地址 (postalAddress)");
    }
    if (address.length() > MAX_ADDRESS) {
      problems.add("收件地址不能超过 " + MAX_ADDRESS + " 字");
    }
    if (!problems.isEmpty()) {
      throw new ApplicationRejectedException(problems);
    }
    execution.setVariable("deliveryMethod", method.name());
    execution.setVariable("deliveryMethodText", method.label());
    execution.setVariable("deliveryInstructions", switch (method) {
      case COUNTER -> "请携带身份证件和本通知到政务服务大厅综合窗口一次领取全部结果。";
      case POST -> "全部结果将由邮政免费寄送至: " + address + "。";
      case ELECTRONIC -> "电子证照已推送至您的手机端, 无需到现场领取。";
    });
  }

  private static Set<DeliveryMethod> allowed(Object input) {
    Set<DeliveryMethod> allowed = EnumSet.noneOf(DeliveryMethod.class);
    for (String name : CaseVariables.strings(input == null ? "COUNTER,POST" : input)) {
      DeliveryMethod m = DeliveryMethod.parse(name);
      if (m == null) {
        throw new IllegalStateException("输入参数 allowedMethods 含未知的送达方式: " + name);
      }
      allowed.add(m);
    }
    return allowed;
  }
}
