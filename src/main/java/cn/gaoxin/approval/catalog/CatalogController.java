package cn.gaoxin.approval.catalog;

import java.util.Collection;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Read-only, public: the 办事指南 is published information. */
@RestController
@RequestMapping("/api/catalog")
public class CatalogController {

  private final ServiceCatalog catalog;

  public CatalogController(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/items")
  public Collection<ServiceItem> items() {
    return catalog.items();
  }

  @GetMapping("/items/{code}")
  public ServiceItem item(@PathVariable String code) {
    return catalog.require(code);
  }

  @GetMapping("/departments")
  public Collection<Department> departments() {
    return catalog.departments();
  }

  @ExceptionHandler(ServiceCatalog.UnknownItemException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public java.util.Map<String, String> unknown(ServiceCatalog.UnknownItemException e) {
    return java.util.Map.of("error", e.getMessage());
  }
}
