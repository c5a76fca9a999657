package cn.gaoxin.approval.clerks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the Simplified Chinese translation of the Camunda webapps (Tasklist, Cockpit, Admin, Welcome)
 * that this project ships as overrides of the Camunda webjar, against the English originals inside the
 * webjar. Fails when a key of the English file is missing or left untranslated, when a key is added that
 * Camunda does not know, or when a placeholder ({{...}}, %s, %d, HTML tags) got lost in translation.
 * Plain JUnit, no Spring context.
 */
class WebappTranslationTest {

  private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";
  private static final String WEBJAR = "camunda-webapp-webjar";
  private static final String BANNER_KEY = "BANNER_CE_EOL_TEXT";

  /** English plural suffixes ("instance" + "s"): Chinese has no plural form, so they stay empty. */
  private static final Set<String> PLURAL_SUFFIX_KEYS =
      Set.of("PLGN_BATCH_S", "PLGN_MIG_S", "PLGN_MOD_DIALOG_S", "PLGN_MOD_RESTART_DIALOG_S");

  /** Keys whose value legitimately stays as in English: the vendor and product names, moment.js formats. */
  private static final Set<String> SAME_AS_ENGLISH_KEYS = Set.of(
      "labels/APP_VENDOR",                // "Camunda"
      "labels/AUTHORIZATION_OPTIMIZE",    // "Optimize", a Camunda product
      "dateLocales/calendar/sameElse",    // "L", a moment.js format token
      "dateLocales/longDateFormat/LT");   // "HH:mm", 24-hour time as used in China

  /** Technical literals and symbols that stay as they are wherever they occur. */
  private static final Set<String> SAME_AS_ENGLISH_VALUES = Set.of(
      "ID", "ID*", "null", "<null>", "<undefined>", "CSV", "JSON", "YYYY-MM-DDTHH:mm:ss",
      "<", "<=", ">", ">=");

  private static final Pattern PLACEHOLDER = Pattern.compile(
      "\\{\\{[^}]*\\}\\}"                   // Angular interpolation, e.g. {{ name }}
          + "|\\{\\}"                       // positional placeholder, e.g. "{} activity instances selected"
          + "|%[sd]"                        // moment.js relative time
          + "|&[a-z]+;"                     // HTML entities, e.g. &lt;
          + "|</?(?:a|b|i|u|em|strong|br|p|span|code|ul|li|div|small)\\b[^>]*>", // HTML tags
      Pattern.CASE_INSENSITIVE);

