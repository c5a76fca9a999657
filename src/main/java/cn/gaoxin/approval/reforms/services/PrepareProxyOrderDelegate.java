package cn.gaoxin.approval.reforms.services;

import cn.gaoxin.approval.cases.CaseNumbers;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.Department;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.supervision.Deadlines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Takes a 帮代办 / 邮帮办 order (群众点单 → 中心接单): checks that the ordered catalog item can be handled for the
 * applicant, picks who runs the order and prepares the handling case.
 *
 * <p>Reads {@code orderedItemCode} (the catalog item to be handled), {@code runnerType} (POST: 邮政快递员 / 邮小青,
 * the default; AGENT: 帮代办专员 / 跑小青), {@code deliveryAddress} and {@code deliveryArea} (ZONE, CITY, OUTSIDE:
 * where the result is posted; the courier fee depends on it). Writes {@code orderedItemName},
 * {@code orderedDepartmentName}, {@code orderedMaterialOptions} (for the courier's checklist),
 * {@code handlingProcess} (the item's default process from the catalog, called by the call activity),
 * {@code handlingCaseNumber} (drawn now, the business key of the handling case), {@code runnerGroup} /
 * {@code runnerGroupName}, {@code collectionDueDate} (item limit {@code acceptance} of the order's own item,
 * working days) and case status 已接单.
 *
 * <p>An order that cannot be taken is a business error {@value #ERROR_CODE}; its message lists every problem.
 */
@Component("prepareProxyOrder")
public class PrepareProxyOrderDelegate implements JavaDelegate {

  public static final String ERROR_CODE = "PROXY_ORDER_NOT_ACCEPTED";
  static final Map<String, String> RUNNER_GROUPS = Map.of("POST", "post-couriers", "AGENT", "service-agents");
  static final List<String> DELIVERY_AREAS = List.of("ZONE", "CITY", "OUTSIDE");

  private final ServiceCatalog catalog;
  private final CaseNumbers caseNumbers;
  private final Deadlines deadlines;
  private final RepositoryService repositoryService;

  public PrepareProxyOrderDelegate(ServiceCatalog catalog, CaseNumbers caseNumbers, Deadlines deadlines,
      RepositoryService repositoryService) {
    this.catalog = catalog;
    this.caseNumbers = caseNumbers;
    this.deadlines = deadlines;
    this.repositoryService = repositoryService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    String orderedCode = text(execution, "orderedItemCode");
    ServiceItem ordered = null;
    if (orderedCode == null) {
      problems.add("请选择要代办的事项 (orderedItemCode)");
    } else {
      ordered = catalog.item(orderedCode).orElse(null);
      if (ordered == null) {
        problems.add("事项目录中没有编码为 " + orderedCode + " 的事项");
      }
    }
    String ownProcess = repositoryService.getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    if (ordered != null) {
      if (ordered.processes().contains(ownProcess)) {
        problems.add("\"" + ordered.name() + "\" 本身是帮代办服务, 不能再委托代办");
      } else if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(ordered.defaultProcess())
          .latestVersion().count() == 0) {
        problems.add("\"" + ordered.name() + "\" 的办理流程 " + ordered.defaultProcess() + " 尚未上线, 暂不能帮代办");
      }
    }
    String runnerType = text(execution, "runnerType");
    if (runnerType == null) {
      runnerType = "POST";
    }
    if (!RUNNER_GROUPS.containsKey(runnerType)) {
      problems.add("跑单方式只能是 POST (邮政上门) 或 AGENT (帮代办专员上门), 而不是 " + runnerType);
    }
    String address = text(execution, "deliveryAddress");
    if (address == null) {
      problems.add("请填写上门收件和寄递送达的地址 (deliveryAddress)");
    } else if (address.length() > 200) {
      problems.add("地址不能超过 200 字");
    }
    String area = text(execution, "deliveryArea");
    if (area == null || !DELIVERY_AREAS.contains(area)) {
      problems.add("请选择送达地址所在区域 (deliveryArea): ZONE 高新区内、CITY 市内其他区县、OUTSIDE 市外");
    }
    if (!problems.isEmpty()) {
      throw new BpmnError(ERROR_CODE, String.join("; ", problems));
    }

    String runnerGroup = RUNNER_GROUPS.get(runnerType);
    execution.setVariable("runnerType", runnerType);
    execution.setVariable("runnerGroup", runnerGroup);
    execution.setVariable("runnerGroupName", catalog.department(runnerGroup).map(Department::name).orElse(runnerGroup));
    execution.setVariable("orderedItemName", ordered.name());
    execution.setVariable("orderedDepartmentName",
        catalog.department(ordered.department()).map(Department::name).orElse(ordered.department()));
    execution.setVariable("orderedMaterialOptions", CaseVariables.json(ordered.materials().stream()
        .map(m -> Map.of("value", m.code(), "label", m.name() + (m.core() ? " (核心要件)" : " (容缺项)")))
        .toList()));
    execution.setVariable("handlingProcess", ordered.defaultProcess());
    if (!execution.hasVariable("handlingCaseNumber")) {
      execution.setVariable("handlingCaseNumber", caseNumbers.next());
    }
    execution.setVariable("collectionDueDate", deadlines.fromNow(execution, "acceptance"));
    execution.setVariable(CaseVariables.CASE_STATUS, CaseStatus.ORDER_TAKEN.name());
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }
}
