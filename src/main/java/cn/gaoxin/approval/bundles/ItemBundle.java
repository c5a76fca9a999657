package cn.gaoxin.approval.bundles;

import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several catalog items applied for together through one window (一窗受理): the window's own item (its common
 * materials and its promise to send all results out at once) plus the component items, each reviewed by its
 * own department. Pure logic on the catalog: no engine, no database.
 *
 * <p>Materials are asked once: a document needed by several items (same name, e.g. 营业执照) appears once in
 * {@link #materials()}. Materials of different items that share a code but are different documents (e.g. two
 * items' own APPLICATION forms) are told apart by the key {@code <item code>:<material code>}.
 */
public final class ItemBundle {

  /** At most this many items in one application: beyond that a window check is no longer "once". */
  public static final int MAX_ITEMS = 20;

  private final ServiceItem window;
  private final List<ServiceItem> items;

  private ItemBundle(ServiceItem window, List<ServiceItem> items) {
    this.window = window;
    this.items = List.copyOf(items);
  }

  /**
   * The bundle of the window item and the applied item codes, or the problems (in Chinese) that stop it:
   * none applied, unknown codes, the window item itself, too many items, or an item whose promised limit does
   * not fit in the window's promise.
   */
  public static Result of(ServiceCatalog catalog, String windowItemCode, Collection<String> appliedCodes) {
    ServiceItem window = catalog.require(windowItemCode);
    List<String> problems = new ArrayList<>();
    Set<String> codes = new LinkedHashSet<>();
    for (String code : appliedCodes) {
      if (code != null && !code.isBlank()) {
        codes.add(code.trim());
      }
    }
    if (codes.isEmpty()) {
      problems.add("请至少选择一项申请事项 (appliedItems)");
    }
    if (codes.size() > MAX_ITEMS) {
      problems.add("一次最多合并申请 " + MAX_ITEMS + " 个事项, 本次为 " + codes.size() + " 个");
    }
    List<ServiceItem> items = new ArrayList<>();
    for (String code : codes) {
      ServiceItem item = catalog.item(code).orElse(null);
      if (item == null) {
        problems.add("事项目录中没有编码为 " + code + " 的事项");
      } else if (item.code().equals(window.code())) {
        problems.add("事项 " + code + " 是综合窗口本身, 请选择要办理的具体事项");
      } else if (item.limits().promised() >= window.limits().promised()) {
        problems.add("事项 " + item.name() + " 的承诺时限 (" + item.limits().promised() + " 个工作日) 不短于综合窗口的出件时限 ("
            + window.limits().promised() + " 个工作日), 请单独申请");
      } else {
        items.add(item);
      }
    }
    return problems.isEmpty() ? new Result(new ItemBundle(window, items), List.of()) : new Result(null, problems);
  }

  public record Result(ItemBundle bundle, List<String> problems) {}

  /** One material asked of the applicant: {@code key} is what the window ticks; {@code items} need it. */
  public record BundleMaterial(String key, String name, boolean core, List<String> items) {}

  public ServiceItem window() {
    return window;
  }

  public List<ServiceItem> items() {
    return items;
  }

  public List<String> itemCodes() {
    return items.stream().map(ServiceItem::code).toList();
  }

  /** The departments that review, in the order their first item was applied for (one branch each). */
  public List<String> departments() {
    Set<String> departments = new LinkedHashSet<>();
    items.forEach(i -> departments.add(i.department()));
    return List.copyOf(departments);
  }

  public List<ServiceItem> itemsOf(String department) {
    return items.stream().filter(i -> i.department().equals(department)).toList();
  }

  /** The longest promised limit among a department's items: its branch is due when its slowest item is. */
  public int promisedDaysOf(String department) {
    return itemsOf(department).stream().mapToInt(i -> i.limits().promised()).max()
        .orElseThrow(() -> new IllegalArgumentException("本次申请不涉及部门 " + department));
  }

  /** The de-duplicated materials of the window item and every applied item, in the order first needed. */
  public List<BundleMaterial> materials() {
    List<ServiceItem> all = new ArrayList<>();
    all.add(window);
    all.addAll(items);
    Map<String, Set<String>> namesOfCode = new HashMap<>();
    for (ServiceItem item : all) {
      for (ServiceItem.Material m : item.materials()) {
        namesOfCode.computeIfAbsent(m.code(), c -> new LinkedHashSet<>()).add(m.name());
      }
    }
    Map<String, BundleMaterial> byName = new LinkedHashMap<>();
    for (ServiceItem item : all) {
      for (ServiceItem.Material m : item.materials()) {
        BundleMaterial known = byName.get(m.name());
        if (known == null) {
          String key = namesOfCode.get(m.code()).size() > 1 ? item.code() + ":" + m.code() : m.code();
          byName.put(m.name(), new BundleMaterial(key, m.name(), m.core(), List.of(item.code())));
        } else {
          List<String> needers = new ArrayList<>(known.items());
          needers.add(item.code());
          byName.put(m.name(), new BundleMaterial(known.key(), known.name(), known.core() || m.core(), needers));
        }
      }
    }
    return List.copyOf(byName.values());
  }

  /**
   * The window item with the bundle's materials in place of its own, so the catalog check and the one-time
   * notification work on the whole application at once.
   */
  public ServiceItem asCombinedItem() {
    List<ServiceItem.Material> materials = materials().stream()
        .map(m -> new ServiceItem.Material(m.key(), m.name(),
            m.core() ? ServiceItem.MaterialKind.CORE : ServiceItem.MaterialKind.DEFERRABLE))
        .toList();
    return new ServiceItem(window.code(), window.name(), window.department(), window.processes(), window.limits(),
        materials, window.fee(), window.notificationCommitment(), window.description(), window.baseline(),
        window.licence());
  }
}
