package cn.gaoxin.approval.cases;

import static cn.gaoxin.approval.cases.CaseVariables.*;

import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.identifiers.CreditCode;
import cn.gaoxin.approval.identifiers.FieldChecks;
import cn.gaoxin.approval.identifiers.PhoneNumbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Starts a case from an online application: everything is checked against the catalog first, and a case is
 * started only when nothing is wrong, so bad input changes nothing.
 */
@Service
public class ApplicationService {

  /** Variables an applicant may not set through {@code details}: the case's own bookkeeping. */
  static final Set<String> RESERVED = Set.of(CASE_NUMBER, ITEM_CODE, ITEM_NAME, DEPARTMENT, DEPARTMENT_NAME,
      APPLICANT_NAME, CREDIT_CODE, CONTACT_NAME, CONTACT_PHONE, CHANNEL, IN_PERSON_VISITS, SUBMITTED_AT,
      SUBMITTED_MATERIALS, CASE_STATUS, "supplementCommitment", "acceptedAt", "decisionStatus", "materialOptions");
  private static final Pattern DETAIL_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,63}");

  public record StartedCase(String caseNumber, String reform, String processInstanceId) {}

  private final ServiceCatalog catalog;
  private final CaseNumbers caseNumbers;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;

  public ApplicationService(ServiceCatalog catalog, CaseNumbers caseNumbers, RuntimeService runtimeService,
      RepositoryService repositoryService) {
    this.catalog = catalog;
    this.caseNumbers = caseNumbers;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
  }

  public StartedCase submit(ApplicationRequest request) {
    List<String> problems = new ArrayList<>();
    ServiceItem item = catalog.item(request.itemCode()).orElse(null);
    if (item == null) {
      problems.add("事项目录中没有编码为 " + request.itemCode() + " 的事项");
    }
    CreditCode.problem(request.applicant().creditCode()).ifPresent(problems::add);
    if (!PhoneNumbers.isValidMobile(request.applicant().contactPhone())) {
      problems.add("联系电话应为 11 位手机号码");
    }
    String reform = null;
    if (item != null) {
      reform = request.reform() == null || request.reform().isBlank() ? item.defaultProcess() : request.reform();
      if (!item.processes().contains(reform)) {
        problems.add("事项 " + item.code() + " 不能按流程 " + reform + " 办理 (可用: " + item.processes() + ")");
      } else if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(reform).latestVersion().count() == 0) {
        problems.add("流程 " + reform + " 尚未部署, 请联系管理员");
      }
      Set<String> unknown = new LinkedHashSet<>(request.materials());
      item.materials().forEach(m -> unknown.remove(m.code()));
      if (!unknown.isEmpty()) {
        problems.add("以下材料编码不属于事项 " + item.code() + ": " + String.join(", ", unknown));
      }
    }
    Map<String, Object> details = request.details() == null ? Map.of() : request.details();
    details.forEach((key, value) -> {
      if (!DETAIL_KEY.matcher(key).matches() || RESERVED.contains(key)) {
        problems.add("补充信息中的字段名 " + key + " 不允许使用");
      } else if (!(value == null || value instanceof String s && s.length() <= 2000 || value instanceof Number
          || value instanceof Boolean)) {
        problems.add("补充信息 " + key + " 只能是文字 (不超过 2000 字)、数字或是否");
      }
    });
    FieldChecks.problems(details).forEach(p -> problems.add("补充信息 " + p));
    FieldChecks.problems(Map.of("applicant.name", request.applicant().name(), "applicant.contactName",
        request.applicant().contactName())).forEach(problems::add);
    if (!problems.isEmpty()) {
      throw new ApplicationRejectedException(problems);
    }

    String caseNumber = caseNumbers.next();
    Map<String, Object> variables = new HashMap<>(details);
    variables.put(ITEM_CODE, item.code());
    variables.put(APPLICANT_NAME, request.applicant().name().trim());
    variables.put(CREDIT_CODE, request.applicant().creditCode());
    variables.put(CONTACT_NAME, request.applicant().contactName().trim());
    variables.put(CONTACT_PHONE, request.applicant().contactPhone());
    variables.put(CHANNEL, "ONLINE");
    variables.put(IN_PERSON_VISITS, 0);
    variables.put(SUBMITTED_MATERIALS, CaseVariables.json(new ArrayList<>(new LinkedHashSet<>(request.materials()))));
    variables.put("supplementCommitment", Boolean.TRUE.equals(request.supplementCommitment()));
    ProcessInstance instance = runtimeService.createProcessInstanceByKey(reform)
        .businessKey(caseNumber)
        .setVariables(variables)
        .execute();
    return new StartedCase(caseNumber, reform, instance.getId());
  }
}
