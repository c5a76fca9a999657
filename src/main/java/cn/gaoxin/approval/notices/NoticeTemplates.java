package cn.gaoxin.approval.notices;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** Notice wording from notices/templates.yaml; {placeholders} are filled from the case. */
@Component
public class NoticeTemplates {

  public record Template(String subject, String body) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

  private final Map<String, Template> templates;

  public NoticeTemplates(@Value("${approval.notices.templates:classpath:notices/templates.yaml}") Resource resource)
      throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    try (InputStream in = resource.getInputStream()) {
      this.templates = Map.copyOf(yaml.readValue(in, new TypeReference<Map<String, Template>>() {}));
    }
  }

  public boolean has(String type) {
    return templates.containsKey(type);
  }

  public Template require(String type) {
    Template t = templates.get(type);
    if (t == null) {
      throw new IllegalArgumentException("没有通知模板 " + type + " (notices/templates.yaml 中有: " + templates.keySet() + ")");
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
