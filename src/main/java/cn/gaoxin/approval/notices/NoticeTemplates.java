package cn.gaoxin.approval.notices;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Notice wording from every {@code notices/*.yaml} (one file per group of reforms); a notice type defined twice
 * stops start-up. {placeholders} are filled from the case.
 */
@Component
public class NoticeTemplates {

  public record Template(String subject, String body) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

  private final Map<String, Template> templates;

  public NoticeTemplates(@Value("${approval.notices.templates:classpath*:notices/*.yaml}") String location)
      throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    Map<String, Template> all = new HashMap<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
      try (InputStream in = resource.getInputStream()) {
        Map<String, Template> some = yaml.readValue(in, new TypeReference<Map<String, Template>>() {});
        some.forEach((type, template) -> {
          if (template == null || template.subject() == null || template.body() == null) {
            throw new IllegalStateException("通知模板 " + type + " (" + resource.getFilename() + ") 缺少 subject 或 body");
          }
          if (all.putIfAbsent(type, template) != null) {
            throw new IllegalStateException("通知类型 " + type + " 重复定义 (" + resource.getFilename() + ")");
          }
        });
      }
    }
    this.templates = Map.copyOf(all);
  }

  public boolean has(String type) {
    return templates.containsKey(type);
  }

  public Template require(String type) {
    Template t = templates.get(type);
    if (t == null) {
      throw new IllegalArgumentException("没有通知模板 " + type + " (notices/*.yaml 中有: " + templates.keySet() + ")");
    }
    return t;
  }

  /** Fills placeholders; a placeholder with no value stays visible as {name} so a missing variable is noticed. */
  public static String fill(String text, Function<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.apply(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
