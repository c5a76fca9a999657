package cn.gaoxin.approval.reforms.construction;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.catalog.CatalogException;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
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
 * The construction group's catalog data that are not single items, read from {@code catalog/construction.yaml}
 * beside the items: calendar periods for timers, bundles of items one joint case handles, the departments that
 * sign a joint review together (会签), and the land-use
 * checklist (用地清单) with its stages, categories and the park's regional assessments. Validated at start-up
 * like the item catalog: a wrong checklist must not reach a project butler. Bean name {@code constructionCatalog}
 * so models can read it in expressions, e.g. {@code ${constructionCatalog.bundle('joint-completion-acceptance')}}.
 */
@Component("constructionCatalog")
public class ConstructionCatalog {

  static final String FILE = "catalog/construction.yaml";

  /** When a checklist item applies: to every project, by decision table, or unless a regional assessment covers it. */
  public enum Applies { ALWAYS, RULE, REGIONAL_ASSESSMENT }

  public record Stage(String code, String name, String description) {}

  public record Category(String code, String name) {}

  public record RegionalAssessment(String code, String name) {}

  public record ChecklistItem(String code, String stage, String category, String name, String authority,
      int promisedDays, Applies applies, String regionalAssessment) {}

  public record Butlers(int team, int projectsServed, int capacity) {}

  private final ServiceCatalog catalog;
  private final EngineClock clock;
  private final Map<String, String> periods = new LinkedHashMap<>();
  private final Map<String, List<String>> bundles = new LinkedHashMap<>();
  private final Map<String, List<String>> signers = new LinkedHashMap<>();
  private final Map<String, Stage> stages = new LinkedHashMap<>();
  private final Map<String, Category> categories = new LinkedHashMap<>();
  private final Map<String, RegionalAssessment> assessments = new LinkedHashMap<>();
  private final Map<String, ChecklistItem> checklist = new LinkedHashMap<>();
  private Butlers butlers;

  public ConstructionCatalog(ServiceCatalog catalog, EngineClock clock,
      @Value("${approval.catalog.location:classpath*:catalog/}") String location) throws IOException {
    this.catalog = catalog;
    this.clock = clock;
    String base = location.endsWith("/") ? location : location + "/";
    Resource[] found = new PathMatchingResourcePatternResolver().getResources(base + "construction.yaml");
    if (found.length == 0 || !found[0].exists()) {
      throw new CatalogException(FILE, null, "-", "找不到工程建设与用地事项目录文件");
    }
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    JsonNode root;
    try (InputStream in = found[0].getInputStream()) {
      root = yaml.readTree(in);
    }
    loadPeriods(root.path("periods"));
    loadBundles(root.path("bundles"));
    loadSigners(root.path("signers"));
    loadLandUse(root.path("landUse"));
  }

  // ---- expressions used by the models ----

  /** An ISO 8601 period or duration by name, e.g. {@code PT2H}, for timer definitions. */
  public String period(String name) {
    String value = periods.get(name);
    if (value == null) {
      throw new IllegalArgumentException("事项目录 " + FILE + " 中没有期限 periods." + name);
    }
    return value;
  }

  /** Now plus the named period: the due date of a task that must be done within it. */
  public Date after(String name) {
    String value = period(name);
    java.time.Instant now = clock.instant();
    if (value.startsWith("PT")) {
      return Date.from(now.plus(Duration.parse(value)));
    }
    return Date.from(now.atZone(clock.zone()).plus(Period.parse(value)).toInstant());
  }

  /** The item codes of a bundle (a joint case), in catalog order. */
  public List<String> bundle(String name) {
    List<String> codes = bundles.get(name);
    if (codes == null) {
      throw new IllegalArgumentException("事项目录 " + FILE + " 中没有事项组合 bundles." + name);
    }
    return codes;
  }

