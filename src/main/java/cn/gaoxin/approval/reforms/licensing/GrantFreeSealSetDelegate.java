package cn.gaoxin.approval.reforms.licensing;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Grants a new enterprise its free seal set (企业开办: 政府购买服务免费刻制一套印章) while the year's quota lasts
 * ({@code approval.seals.free-sets-per-year}, default 3,000 as in seed 001). Input {@code sealItemCode}: the
 * catalog item of seal engraving, whose fee is what one set costs. Writes {@code sealFree} (yes/no),
 * {@code sealFee} (yuan, text), {@code sealNote} (a sentence for the notice) and
 * {@code freeSealsGrantedThisYear}. Retrying the step grants nothing twice.
 */
@Component("grantFreeSealSet")
public class GrantFreeSealSetDelegate implements JavaDelegate {

  private final FreeSealProgramme programme;
  private final ServiceCatalog catalog;
  private final EngineClock clock;
  private final int quota;

  public GrantFreeSealSetDelegate(FreeSealProgramme programme, ServiceCatalog catalog, EngineClock clock,
      @Value("${approval.seals.free-sets-per-year:3000}") int quota) {
    if (quota < 0) {
      throw new IllegalStateException("approval.seals.free-sets-per-year 不能小于 0");
    }
    this.programme = programme;
    this.catalog = catalog;
    this.clock = clock;
    this.quota = quota;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object itemCode = execution.getVariableLocal("sealItemCode");
    if (itemCode == null) {
      throw new IllegalStateException("免费刻章环节缺少输入参数 sealItemCode (印章刻制事项编码)");
    }
    ServiceItem sealItem = catalog.require(itemCode.toString());
    FreeSealProgramme.Grant grant = programme.grant((String) execution.getVariable(CaseVariables.CASE_NUMBER),
        (String) execution.getVariable(CaseVariables.CREDIT_CODE), clock.today().getYear(), quota, sealItem.fee(),
        clock.instant());
    String fee = grant.fee().stripTrailingZeros().toPlainString();
    execution.setVariable("sealFree", grant.free());
    execution.setVariable("sealFee", fee);
    execution.setVariable("freeSealsGrantedThisYear", grant.grantedThisYear());
    execution.setVariable("sealNote", grant.free()
        ? "免费刻制一套印章 (公章、财务专用章、发票专用章、法定代表人名章) 并制发电子印章, 费用 " + fee + " 元由政府购买服务承担"
        : "本年度免费印章 (" + grant.quota() + " 套) 已发放完毕, 印章刻制费用 " + fee + " 元由企业自理");
  }
}
