package cn.gaoxin.approval.reforms.licensing;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The social-insurance step of 企业开办 needs the employer's insurance number (单位社保登记编号, 8–20 characters). */
@Component("validateSocialInsuranceRegistration")
public class ValidateSocialInsuranceRegistrationListener implements TaskListener {

  static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z]{8,20}");

  @Override
  public void notify(DelegateTask task) {
    Object number = task.getVariable("socialInsuranceNumber");
    if (number == null || !NUMBER.matcher(number.toString().trim()).matches()) {
      throw new NotValidException("请填写单位社保登记编号 (8–20 位字母或数字)");
    }
  }
}