  private final ObjectMapper json = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseTranslationIsComplete(String app) throws IOException {
    String path = APP_ROOT + app + "/locales/";
    Map<String, JsonNode> english = leaves(readJson(webjarResource(path + "en.json")));
    Map<String, JsonNode> chinese = leaves(readJson(projectResource(path + "zh.json")));

    Set<String> missing = new TreeSet<>(english.keySet());
    missing.removeAll(chinese.keySet());
    Set<String> extra = new TreeSet<>(chinese.keySet());
    extra.removeAll(english.keySet());
    assertThat(missing).as("keys of the webjar's %s en.json missing in zh.json", app).isEmpty();
    assertThat(extra).as("keys in %s zh.json that the webjar's en.json does not have", app).isEmpty();

    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : english.entrySet()) {
      String key = entry.getKey();
      JsonNode en = entry.getValue();
      JsonNode zh = chinese.get(key);
      if (!en.isTextual()) {
        if (!en.equals(zh)) {
          problems.add(key + ": non-text value must stay " + en + " but is " + zh);
        }
        continue;
      }
      if (!zh.isTextual()) {
        problems.add(key + ": must be a string");
        continue;
      }
      String enText = en.asText();
      String zhText = zh.asText();
      String label = key.startsWith("labels/") ? key.substring("labels/".length()) : key;

      if (label.equals(BANNER_KEY)) {
        if (!zhText.isEmpty()) {
          problems.add(key + ": the vendor banner must be empty");
        }
        continue;
      }
      if (enText.isBlank()) {
        if (!zhText.isBlank()) {
          problems.add(key + ": blank in English, must stay blank");
        }
        continue;
      }
      if (PLURAL_SUFFIX_KEYS.contains(label)) {
        if (!zhText.isEmpty()) {
          problems.add(key + ": English plural suffix, must be empty in Chinese");
        }
        continue;
      }
      if (zhText.isBlank()) {
        problems.add(key + ": translation is blank");
        continue;
      }
      if (zhText.equals(enText)
          && !SAME_AS_ENGLISH_KEYS.contains(key)
          && !SAME_AS_ENGLISH_VALUES.contains(enText)) {
        problems.add(key + ": left in English: " + enText);
      }
      Map<String, Integer> enPlaceholders = placeholders(enText);
      Map<String, Integer> zhPlaceholders = placeholders(zhText);
      if (!enPlaceholders.equals(zhPlaceholders)) {
        problems.add(key + ": placeholders differ, English " + enPlaceholders + ", Chinese " + zhPlaceholders);
      }
    }
    System.out.printf("[i18n] %-8s zh.json: %4d keys checked against the webjar's en.json%n", app, english.size());
    assertThat(problems).as("problems in %s zh.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void englishOverrideOnlyEmptiesTheVendorBanner(String app) throws IOException {
    String path = APP_ROOT + app + "/locales/en.json";
    Map<String, JsonNode> original = leaves(readJson(webjarResource(path)));
    Map<String, JsonNode> override = leaves(readJson(projectResource(path)));

    assertThat(override.keySet()).containsExactlyInAnyOrderElementsOf(original.keySet());
    String bannerPath = "labels/" + BANNER_KEY;
    assertThat(original.get(bannerPath).asText()).as("the webjar's banner text").isNotBlank();
    assertThat(override.get(bannerPath).asText()).as("the overridden banner text").isEmpty();

    Map<String, JsonNode> differences = new TreeMap<>();
    original.forEach((key, value) -> {
      if (!value.equals(override.get(key))) {
        differences.put(key, override.get(key));
      }
    });
    assertThat(differences.keySet()).as("%s en.json may differ from the webjar's only in the banner", app)
        .containsExactly(bannerPath);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseIsTheDefaultLocaleAndEnglishStaysAvailable(String app) throws IOException {
    String config = withoutComments(read(projectResource(APP_ROOT + app + "/scripts/config.js")));
    assertThat(config)
        .as("%s config.js", app)
        .containsPattern("['\"]?availableLocales['\"]?\\s*:\\s*\\[\\s*['\"]zh['\"]\\s*,\\s*['\"]en['\"]\\s*]")
        .containsPattern("['\"]?fallbackLocale['\"]?\\s*:\\s*['\"]zh['\"]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void vendorBannerIsHidden(String app) throws IOException {
    // the header renders the banner element (a red bar of fixed height) even when its text is empty
    String css = withoutComments(read(projectResource(APP_ROOT + app + "/styles/user-styles.css")));
    assertThat(css).containsPattern("\\.ce-eol-banner\\s*\\{[^}]*display\\s*:\\s*none");
  }

  // --- helpers -------------------------------------------------------------------------------

  /** The original file inside the Camunda webjar (the project's override shadows it on the classpath). */
  private static URL webjarResource(String path) throws IOException {
    List<URL> found = resources(path).stream().filter(url -> url.toString().contains(WEBJAR)).toList();
    assertThat(found).as("%s in the Camunda webjar on the test classpath", path).hasSize(1);
    return found.get(0);
  }

  /** The project's own file (src/main/resources), not the webjar's. */
  private static URL projectResource(String path) throws IOException {
    List<URL> found = resources(path).stream().filter(url -> !url.toString().contains(WEBJAR)).toList();
    assertThat(found).as("%s in the project's resources", path).hasSize(1);
    return found.get(0);
  }

  private static List<URL> resources(String path) throws IOException {
    return Collections.list(WebappTranslationTest.class.getClassLoader().getResources(path));
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text; // Camunda's files start with a BOM
    }
  }

  private JsonNode readJson(URL url) throws IOException {
    return json.readTree(read(url));
  }

  /** Every leaf of the JSON tree by its path, e.g. "labels/ABORT" or "dateLocales/months[0]". */
  private static Map<String, JsonNode> leaves(JsonNode root) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    collect(root, "", result);
    return result;
  }

  private static void collect(JsonNode node, String path, Map<String, JsonNode> result) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "/" + field.getKey(), result);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path + "[" + i + "]", result);
      }
    } else {
      result.put(path, node);
    }
  }

  private static Map<String, Integer> placeholders(String text) {
    Map<String, Integer> counts = new TreeMap<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      counts.merge(matcher.group(), 1, Integer::sum);
    }
    return counts;
  }

  private static String withoutComments(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
  }
}
