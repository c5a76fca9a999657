package cn.gaoxin.approval.cases;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.database.DatabaseSequences;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Issues case numbers such as {@code GX-2026-000123}: prefix, year of acceptance, a zone-wide sequence. */
@Component
public class CaseNumbers {

  private final DatabaseSequences sequences;
  private final EngineClock clock;
  private final String prefix;
  private final Pattern format;

  public CaseNumbers(DatabaseSequences sequences, EngineClock clock,
      @Value("${approval.case-number.prefix:GX}") String prefix) {
    this.sequences = sequences;
    this.clock = clock;
    this.prefix = prefix;
    this.format = Pattern.compile(Pattern.quote(prefix) + "-\\d{4}-\\d{6,}");
  }

  public String next() {
    return String.format("%s-%d-%06d", prefix, clock.today().getYear(), sequences.next("app_case_number_seq"));
  }

  public boolean looksLikeCaseNumber(String candidate) {
    return candidate != null && format.matcher(candidate).matches();
  }
}
