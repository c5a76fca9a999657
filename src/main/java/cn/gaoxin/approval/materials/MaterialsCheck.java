package cn.gaoxin.approval.materials;

import cn.gaoxin.approval.catalog.ServiceItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Checks submitted materials against an item's catalog list. Pure logic: no engine, no database. */
public final class MaterialsCheck {

  public enum Status { COMPLETE, DEFERRABLE_MISSING, CORE_MISSING }

  /** One problem with one material: missing, or submitted but not acceptable (with the clerk's note). */
  public record Problem(String code, String name, boolean core, String problem) {}

  public record Result(Status status, List<Problem> problems) {
    public List<String> codes(boolean core) {
      return problems.stream().filter(p -> p.core() == core).map(Problem::code).toList();
    }
  }

  private MaterialsCheck() {}

  public static Result check(ServiceItem item, Collection<String> submitted, Collection<String> defective, String note) {
    Set<String> present = Set.copyOf(submitted);
    Set<String> bad = Set.copyOf(defective);
    List<Problem> problems = new ArrayList<>();
    for (ServiceItem.Material m : item.materials()) {
      if (!present.contains(m.code())) {
        problems.add(new Problem(m.code(), m.name(), m.core(), "未提交"));
      } else if (bad.contains(m.code())) {
        problems.add(new Problem(m.code(), m.name(), m.core(),
            "不符合要求" + (note == null || note.isBlank() ? "" : ": " + note.trim())));
      }
    }
    Status status = problems.stream().anyMatch(Problem::core) ? Status.CORE_MISSING
        : problems.isEmpty() ? Status.COMPLETE : Status.DEFERRABLE_MISSING;
    return new Result(status, problems);
  }
}
