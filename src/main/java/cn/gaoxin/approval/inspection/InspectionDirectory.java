package cn.gaoxin.approval.inspection;

import cn.gaoxin.approval.identifiers.CreditCode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    DirectoryFile parsed;
    try (InputStream in = file.getInputStream()) {
      parsed = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .readValue(in, DirectoryFile.class);
    }
    Set<String> seen = new HashSet<>();
    for (Enterprise e : parsed.enterprises()) {
      CreditCode.problem(e.creditCode()).ifPresent(p -> {
        throw new IllegalStateException("检查对象名录库 " + file.getFilename() + " 中 " + e.name() + ": " + p);
      });
      if (!seen.add(e.creditCode())) {
        throw new IllegalStateException("检查对象名录库中统一社会信用代码重复: " + e.creditCode());
      }
    }
    this.enterprises = List.copyOf(parsed.enterprises());
  }

  public List<Enterprise> enterprises() {
    return enterprises;
  }
}
