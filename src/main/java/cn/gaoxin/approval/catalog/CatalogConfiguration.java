package cn.gaoxin.approval.catalog;

import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

@Configuration
public class CatalogConfiguration {

  /**
   * Items come from every {@code *.yaml} under the item location except departments.yaml. Operators can point
   * {@code approval.catalog.location} at a folder outside the jar (e.g. {@code file:/etc/approval/catalog/}).
   */
  @Bean
  public ServiceCatalog serviceCatalog(
      @Value("${approval.catalog.location:classpath*:catalog/}") String location) throws IOException {
    var resolver = new PathMatchingResourcePatternResolver();
    String base = location.endsWith("/") ? location : location + "/";
    var loader = new CatalogLoader();
    var departmentFiles = resolver.getResources(base + "departments.yaml");
    if (departmentFiles.length == 0 || !departmentFiles[0].exists()) {
      throw new CatalogException(base + "departments.yaml", null, "-", "找不到部门文件");
    }
    var departments = loader.loadDepartments(departmentFiles[0]);
    var itemFiles = CatalogLoader.sorted(resolver.getResources(base + "*.yaml")).stream()
        .filter(r -> !"departments.yaml".equals(r.getFilename()))
        .toList();
    return new ServiceCatalog(loader.loadItems(itemFiles, departments.keySet()), departments);
  }
}
