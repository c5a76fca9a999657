package cn.gaoxin.approval.reforms.services;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A result is delivered (寄递送达) only with the mail number ({@code trackingNumber}, 10–20 capital letters and
 * digits, e.g. 1187654321098 or EA123456789CN) and the name of whoever signed for it ({@code receivedBy}).
 */
@Component("validateProxyDelivery")
public class ValidateProxyDeliveryListener implements TaskListener {

  static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Z0-9]{10,20}");

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    Object tracking = task.getVariable("trackingNumber");
    if (tracking == null || !TRACKING_NUMBER.matcher(tracking.toString().trim()).matches()) {
      problems.add("请填写正确的邮件号 (10–20 位大写字母或数字)");
    }
    Object receivedBy = task.getVariable("receivedBy");
    if (receivedBy == null || receivedBy.toString().isBlank()) {
      problems.add("请填写签收人");
    } else if (receivedBy.toString().length() > 50) {
      problems.add("签收人不能超过 50 字");
    }
    if (!problems.isEmpty()) {
      throw new NotValidException(String.join("; ", problems));
    }
  }
}
