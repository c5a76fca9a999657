package cn.gaoxin.approval.calendar;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

@Configuration
public class CalendarConfiguration {

  record HolidayFile(Map<Integer, HolidayYear> years) {}

  @Bean
  public WorkingDayCalendar workingDayCalendar(
      @Value("${approval.calendar.location:classpath:calendar/holidays-cn.yaml}") Resource location) throws IOException {
    return load(location);
  }

  public static WorkingDayCalendar load(Resource location) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .registerModule(new JavaTimeModule())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    try (InputStream in = location.getInputStream()) {
      HolidayFile file = yaml.readValue(in, new TypeReference<>() {});
      file.years().forEach((year, data) -> data.holidays().forEach(h -> {
        if (h.from().getYear() != year && h.to().getYear() != year || h.to().isBefore(h.from())) {
          throw new IllegalStateException("节假日数据有误 (" + location + "): " + year + " 年 " + h.name() + " 的日期范围不对");
        }
      }));
      return new WorkingDayCalendar(file.years());
    }
  }
}
