package cn.gaoxin.approval.inspection;

import cn.gaoxin.approval.calendar.EngineClock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks the video appointment an inspector books ({@code videoAppointmentAt}, local time, and
 * {@code videoChannel}): it must lie in the future. Writes the readable {@code videoAppointmentText} the
 * applicant's notice shows (e.g. 2026年3月2日 10:00).
 */
@Component("checkVideoAppointment")
public class CheckVideoAppointmentListener implements TaskListener {

  private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final EngineClock clock;

  public CheckVideoAppointmentListener(EngineClock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Object value = task.getVariable("videoAppointmentAt");
    LocalDateTime at;
    if (value instanceof Date d) {
      at = LocalDateTime.ofInstant(d.toInstant(), clock.zone());
    } else if (value != null && !value.toString().isBlank()) {
      try {
        String text = value.toString().trim();
        at = LocalDateTime.parse(text.length() == 16 ? text + ":00" : text.substring(0, Math.min(19, text.length())));
      } catch (DateTimeParseException e) {
        throw new NotValidException("预约时间格式不对, 应为 yyyy-MM-ddTHH:mm: " + value);
      }
    } else {
      throw new NotValidException("请填写预约的视频勘验时间 (videoAppointmentAt)");
    }
    if (!at.isAfter(LocalDateTime.ofInstant(clock.instant(), clock.zone()))) {
      throw new NotValidException("预约时间 " + at.format(TEXT) + " 已过, 请选择以后的时间");
    }
    Object channel = task.getVariable("videoChannel");
    if (channel == null || channel.toString().isBlank()) {
      throw new NotValidException("请选择连线方式 (videoChannel)");
    }
    task.setVariable("videoAppointmentText", at.format(TEXT));
  }
}
