package cn.gaoxin.approval.reforms.licensing;

import java.util.List;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The tax step of 企业开办 needs the taxpayer type (纳税人类型) before it can be completed. */
@Component("validateTaxRegistration")
public class ValidateTaxRegistrationListener implements TaskListener {

  static final List<String> TAXPAYER_TYPES = List.of("小规模纳税人", "一般纳税人");

  @Override
  public void notify(DelegateTask task) {
    Object type = task.getVariable("taxpayerType");
    if (type == null || !TAXPAYER_TYPES.contains(type.toString())) {
      throw new NotValidException("请选择纳税人类型: 小规模纳税人或一般纳税人");
    }
  }
}
