package cn.gaoxin.approval.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.catalog.Department;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.catalog.ServiceItem.Material;
import cn.gaoxin.approval.catalog.ServiceItem.MaterialKind;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one-window bundle logic on a small catalog: departments, due limits, materials asked once, problems. */
class ItemBundleTest {

  static final Material CORE_LICENCE = new Material("BUSINESS_LICENCE", "营业执照", MaterialKind.CORE);

  static ServiceItem item(String code, String department, int promised, Material... materials) {
    return new ServiceItem(code, "事项" + code, department, List.of("one-window-acceptance"),
        new ServiceItem.TimeLimits(20, promised, 1, null, 5, null), List.of(materials), BigDecimal.ZERO, false, null,
        null, null);
  }

  static final ServiceCatalog CATALOG = catalog(
      item("WINDOW", "window-clerks", 10, new Material("FORM", "综合申请表", MaterialKind.CORE)),
      item("FOOD", "market", 5, new Material("APPLICATION", "食品经营许可申请书", MaterialKind.CORE), CORE_LICENCE,
          new Material("LAYOUT_PLAN", "布局图", MaterialKind.DEFERRABLE)),
      item("CHANGE", "market", 1, new Material("RESOLUTION", "股东会决议", MaterialKind.CORE),
          new Material("BUSINESS_LICENCE", "营业执照", MaterialKind.DEFERRABLE)),
      item("HYGIENE", "health", 7, new Material("APPLICATION", "公共场所卫生许可申请表", MaterialKind.CORE), CORE_LICENCE,
          new Material("LAYOUT_PLAN", "布局图", MaterialKind.CORE)),
      item("SLOW", "fire", 10, new Material("APPLICATION", "消防申请表", MaterialKind.CORE)));

  static ServiceCatalog catalog(ServiceItem... items) {
    Map<String, ServiceItem> byCode = new LinkedHashMap<>();
    for (ServiceItem i : items) {
      byCode.put(i.code(), i);
    }
    Map<String, Department> departments = new LinkedHashMap<>();
    for (String d : List.of("window-clerks", "market", "health", "fire")) {
      departments.put(d, new Department(d, "部门" + d, "department"));
    }
    return new ServiceCatalog(byCode, departments);
  }

  @Test
  void oneBranchPerDepartmentDueWhenItsSlowestItemIs() {
    ItemBundle bundle = ItemBundle.of(CATALOG, "WINDOW", List.of("FOOD", "HYGIENE", "CHANGE", "FOOD")).bundle();
    assertThat(bundle.itemCodes()).containsExactly("FOOD", "HYGIENE", "CHANGE");
    assertThat(bundle.departments()).containsExactly("market", "health");
    assertThat(bundle.itemsOf("market")).extracting(ServiceItem::code).containsExactly("FOOD", "CHANGE");
    assertThat(bundle.promisedDaysOf("market")).isEqualTo(5);
    assertThat(bundle.promisedDaysOf("health")).isEqualTo(7);
  }

  @Test
  void materialsNeededBySeveralItemsAreAskedOnceAndSameCodedDifferentDocumentsAreToldApart() {
    ItemBundle bundle = ItemBundle.of(CATALOG, "WINDOW", List.of("FOOD", "CHANGE", "HYGIENE")).bundle();
    assertThat(bundle.materials()).extracting(ItemBundle.BundleMaterial::key).containsExactly(
        "FORM", "FOOD:APPLICATION", "BUSINESS_LICENCE", "LAYOUT_PLAN", "RESOLUTION", "HYGIENE:APPLICATION");
    ItemBundle.BundleMaterial licence = bundle.materials().get(2);
    assertThat(licence.items()).containsExactly("FOOD", "CHANGE", "HYGIENE");
    assertThat(licence.core()).as("core when any item needs it as core").isTrue();
    assertThat(bundle.materials().get(3).core()).as("布局图 is core for the hygiene permit").isTrue();
    int separately = CATALOG.require("FOOD").materials().size() + CATALOG.require("CHANGE").materials().size()
        + CATALOG.require("HYGIENE").materials().size() + CATALOG.require("WINDOW").materials().size();
    assertThat(bundle.materials()).hasSizeLessThan(separately);
    assertThat(bundle.asCombinedItem().materials()).extracting(Material::code)
        .containsExactlyElementsOf(bundle.materials().stream().map(ItemBundle.BundleMaterial::key).toList());
  }

  @Test
  void problemsAreListedTogetherAndNothingIsPlanned() {
    ItemBundle.Result result = ItemBundle.of(CATALOG, "WINDOW", List.of("FOOD", "NOPE", "WINDOW", "SLOW"));
    assertThat(result.bundle()).isNull();
    assertThat(result.problems()).containsExactly("事项目录中没有编码为 NOPE 的事项",
        "事项 WINDOW 是综合窗口本身, 请选择要办理的具体事项",
        "事项 事项SLOW 的承诺时限 (10 个工作日) 不短于综合窗口的出件时限 (10 个工作日), 请单独申请");
    assertThat(ItemBundle.of(CATALOG, "WINDOW", List.of(" ")).problems())
        .containsExactly("请至少选择一项申请事项 (appliedItems)");
  }
}
