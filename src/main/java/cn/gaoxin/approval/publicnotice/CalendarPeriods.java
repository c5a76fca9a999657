package cn.gaoxin.approval.publicnotice;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.catalog.CatalogException;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Periods in CALENDAR days (自然日) that belong to a catalog item, such as the 45-day public notice of a simplified
 * deregistration (公示期): unlike the item's limits they do not skip weekends and holidays. They live in the
 * catalog files next to the items, in a top-level section (the item schema has no calendar-day field):
 *
 * <pre>
 * calendarPeriods:
 *   SCJG-JYZX-001: { publicNotice: P45D }
 * </pre>
 *
 * Values are ISO-8601 periods. Loaded at start and validated: the item must exist, the period must be positive.
 * For BPMN expressions (bean {@code calendarPeriods}): {@code ${calendarPeriods.days(execution, 'publicNotice')}}
 * (e.g. as the {@code days} of {@code openPublicNoticePeriod}), {@code ${calendarPeriods.iso(execution, 'publicNotice')}},
 * {@code ${calendarPeriods.endFromNow(execution, 'publicNotice')}} and, for forms,
 * {@code ${calendarPeriods.describe(publicNoticeStartsAt, publicNoticeEndsAt)}}.
 */
@Component("calendarPeriods")
public class CalendarPeriods {

  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final Map<String, Map<String, Period>> periods;
  private final EngineClock clock;

  public CalendarPeriods(ServiceCatalog catalog, EngineClock clock,
      @Value("${approval.catalog.location:classpath*:catalog/}") String location) throws IOException {
    this.clock = clock;
    String base = location.endsWith("/") ? location : location + "/";
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Map<String, Map<String, Period>> all = new HashMap<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources(base + "*.yaml")) {
      String file = "catalog/" + resource.getFilename();
      JsonNode root;
      try (InputStream in = resource.getInputStream()) {
        root = yaml.readTree(in);
      }
      JsonNode section = root == null ? null : root.get("calendarPeriods");
      if (section == null || section.isNull()) {
        continue;
      }
      if (!section.isObject()) {
        throw new CatalogException(file, null, "calendarPeriods", "必须是 事项编码 → {期间名称: ISO 期间} 的映射");
      }
      var items = section.fields();
      while (items.hasNext()) {
        var item = items.next();
        String code = item.getKey();
        if (catalog.item(code).isEmpty()) {
          throw new CatalogException(file, code, "calendarPeriods", "事项目录中没有这个事项");
        }
        if (!item.getValue().isObject()) {
          throw new CatalogException(file, code, "calendarPeriods", "必须是 {期间名称: ISO 期间} 的映射, 如 {publicNotice: P45D}");
        }
        var entries = item.getValue().fields();
        while (entries.hasNext()) {
          var entry = entries.next();
          String field = "calendarPeriods." + entry.getKey();
          Period period;
          try {
            period = Period.parse(entry.getValue().asText());
          } catch (DateTimeParseException e) {
            throw new CatalogException(file, code, field, "不是 ISO-8601 期间 (如 P45D 表示 45 个自然日): "
                + entry.getValue().asText());
          }
          if (period.isNegative() || period.isZero()) {
            throw new CatalogException(file, code, field, "期间必须大于 0");
          }
          if (all.computeIfAbsent(code, c -> new HashMap<>()).put(entry.getKey(), period) != null) {
            throw new CatalogException(file, code, field, "重复定义");
          }
        }
      }
    }
    this.periods = Map.copyOf(all);
  }

  /** The period of the item, or an error a designer can act on. */
  public Period period(String itemCode, String name) {
    Period period = periods.getOrDefault(itemCode, Map.of()).get(name);
    if (period == null) {
      throw new IllegalStateException("事项 " + itemCode + " 未在事项目录 calendarPeriods 中配置自然日期间 " + name);
    }
    return period;
  }

  /** The case item's period as ISO-8601 text (e.g. P45D), for timer durations. */
  public String iso(VariableScope scope, String name) {
    return period(itemCode(scope), name).toString();
  }

  /** The case item's period in calendar days counted from today (a period in months counts the days it spans). */
  public int days(VariableScope scope, String name) {
    LocalDate today = clock.today();
    return (int) (today.plus(period(itemCode(scope), name)).toEpochDay() - today.toEpochDay());
  }

  /** A period for people to read, e.g. "2026年3月2日 至 2026年4月16日 (45 个自然日)". */
  public String describe(Date start, Date end) {
    LocalDate from = clock.toLocalDate(start);
    LocalDate to = clock.toLocalDate(end);
    return CHINESE_DATE.format(from) + " 至 " + CHINESE_DATE.format(to) + " (" + (to.toEpochDay() - from.toEpochDay())
        + " 个自然日)";
  }

  /** The end of the period counted in calendar days from today (today not counted): 23:59:59 of its last day. */
  public Date endFromNow(VariableScope scope, String name) {
    return endFrom(clock.today(), period(itemCode(scope), name));
  }

  public Date endFrom(LocalDate start, Period period) {
    return clock.endOfDay(start.plus(period));
  }

  private static String itemCode(VariableScope scope) {
    Object code = scope.getVariable("itemCode");
    if (code == null) {
      throw new IllegalStateException("案件没有事项编码 (itemCode), 无法读取自然日期间");
    }
    return code.toString();
  }
}
