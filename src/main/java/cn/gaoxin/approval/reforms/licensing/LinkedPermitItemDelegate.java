package cn.gaoxin.approval.reforms.licensing;

import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 证照联办: loads the permit item that a joint application also asks for (chosen by the scenario decision table)
 * from the catalog, so the permit's department, limits and licence come from the catalog and not from the model.
 * Input parameters: {@code linkedItemCode} (the permit's catalog item, required) and {@code linkedScope} (the
 * business scope printed on the permit). Writes {@code permitItemCode}, {@code permitItemName},
 * {@code permitDepartment} (candidate group of the permit review), {@code permitDepartmentName},
 * {@code permitPromisedDays}, {@code permitLicenceType}, {@code permitLicenceTitle}, {@code permitValidYears},
 * {@code permitScope}.
 */
@Component("loadLinkedPermitItem")
public class LinkedPermitItemDelegate implements JavaDelegate {

  private final ServiceCatalog catalog;

  public LinkedPermitItemDelegate(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object code = execution.getVariableLocal("linkedItemCode");
    if (code == null || code.toString().isBlank()) {
      throw new IllegalStateException("事项 " + execution.getVariable("itemCode")
          + " 没有配置联办的许可事项 (见决策表 licence-permit-joint-scenario)");
    }
    ServiceItem permit = catalog.require(code.toString());
    if (permit.licence() == null) {
      throw new IllegalStateException("联办许可事项 " + permit.code() + " 在事项目录中没有配置所发证照 (licence)");
    }
    Object scope = execution.getVariableLocal("linkedScope");
    execution.setVariable("permitItemCode", permit.code());
    execution.setVariable("permitItemName", permit.name());
    execution.setVariable("permitDepartment", permit.department());
    execution.setVariable("permitDepartmentName",
        catalog.department(permit.department()).map(d -> d.name()).orElse(permit.department()));
    execution.setVariable("permitPromisedDays", permit.limits().promised());
    execution.setVariable("permitLicenceType", permit.licence().type());
    execution.setVariable("permitLicenceTitle", permit.licence().title());
    execution.setVariable("permitValidYears", permit.licence().validYears());
    execution.setVariable("permitScope", scope == null || scope.toString().isBlank() ? permit.name() : scope.toString());
  }
}
