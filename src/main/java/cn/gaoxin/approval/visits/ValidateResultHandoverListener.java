package cn.gaoxin.approval.visits;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a delivery task without proof of delivery: by post a waybill number ({@code waybillNumber},
 * 10–20 letters or digits, e.g. an EMS number); at the counter the recipient's name ({@code recipientName}) and
 * the clerk's confirmation that the recipient's identity was checked ({@code identityChecked}). The case's
 * {@code deliveryMethod} decides which applies.
 */
@Component("validateResultHandover")
public class ValidateResultHandoverListener implements TaskListener {

  static final Pattern WAYBILL = Pattern.compile("[A-Za-z0-9]{10,20}");

  @Override
  public void notify(DelegateTask task) {
    String method = String.valueOf(task.getVariable("deliveryMethod"));
    if (DeliveryMethod.POST.name().equals(method)) {
      Object waybill = task.getVariable("waybillNumber");
      if (waybill == null || !WAYBILL.matcher(waybill.toString().trim()).matches()) {
        throw new NotValidException("请填写邮件运单号 (10–20 位字母或数字)");
      }
    } else if (DeliveryMethod.COUNTER.name().equals(method)) {
      Object recipient = task.getVariable("recipientName");
      if (recipient == null || recipient.toString().isBlank()) {
        throw new NotValidException("请填写领取人姓名");
      }
      if (!Boolean.TRUE.equals(task.getVariable("identityChecked"))) {
        throw new NotValidException("请先核验领取人身份证件 (本人或持授权委托书的经办人)");
      }
    }
  }
}
