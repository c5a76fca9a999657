package cn.gaoxin.approval.inspection;

import cn.gaoxin.approval.identifiers.EnterpriseListFile;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The inspection target directory (检查对象名录库) the draw picks from when a campaign brings no list of its own
 * ({@code approval.inspection.directory}, default {@code classpath:supervision/inspection-directory.yaml}).
 * Checked at start: every credit code valid and unique.
 */
@Component
public class InspectionDirectory {

  public record Enterprise(String creditCode, String name, String contactName, String contactPhone, String address) {}

  record DirectoryFile(String source, List<Enterprise> enterprises) {}

  private final List<Enterprise> enterprises;

  public InspectionDirectory(
      @Value("${approval.inspection.directory:classpath:supervision/inspection-directory.yaml}") Resource file)
      throws IOException {
    DirectoryFile parsed = EnterpriseListFile.read(file, DirectoryFile.class);
    EnterpriseListFile.checkCreditCodes(file, "检查对象名录库", parsed.enterprises(), Enterprise::creditCode,
        Enterprise::name);
    this.enterprises = List.copyOf(parsed.enterprises());
  }

  public List<Enterprise> enterprises() {
    return enterprises;
  }
}
