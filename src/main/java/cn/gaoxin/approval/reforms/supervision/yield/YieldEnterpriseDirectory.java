package cn.gaoxin.approval.reforms.supervision.yield;

import cn.gaoxin.approval.identifiers.EnterpriseListFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The industrial enterprises taking part in the per-mu yield evaluation, with the figures the departments supplied
 * (税务、自然资源、统计、生态环境…), used when a campaign brings no list of its own
 * ({@code approval.yield.enterprises}, default {@code classpath:supervision/yield-enterprises.yaml}).
 */
@Component
public class YieldEnterpriseDirectory {

  /** One enterprise; {@code scale} ABOVE (规模以上) or BELOW (规模以下); figures may be missing (collected by hand). */
  public record Enterprise(String creditCode, String name, String scale, String contactName, String contactPhone,
      BigDecimal landArea, BigDecimal taxPaid, BigDecimal salesRevenue, BigDecimal valueAdded, BigDecimal energyUse,
      BigDecimal pollutantEmission, BigDecimal rdExpense, Integer employees, Boolean majorViolation) {}

  record DirectoryFile(String source, Integer dataYear, List<Enterprise> enterprises) {}

  private final List<Enterprise> enterprises;

  public YieldEnterpriseDirectory(
      @Value("${approval.yield.enterprises:classpath:supervision/yield-enterprises.yaml}") Resource file)
      throws IOException {
    DirectoryFile parsed = EnterpriseListFile.read(file, DirectoryFile.class);
    for (Enterprise e : parsed.enterprises()) {
      if (!YieldCampaign.SCALES.containsKey(e.scale())) {
        throw new IllegalStateException("亩产效益参评企业 " + e.name() + " 的规模 (scale) 只能是 ABOVE 或 BELOW");
      }
    }
    EnterpriseListFile.checkCreditCodes(file, "亩产效益参评企业名单", parsed.enterprises(), Enterprise::creditCode,
        Enterprise::name);
    this.enterprises = List.copyOf(parsed.enterprises());
  }

  public List<Enterprise> enterprises() {
    return enterprises;
  }
}
