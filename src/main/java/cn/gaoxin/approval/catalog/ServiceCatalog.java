package cn.gaoxin.approval.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The loaded, validated catalog: read-only for the rest of the application. */
public class ServiceCatalog {

  private final Map<String, ServiceItem> items;
  private final Map<String, Department> departments;

  public ServiceCatalog(Map<String, ServiceItem> items, Map<String, Department> departments) {
    this.items = Map.copyOf(items);
    this.departments = Map.copyOf(departments);
    this.orderedItems = items.values().stream().toList();
    this.orderedDepartments = departments.values().stream().toList();
  }

  private final Collection<ServiceItem> orderedItems;
  private final Collection<Department> orderedDepartments;

  public Collection<ServiceItem> items() {
    return orderedItems;
  }

  public Optional<ServiceItem> item(String code) {
    return Optional.ofNullable(code).map(items::get);
  }

  /** The item, or an error a clerk or designer can act on. */
  public ServiceItem require(String code) {
    return item(code).orElseThrow(() -> new UnknownItemException(code));
  }

  public Collection<Department> departments() {
    return orderedDepartments;
  }

  public Optional<Department> department(String id) {
    return Optional.ofNullable(id).map(departments::get);
  }

  public static class UnknownItemException extends RuntimeException {
    public UnknownItemException(String code) {
      super("事项目录中没有编码为 " + code + " 的事项");
    }
  }
}
