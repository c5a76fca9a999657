package cn.gaoxin.approval.notices;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the applicant the notice named by the input parameter {@code noticeType} (a key of
 * notices/*.yaml). The notice goes through the outbox, in the step's transaction.
 */
@Component("sendNotice")
public class SendNoticeDelegate implements JavaDelegate {

  private final NoticeComposer composer;

  public SendNoticeDelegate(NoticeComposer composer) {
    this.composer = composer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object type = execution.getVariableLocal("noticeType");
    if (type == null) {
      throw new IllegalStateException("发送通知的任务缺少输入参数 noticeType");
    }
    composer.notifyApplicant(execution, type.toString(), Map.of());
  }
}
