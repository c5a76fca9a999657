package cn.gaoxin.approval.decisions;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * 退回补正 after reviews that run side by side: the case goes back to the applicant only when every review has
 * finished, with ONE notice naming every department that returned it and all their reasons (the inputs
 * {@code decisionReason} and {@code departmentName} of {@code returnForCorrection}). For a model with two fixed
 * reviews (一业一证) the model passes both decisions:
 * {@code ${reviewReturns.reasons(name1, decision1, reason1, name2, decision2, reason2)}} and
 * {@code ${reviewReturns.departments(name1, decision1, name2, decision2)}} (三项并联审查, 如拿地即开工, the same with
 * three); 一窗受理 lists its branches' results through {@code itemBundles}. Where one department reviews several of
 * the case's items (证照联办: 营业执照 and the permit may both be 市场监管),
 * {@code ${reviewReturns.itemReasons(name1, item1, decision1, reason1, name2, item2, decision2, reason2)}} names the
 * item of each reason.
 */
@Component("reviewReturns")
public class ReviewReturns {

  /** One department that returned the case, the items it reviews (may be empty), and what it asks to correct. */
  public record Returned(String departmentName, String items, String reason) {}

  /** Numbered lines "部门 (事项): 理由", one per returning department. */
  public static String reasons(List<Returned> returns) {
    return IntStream.range(0, returns.size())
        .mapToObj(i -> (i + 1) + ". " + returns.get(i).departmentName()
            + (returns.get(i).items().isBlank() ? "" : " (" + returns.get(i).items() + ")") + ": " + returns.get(i).reason())
        .collect(Collectors.joining("\n"));
  }

  /** The returning departments' names, joined as a Chinese list (A、B). */
  public static String departments(List<Returned> returns) {
    return returns.stream().map(Returned::departmentName).distinct().collect(Collectors.joining("、"));
  }

  public String reasons(String name1, Object decision1, Object reason1, String name2, Object decision2,
      Object reason2) {
    return reasons(returned(name1, "", decision1, reason1, name2, "", decision2, reason2));
  }

  /** As {@link #reasons(String, Object, Object, String, Object, Object)}, each line also naming the item reviewed. */
  public String itemReasons(String name1, String item1, Object decision1, Object reason1, String name2, String item2,
      Object decision2, Object reason2) {
    return reasons(returned(name1, item1, decision1, reason1, name2, item2, decision2, reason2));
  }

  public String departments(String name1, Object decision1, String name2, Object decision2) {
    return departments(returned(name1, "", decision1, null, name2, "", decision2, null));
  }

  public String reasons(String name1, Object decision1, Object reason1, String name2, Object decision2,
      Object reason2, String name3, Object decision3, Object reason3) {
    return reasons(returned(name1, "", decision1, reason1, name2, "", decision2, reason2, name3, "", decision3,
        reason3));
  }

  public String departments(String name1, Object decision1, String name2, Object decision2, String name3,
      Object decision3) {
    return departments(returned(name1, "", decision1, null, name2, "", decision2, null, name3, "", decision3, null));
  }

  /** Quadruples (department name, item reviewed, decision, reason): the returning ones. */
  private static List<Returned> returned(Object... reviews) {
    List<Returned> returns = new ArrayList<>();
    for (int i = 0; i + 3 < reviews.length; i += 4) {
      if (ReviewDecision.RETURN.name().equals(String.valueOf(reviews[i + 2]))) {
        returns.add(new Returned(String.valueOf(reviews[i]), reviews[i + 1] == null ? "" : reviews[i + 1].toString(),
            reviews[i + 3] == null ? "" : reviews[i + 3].toString().trim()));
      }
    }
    if (returns.isEmpty()) {
      throw new IllegalStateException("没有部门退回补正, 不能发送退回补正通知");
    }
    return returns;
  }
}
