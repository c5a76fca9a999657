package cn.gaoxin.approval.reforms.licensing;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The seal step of 企业开办 is done when the set is engraved and filed with the police (印章备案编号, 6–30 letters,
 * digits or hyphens) and the electronic seals are issued ({@code electronicSealIssued}).
 */
@Component("validateSealEngraving")
public class ValidateSealEngravingListener implements TaskListener {

  static final Pattern RECORD = Pattern.compile("[0-9A-Za-z-]{6,30}");

  @Override
  public void notify(DelegateTask task) {
    Object record = task.getVariable("sealRecordNumber");
    if (record == null || !RECORD.matcher(record.toString().trim()).matches()) {
      throw new NotValidException("请填写印章备案编号 (6–30 位字母、数字或连字符)");
    }
    if (!Boolean.TRUE.equals(task.getVariable("electronicSealIssued"))) {
      throw new NotValidException("请确认电子印章已制发至企业");
    }
  }
}