  /**
   * The departments (candidate groups) that sign a joint review together, in catalog order: the collection of a
   * 会签, e.g. {@code ${constructionCatalog.signers('land-acquisition-design-review')}}.
   */
  public List<String> signers(String review) {
    List<String> groups = signers.get(review);
    if (groups == null) {
      throw new IllegalArgumentException("事项目录 " + FILE + " 中没有会签部门 signers." + review);
    }
    return groups;
  }

  /** The names of a bundle's items, e.g. the permits printed on one combined certificate. */
  public List<String> bundleNames(String name) {
    return bundle(name).stream().map(code -> catalog.require(code).name()).toList();
  }

  public ServiceItem item(String code) {
    return catalog.require(code);
  }

  /** The item's name, for forms and notices of one item inside a joint case. */
  public String itemName(String code) {
    return catalog.require(code).name();
  }

  /** The item's department (candidate group) inside a joint case. */
  public String departmentOf(String code) {
    return catalog.require(code).department();
  }

  public String departmentName(String code) {
    return catalog.department(departmentOf(code)).map(d -> d.name()).orElse(departmentOf(code));
  }

  // ---- land-use checklist ----

  public List<Stage> stages() {
    return List.copyOf(stages.values());
  }

  public Optional<Stage> stage(String code) {
    return Optional.ofNullable(stages.get(code));
  }

  public List<Category> categories() {
    return List.copyOf(categories.values());
  }

  public Optional<Category> category(String code) {
    return Optional.ofNullable(categories.get(code));
  }

  public List<RegionalAssessment> regionalAssessments() {
    return List.copyOf(assessments.values());
  }

  public Optional<RegionalAssessment> regionalAssessment(String code) {
    return Optional.ofNullable(assessments.get(code));
  }

  public List<ChecklistItem> checklist() {
    return List.copyOf(checklist.values());
  }

  public Optional<ChecklistItem> checklistItem(String code) {
    return Optional.ofNullable(checklist.get(code));
  }

  public Butlers butlers() {
    return butlers;
  }

  // ---- loading ----

  private void loadPeriods(JsonNode node) {
    require(node.isObject(), "periods", "缺少期限定义 (periods)");
    node.fields().forEachRemaining(e -> {
      String value = e.getValue().asText();
      try {
        if (value.startsWith("PT")) {
          require(!Duration.parse(value).isNegative(), "periods." + e.getKey(), "期限不能为负");
        } else {
          require(!Period.parse(value).isNegative(), "periods." + e.getKey(), "期限不能为负");
        }
      } catch (DateTimeParseException ex) {
        throw new CatalogException(FILE, null, "periods." + e.getKey(), "不是 ISO 8601 期限 (如 PT2H、P90D): " + value);
      }
      periods.put(e.getKey(), value);
    });
  }

  private void loadBundles(JsonNode node) {
    require(node.isObject(), "bundles", "缺少事项组合 (bundles)");
    node.fields().forEachRemaining(e -> {
      String field = "bundles." + e.getKey();
      List<String> codes = distinctList(e.getValue(), field, "事项组合");
      for (String code : codes) {
        require(catalog.item(code).isPresent(), field, "事项目录中没有编码为 " + code + " 的事项");
      }
      bundles.put(e.getKey(), codes);
    });
  }

  private void loadSigners(JsonNode node) {
    node.fields().forEachRemaining(e -> {
      String field = "signers." + e.getKey();
      List<String> groups = distinctList(e.getValue(), field, "会签部门");
      for (String group : groups) {
        require(catalog.department(group).isPresent(), field, "部门目录中没有 " + group);
      }
      signers.put(e.getKey(), groups);
    });
  }

  /** A non-empty list without repeats, e.g. the items of a bundle or the departments of a countersign. */
  private static List<String> distinctList(JsonNode node, String field, String what) {
    List<String> values = new ArrayList<>();
    node.forEach(v -> values.add(v.asText()));
    require(!values.isEmpty(), field, what + "不能为空");
    require(new LinkedHashSet<>(values).size() == values.size(), field, what + "中有重复");
    return List.copyOf(values);
  }

