package cn.gaoxin.approval.identifiers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.core.io.Resource;

/**
 * Enterprise lists kept as YAML data (inspection directory, yield evaluation list): read strictly, and refused
 * when an entry has an invalid unified social credit code or one that appears twice.
 */
public final class EnterpriseListFile {

  private EnterpriseListFile() {}

  public static <F> F read(Resource file, Class<F> type) throws IOException {
    try (InputStream in = file.getInputStream()) {
      return new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .readValue(in, type);
    }
  }

  /** Checks every credit code; {@code listName} names the list in the messages (e.g. 检查对象名录库). */
  public static <E> void checkCreditCodes(Resource file, String listName, List<E> entries,
      Function<E, String> creditCode, Function<E, String> name) {
    Set<String> seen = new HashSet<>();
    for (E e : entries) {
      CreditCode.problem(creditCode.apply(e)).ifPresent(p -> {
        throw new IllegalStateException(listName + " " + file.getFilename() + " 中 " + name.apply(e) + ": " + p);
      });
      if (!seen.add(creditCode.apply(e))) {
        throw new IllegalStateException(listName + "中统一社会信用代码重复: " + creditCode.apply(e));
      }
    }
  }
}
