package cn.gaoxin.approval.inspection;

import cn.gaoxin.approval.catalog.CatalogException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What an inspection checks, per inspection scene (e.g. {@code CONSTRUCTION_POST_START}, {@code FOOD_BUSINESS}):
 * the {@code inspectionChecklists} section of any catalog file, so each group of reforms keeps its scenes beside
 * its items. A scene defined in two files, or an empty or repeated check, stops start-up.
 */
@Component
public class InspectionChecklists {

  private final Map<String, List<String>> scenes = new LinkedHashMap<>();

  public InspectionChecklists(@Value("${approval.catalog.location:classpath*:catalog/}") String location)
      throws IOException {
    String base = location.endsWith("/") ? location : location + "/";
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Map<String, String> fileOfScene = new LinkedHashMap<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources(base + "*.yaml")) {
      String file = "catalog/" + resource.getFilename();
      JsonNode root;
      try (InputStream in = resource.getInputStream()) {
        root = yaml.readTree(in);
      }
      if (root == null) {
        continue;
      }
      JsonNode section = root.path("inspectionChecklists");
      if (section.isMissingNode()) {
        continue;
      }
      if (!section.isObject()) {
        throw new CatalogException(file, null, "inspectionChecklists", "应为 场景编码: [核查项, …] 的映射");
      }
      section.fields().forEachRemaining(e -> {
        String field = "inspectionChecklists." + e.getKey();
        if (!e.getKey().matches("[A-Z][A-Z0-9_]{1,59}")) {
          throw new CatalogException(file, null, field, "勘验场景编码必须由大写字母、数字和下划线组成");
        }
        String earlier = fileOfScene.putIfAbsent(e.getKey(), file);
        if (earlier != null) {
          throw new CatalogException(file, null, field, "勘验场景重复 (已在 " + earlier + " 中定义)");
        }
        Set<String> checks = new LinkedHashSet<>();
        e.getValue().forEach(c -> {
          if (c.asText().isBlank() || !checks.add(c.asText().trim())) {
            throw new CatalogException(file, null, field, "核查项为空或重复: " + c.asText());
          }
        });
        if (checks.isEmpty()) {
          throw new CatalogException(file, null, field, "至少列出一项核查内容");
        }
        scenes.put(e.getKey(), List.copyOf(checks));
      });
    }
  }

  public Optional<List<String>> forScene(String scene) {
    return Optional.ofNullable(scene).map(scenes::get);
  }

  public List<String> scenes() {
    return new ArrayList<>(scenes.keySet());
  }
}
