package cn.gaoxin.approval.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;

/**
 * Reads and validates catalog files. Every problem stops start-up with a message naming file, item and field:
 * an approval platform must not run on a catalog whose limits or materials are wrong.
 */
public class CatalogLoader {

  private static final Pattern ITEM_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,39}");
  private static final Pattern MATERIAL_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
      .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
      .configure(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);

  public Map<String, Department> loadDepartments(Resource resource) {
    String file = nameOf(resource);
    JsonNode root = read(resource);
    JsonNode list = root.path("departments");
    if (!list.isArray() || list.isEmpty()) {
      throw new CatalogException(file, null, "departments", "缺少部门列表");
    }
    Map<String, Department> departments = new LinkedHashMap<>();
    for (JsonNode node : list) {
      Department d = convert(file, node.path("id").asText(null), node, Department.class);
      require(file, d.id(), "id", d.id() != null && d.id().matches("[a-z][a-z0-9-]{1,63}"), "必须是小写英文标识, 如 market-regulation");
      require(file, d.id(), "name", notBlank(d.name()), "不能为空");
      require(file, d.id(), "id", departments.put(d.id(), d) == null, "重复的部门标识");
    }
    return departments;
  }

  /** Loads items from every resource; item codes must be unique across files. */
  public Map<String, ServiceItem> loadItems(List<Resource> resources, Set<String> departments) {
    Map<String, ServiceItem> items = new LinkedHashMap<>();
    Map<String, String> fileOfItem = new LinkedHashMap<>();
    for (Resource resource : resources) {
      String file = nameOf(resource);
      JsonNode root = read(resource);
      JsonNode defaults = root.path("defaults");
      JsonNode list = root.path("items");
      if (!list.isArray()) {
        throw new CatalogException(file, null, "items", "缺少事项列表 (items)");
      }
      for (JsonNode node : list) {
        ObjectNode merged = withDefaults(node, defaults);
        String code = node.path("code").asText(null);
        ServiceItem item = convert(file, code, merged, ServiceItem.class);
        validate(file, item, departments);
        String earlier = fileOfItem.putIfAbsent(item.code(), file);
        require(file, item.code(), "code", earlier == null, "事项编码重复 (已在 " + earlier + " 中定义)");
        items.put(item.code(), item);
      }
    }
    return items;
  }

  private void validate(String file, ServiceItem item, Set<String> departments) {
    String code = item.code();
    require(file, code, "code", code != null && ITEM_CODE.matcher(code).matches(),
        "事项编码必须由大写字母、数字和连字符组成 (3–40 位)");
    require(file, code, "name", notBlank(item.name()), "事项名称不能为空");
    require(file, code, "department", notBlank(item.department()), "主管部门不能为空");
    require(file, code, "department", departments.contains(item.department()),
        "未知的部门 " + item.department() + " (见 catalog/departments.yaml)");
    require(file, code, "processes", !item.processes().isEmpty(), "至少指定一个办理流程 (流程标识)");
    require(file, code, "limits", item.limits() != null, "缺少办理时限");
    ServiceItem.TimeLimits limits = item.limits();
    require(file, code, "limits.legal", limits.legal() != null && limits.legal() >= 0, "法定时限必须是不小于 0 的工作日数");
    require(file, code, "limits.promised", limits.promised() != null && limits.promised() >= 0,
        "承诺时限必须是不小于 0 的工作日数");
    require(file, code, "limits.promised", limits.promised() <= limits.legal(),
        "承诺时限 (" + limits.promised() + ") 不能超过法定时限 (" + limits.legal() + ")");
    for (String optional : List.of("acceptance", "supplement", "resubmission", "postCheck")) {
      Integer value = switch (optional) {
        case "acceptance" -> limits.acceptance();
        case "supplement" -> limits.supplement();
        case "resubmission" -> limits.resubmission();
        default -> limits.postCheck();
      };
      require(file, code, "limits." + optional, value == null || value >= 0, "必须是不小于 0 的工作日数");
    }
    require(file, code, "materials", !item.materials().isEmpty(), "至少列出一项申请材料");
    Set<String> materialCodes = new HashSet<>();
    for (int i = 0; i < item.materials().size(); i++) {
      ServiceItem.Material m = item.materials().get(i);
      String field = "materials[" + i + "]";
      require(file, code, field + ".code", m.code() != null && MATERIAL_CODE.matcher(m.code()).matches(),
          "材料编码必须由大写字母、数字、下划线或连字符组成");
      require(file, code, field + ".name", notBlank(m.name()), "材料名称不能为空");
      require(file, code, field + ".kind", m.kind() != null, "必须注明 core (核心要件) 或 deferrable (容缺项)");
      require(file, code, field + ".code", materialCodes.add(m.code()), "材料编码重复: " + m.code());
    }
    require(file, code, "materials", !item.coreMaterials().isEmpty(), "至少一项核心要件 (kind: core)");
    if (item.licence() != null) {
      require(file, code, "licence.type", item.licence().type() != null && item.licence().type().matches("[A-Z][A-Z0-9_]{1,59}"),
          "证照类型编码必须由大写字母、数字和下划线组成");
      require(file, code, "licence.title", notBlank(item.licence().title()), "证照名称不能为空");
      require(file, code, "licence.validYears", item.licence().validYears() == null || item.licence().validYears() > 0,
          "有效期 (年) 必须大于 0, 长期有效则不填");
    }
    require(file, code, "fee", item.fee() != null && item.fee().compareTo(BigDecimal.ZERO) >= 0,
        "收费标准必须是不小于 0 的金额 (元), 不收费填 0");
  }

  private ObjectNode withDefaults(JsonNode item, JsonNode defaults) {
    ObjectNode merged = item.deepCopy();
    if (defaults.isObject()) {
      defaults.fields().forEachRemaining(e -> {
        JsonNode own = merged.get(e.getKey());
        if (own == null || own.isNull()) {
          merged.set(e.getKey(), e.getValue().deepCopy());
        } else if (own.isObject() && e.getValue().isObject()) {
          ObjectNode combined = e.getValue().deepCopy();
          combined.setAll((ObjectNode) own);
          merged.set(e.getKey(), combined);
        }
      });
    }
    return merged;
  }

  private <T> T convert(String file, String item, JsonNode node, Class<T> type) {
    try {
      return yaml.treeToValue(node, type);
    } catch (JsonMappingException e) {
      String field = e.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      throw new CatalogException(file, item, field.isEmpty() ? "-" : field, "格式不对 (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new CatalogException(file, "无法读取", e);
    }
  }

  private JsonNode read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      JsonNode root = yaml.readTree(in);
      if (root == null || !root.isObject()) {
        throw new CatalogException(nameOf(resource), null, "-", "文件为空或不是 YAML 映射");
      }
      return root;
    } catch (IOException e) {
      throw new CatalogException(nameOf(resource), "不是合法的 YAML: " + e.getMessage(), e);
    }
  }

  private static void require(String file, String item, String field, boolean ok, String problem) {
    if (!ok) {
      throw new CatalogException(file, item, field, problem);
    }
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  static String nameOf(Resource resource) {
    String description = resource.getFilename();
    try {
      String url = resource.getURL().toString();
      int at = url.lastIndexOf("catalog/");
      return at >= 0 ? url.substring(at) : description;
    } catch (IOException e) {
      return description;
    }
  }

  static List<Resource> sorted(Resource[] resources) {
    List<Resource> list = new ArrayList<>(List.of(resources));
    list.sort((a, b) -> nameOf(a).compareTo(nameOf(b)));
    return list;
  }
}
