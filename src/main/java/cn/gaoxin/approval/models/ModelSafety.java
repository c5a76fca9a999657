package cn.gaoxin.approval.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What may be deployed to the engine, checked before the engine sees it (Camunda Modeler through
 * {@code /engine-rest}, {@link DeploymentGuard}; and the repository's own models at start, {@link ModelDeployer}).
 *
 * <ul>
 *   <li>Only BPMN models, DMN decision tables and Camunda Forms: no embedded HTML forms or scripts, which would run
 *       in clerks' browsers or on the server.</li>
 *   <li>XML without a DOCTYPE: a document type declaration is how external entities (XXE) read server files; the
 *       check parses with DTDs and external entities switched off, so nothing is ever fetched.</li>
 *   <li>No scripts: script tasks, script listeners, input/output scripts and script conditions are refused in every
 *       language (the platform runs delegates, which are reviewed Java code, and Camunda's expression language);
 *       DMN expressions only in FEEL or JUEL. Any {@code language}, {@code scriptFormat} or
 *       {@code expressionLanguage} attribute naming something else is refused.</li>
 *   <li>Forms only with the form-js fields clerks' forms use (no iframes or raw HTML).</li>
 * </ul>
 */
public final class ModelSafety {

  static final Set<String> EXPRESSION_LANGUAGES = Set.of("feel", "juel", "https://www.omg.org/spec/dmn/20191111/feel/",
      "http://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/dmn/20230324/feel/");
  static final Set<String> FORM_FIELDS = Set.of("default", "textfield", "textarea", "number", "checkbox", "checklist",
      "radio", "select", "taglist", "datetime", "text", "group", "dynamiclist", "separator", "spacer", "expression",
      "table");
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelSafety() {}

  /** Empty when the resource may be deployed; otherwise every reason, in Chinese, naming the resource. */
  public static List<String> problems(String resourceName, byte[] content) {
    String name = resourceName == null ? "" : resourceName;
    String lower = name.toLowerCase(Locale.ROOT);
    List<String> problems = new ArrayList<>();
    if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml") || lower.endsWith(".dmn")
        || lower.endsWith(".dmn11.xml")) {
      checkXml(name, content, problems);
    } else if (lower.endsWith(".form")) {
      checkForm(name, content, problems);
    } else {
      problems.add(name + ": 只能部署 BPMN 流程 (.bpmn)、DMN 决策表 (.dmn) 和 Camunda 表单 (.form)");
    }
    return problems;
  }

  private static void checkXml(String name, byte[] content, List<String> problems) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
    trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(new ByteArrayInputStream(content));
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
          problems.add(name + ": 模型不得包含 DOCTYPE 声明 (可能引用外部实体读取服务器文件), 请用 Camunda Modeler 重新保存");
          return;
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
          problems.add(name + ": 模型不得引用实体 (&" + reader.getLocalName() + ";)");
          return;
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          checkElement(name, reader, problems);
        }
      }
    } catch (XMLStreamException e) {
      problems.add(name + ": 不是合法的 XML 文件, 无法部署 (" + firstLine(e.getMessage()) + ")");
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing to release beyond the byte array
        }
      }
    }
  }

  private static void checkElement(String name, XMLStreamReader reader, List<String> problems) {
    String element = reader.getLocalName();
    String where = name + " 的 <" + element + idOf(reader) + ">";
    boolean bpmnScriptOfTask = "script".equals(element) && BPMN.equals(reader.getNamespaceURI());
    if ("scriptTask".equals(element) || "script".equals(element) && !bpmnScriptOfTask) {
      problems.add(where + ": 不允许使用脚本 (" + attribute(reader, "scriptFormat")
          + "); 自动步骤请使用平台的委托 (${beanName}) 或表达式");
    }
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      String attribute = reader.getAttributeLocalName(i);
      String value = reader.getAttributeValue(i);
      if ("scriptFormat".equals(attribute) && !"scriptTask".equals(element) && !"script".equals(element)) {
        problems.add(where + ": 不允许使用脚本 (" + value + ")");
      } else if (("language".equals(attribute) || "expressionLanguage".equals(attribute)) && !allowedLanguage(value)) {
        problems.add(where + ": 不允许使用表达式语言 " + value + " (只允许 FEEL 和 JUEL 表达式)");
      }
    }
  }

  private static boolean allowedLanguage(String value) {
    if (value == null || value.isBlank()) {
      return true;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    // the BPMN default names XPath for the (unused) definitions-level language; Camunda evaluates JUEL regardless
    return EXPRESSION_LANGUAGES.contains(v) || "http://www.w3.org/1999/xpath".equals(v);
  }

  private static void checkForm(String name, byte[] content, List<String> problems) {
    JsonNode form;
    try {
      form = JSON.readTree(content);
    } catch (IOException e) {
      problems.add(name + ": 不是合法的 JSON 表单, 无法部署");
      return;
    }
    if (form == null || !form.isObject() || !form.path("components").isArray()) {
      problems.add(name + ": 不是 Camunda 表单 (缺少 components)");
      return;
    }
    checkComponents(name, form, problems);
  }

  private static void checkComponents(String name, JsonNode node, List<String> problems) {
    String type = node.path("type").asText("");
    if (!type.isEmpty() && !FORM_FIELDS.contains(type)) {
      problems.add(name + ": 表单组件类型 " + type + " 不允许使用 (" + node.path("id").asText("") + ")");
    }
    for (JsonNode child : node.path("components")) {
      checkComponents(name, child, problems);
    }
  }

  private static String attribute(XMLStreamReader reader, String localName) {
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      if (localName.equals(reader.getAttributeLocalName(i))) {
        return reader.getAttributeValue(i);
      }
    }
    return "未注明语言";
  }

  private static String idOf(XMLStreamReader reader) {
    String id = reader.getAttributeValue(null, "id");
    return id == null ? "" : " id=\"" + id + "\"";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line = message.strip().lines().reduce((a, b) -> b).orElse("");
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  private static void trySet(XMLInputFactory factory, String property, Object value) {
    try {
      factory.setProperty(property, value);
    } catch (IllegalArgumentException unsupported) {
      // a StAX implementation without the JAXP 1.5 properties: DTD support is off anyway
    }
  }
}
