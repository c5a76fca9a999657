package cn.gaoxin.approval.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.FileSystemResource;

class CatalogLoaderTest {

  static final Set<String> DEPARTMENTS = Set.of("market-regulation", "health", "window-clerks");

  static final String GOOD_ITEM = """
        - code: SCJG-TEST-001
          name: 测试事项
          department: market-regulation
          processes: [incomplete-materials-acceptance]
          limits: { legal: 20, promised: 5 }
          fee: 0
          notificationCommitment: false
          materials:
            - { code: APPLICATION, name: 申请书, kind: core }
            - { code: LAYOUT, name: 布局图, kind: deferrable }
      """;

  @TempDir Path dir;

  private Path write(String name, String yaml) throws Exception {
    Path catalog = Files.createDirectories(dir.resolve("catalog"));
    return Files.writeString(catalog.resolve(name), yaml);
  }

  @Test
  void theShippedCatalogLoadsWithEveryItemValid() throws Exception {
    var catalog = new CatalogConfiguration().serviceCatalog("classpath*:catalog/");
    assertThat(catalog.items()).isNotEmpty();
    assertThat(catalog.item("SCJG-SPJY-001")).hasValueSatisfying(item -> {
      assertThat(item.department()).isEqualTo("market-regulation");
      assertThat(item.limits().promised()).isEqualTo(5);
      assertThat(item.limits().acceptance()).as("file defaults apply").isEqualTo(1);
      assertThat(item.coreMaterials()).extracting(ServiceItem.Material::code)
          .containsExactly("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID");
    });
    assertThat(catalog.departments()).extracting(Department::id).contains("window-clerks", "supervision", "auditors");
  }

  /** A 容缺受理 item whose materials may follow on commitment must say by when (else acceptance on commitment fails). */
  @Test
  void everyTolerantAcceptanceItemWithDeferrableMaterialsStatesItsSupplementLimit() throws Exception {
    var catalog = new CatalogConfiguration().serviceCatalog("classpath*:catalog/");
    assertThat(catalog.items().stream()
        .filter(i -> i.processes().contains("incomplete-materials-acceptance") && !i.deferrableMaterials().isEmpty()))
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i.limits().supplement()).as(i.code() + " limits.supplement").isNotNull());
  }

  @Test
  void defaultsMergeIntoItems() throws Exception {
    Path file = write("ok.yaml", "defaults:\n  limits: { acceptance: 2, supplement: 7 }\nitems:\n" + GOOD_ITEM);
    var items = new CatalogLoader().loadItems(List.of(new FileSystemResource(file)), DEPARTMENTS);
    assertThat(items.get("SCJG-TEST-001").limits().supplement()).isEqualTo(7);
    assertThat(items.get("SCJG-TEST-001").limits().promised()).isEqualTo(5);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "promised over legal|limits: { legal: 20, promised: 5 }|limits: { legal: 3, promised: 5 }|字段 limits.promised: 承诺时限 (5) 不能超过法定时限 (3)",
      "unknown department|department: market-regulation|department: tourism|字段 department: 未知的部门 tourism",
      "no core material|kind: core|kind: deferrable|字段 materials: 至少一项核心要件",
      "bad material kind|kind: core|kind: optional|字段 materials[0].kind",
      "negative fee|fee: 0|fee: -5|字段 fee",
      "text where a number belongs|promised: 5 }|promised: five }|字段 limits.promised",
      "unknown field|fee: 0|fees: 0|字段 fees",
      "bad item code|code: SCJG-TEST-001|code: scjg test|字段 code",
      "missing name|name: 测试事项|name: ''|字段 name: 事项名称不能为空",
  })
  void aBadFileStopsWithFileItemAndField(String caseName, String from, String to, String expected) throws Exception {
    Path file = write("bad.yaml", "items:\n" + GOOD_ITEM.replace(from, to));
    assertThatThrownBy(() -> new CatalogLoader().loadItems(List.of(new FileSystemResource(file)), DEPARTMENTS))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("文件 catalog/bad.yaml")
        .hasMessageContaining(expected);
  }

  @Test
  void duplicateCodesAcrossFilesAreRefused() throws Exception {
    Path a = write("a.yaml", "items:\n" + GOOD_ITEM);
    Path b = write("b.yaml", "items:\n" + GOOD_ITEM);
    assertThatThrownBy(() -> new CatalogLoader().loadItems(
        List.of(new FileSystemResource(a), new FileSystemResource(b)), DEPARTMENTS))
        .hasMessageContaining("文件 catalog/b.yaml, 事项 SCJG-TEST-001, 字段 code: 事项编码重复 (已在 catalog/a.yaml 中定义)");
  }

  @Test
  void brokenYamlIsNamed() throws Exception {
    Path file = write("broken.yaml", "items: [ {code: X\n");
    assertThatThrownBy(() -> new CatalogLoader().loadItems(List.of(new FileSystemResource(file)), DEPARTMENTS))
        .hasMessageContaining("文件 catalog/broken.yaml").hasMessageContaining("不是合法的 YAML");
  }

  @Test
  void aBadCatalogStopsTheApplicationFromStarting() throws Exception {
    write("departments.yaml", "departments:\n  - { id: market-regulation, name: 市场监管, kind: department }\n");
    write("items.yaml", "items:\n" + GOOD_ITEM.replace("promised: 5", "promised: 50"));
    assertThatThrownBy(() -> new CatalogConfiguration().serviceCatalog("file:" + dir.resolve("catalog") + "/"))
        .hasMessageContaining("事项 SCJG-TEST-001, 字段 limits.promised");
  }
}