  private void loadLandUse(JsonNode node) {
    require(node.isObject(), "landUse", "缺少用地清单 (landUse)");
    JsonNode b = node.path("butlers");
    butlers = new Butlers(b.path("team").asInt(0), b.path("projectsServed").asInt(0), b.path("capacity").asInt(0));
    require(butlers.team() > 0 && butlers.capacity() > 0, "landUse.butlers", "管家团队人数和在办项目上限必须大于 0");
    for (JsonNode s : node.path("stages")) {
      Stage stage = new Stage(text(s, "code"), text(s, "name"), s.path("description").asText(""));
      require(stage.code() != null && stage.name() != null, "landUse.stages", "阶段需要 code 和 name");
      require(stages.put(stage.code(), stage) == null, "landUse.stages", "阶段编码重复: " + stage.code());
    }
    require(!stages.isEmpty(), "landUse.stages", "至少一个用地阶段");
    for (JsonNode c : node.path("categories")) {
      Category category = new Category(text(c, "code"), text(c, "name"));
      require(category.code() != null && category.name() != null, "landUse.categories", "大类需要 code 和 name");
      require(categories.put(category.code(), category) == null, "landUse.categories", "大类编码重复: " + category.code());
    }
    for (JsonNode a : node.path("regionalAssessments")) {
      RegionalAssessment assessment = new RegionalAssessment(text(a, "code"), text(a, "name"));
      require(assessment.code() != null && assessment.name() != null, "landUse.regionalAssessments", "区域评估需要 code 和 name");
      require(assessments.put(assessment.code(), assessment) == null, "landUse.regionalAssessments",
          "区域评估编码重复: " + assessment.code());
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode i : node.path("checklist")) {
      String code = text(i, "code");
      String field = "landUse.checklist[" + code + "]";
      require(code != null && code.matches("[A-Z]{2}-\\d{2,3}"), field, "清单事项编码应形如 LU-01");
      Applies applies;
      try {
        applies = Applies.valueOf(camelToConstant(text(i, "applies")));
      } catch (RuntimeException e) {
        throw new CatalogException(FILE, null, field + ".applies", "应为 always、rule 或 regionalAssessment");
      }
      ChecklistItem item = new ChecklistItem(code, text(i, "stage"), text(i, "category"), text(i, "name"),
          text(i, "authority"), i.path("promisedDays").asInt(0), applies, text(i, "regionalAssessment"));
      require(stages.containsKey(item.stage()), field + ".stage", "未知的用地阶段 " + item.stage());
      require(categories.containsKey(item.category()), field + ".category", "未知的大类 " + item.category());
      require(item.name() != null && names.add(item.name()), field + ".name", "事项名称为空或重复");
      require(item.authority() != null, field + ".authority", "请写明主办单位");
      require(item.promisedDays() > 0, field + ".promisedDays", "承诺时限必须是大于 0 的工作日数");
      require((applies == Applies.REGIONAL_ASSESSMENT) == (item.regionalAssessment() != null), field,
          "只有 applies: regionalAssessment 的事项写明 regionalAssessment");
      require(item.regionalAssessment() == null || assessments.containsKey(item.regionalAssessment()),
          field + ".regionalAssessment", "未知的区域评估 " + item.regionalAssessment());
      require(checklist.put(code, item) == null, field, "清单事项编码重复");
    }
    require(!checklist.isEmpty(), "landUse.checklist", "用地清单不能为空");
    for (Stage stage : stages.values()) {
      require(checklist.values().stream().anyMatch(i -> i.stage().equals(stage.code())), "landUse.stages",
          "阶段 " + stage.name() + " 没有任何清单事项");
    }
  }

  private static String camelToConstant(String value) {
    return value == null ? "" : value.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
  }

  private static void require(boolean ok, String field, String problem) {
    if (!ok) {
      throw new CatalogException(FILE, null, field, problem);
    }
  }
}
