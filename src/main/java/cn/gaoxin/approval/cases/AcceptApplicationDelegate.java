package cn.gaoxin.approval.cases;

import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.notices.NoticeComposer;
import cn.gaoxin.approval.supervision.Deadlines;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Accepts the application (受理): records {@code acceptedAt}, from which the promised limit runs, and sends the
 * acceptance notice. With input parameter {@code mode} = {@code commitment} it accepts on the applicant's
 * written commitment (容缺受理): the missing deferrable materials must follow by {@code supplementDueDate}
 * (item limit {@code supplement}, working days); {@code supplementPending} stays true until they do.
 */
@Component("acceptApplication")
public class AcceptApplicationDelegate implements JavaDelegate {

  private final NoticeComposer composer;
  private final Deadlines deadlines;
  private final ServiceCatalog catalog;
  private final EngineClock clock;

  public AcceptApplicationDelegate(NoticeComposer composer, Deadlines deadlines, ServiceCatalog catalog,
      EngineClock clock) {
    this.composer = composer;
    this.deadlines = deadlines;
    this.catalog = catalog;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(Deadlines.ACCEPTED_AT, clock.now());
    boolean onCommitment = "commitment".equals(execution.getVariableLocal("mode"));
    execution.setVariable("tolerantAcceptance", onCommitment);
    if (!onCommitment) {
      execution.setVariable(CaseVariables.CASE_STATUS, CaseStatus.ACCEPTED.name());
      composer.notifyApplicant(execution, "ACCEPTED", Map.of());
      return;
    }
    ServiceItem item = catalog.require((String) execution.getVariable(CaseVariables.ITEM_CODE));
    List<String> deferred = CaseVariables.strings(execution, "missingDeferrableMaterials");
    execution.setVariable("deferredMaterials", CaseVariables.json(deferred));
    execution.setVariable("supplementDueDate", deadlines.fromNow(execution, "supplement"));
    execution.setVariable("supplementPending", true);
    execution.setVariable(CaseVariables.CASE_STATUS, CaseStatus.ACCEPTED_ON_COMMITMENT.name());
    String list = IntStream.range(0, deferred.size())
        .mapToObj(i -> (i + 1) + ". " + item.material(deferred.get(i)).map(ServiceItem.Material::name).orElse(deferred.get(i)))
        .collect(Collectors.joining("\n"));
    composer.notifyApplicant(execution, "ACCEPTED_ON_COMMITMENT", Map.of("deferred", list));
  }
}
