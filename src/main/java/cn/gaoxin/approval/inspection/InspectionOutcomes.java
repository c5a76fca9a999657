package cn.gaoxin.approval.inspection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The result categories of a double-random inspection and the handling measures, as published (公示). */
public final class InspectionOutcomes {

  public static final String NO_PROBLEM = "NO_PROBLEM";

  public static final Map<String, String> RESULTS = ordered(
      NO_PROBLEM, "未发现问题",
      "NOT_DISCLOSED", "未按规定公示应当公示的信息",
      "FALSE_DISCLOSURE", "公示信息隐瞒真实情况、弄虚作假",
      "UNREACHABLE", "通过登记的住所或者经营场所无法联系",
      "VIOLATION", "发现违法违规问题");

  public static final Map<String, String> MEASURES = ordered(
      "ORDER_CORRECTION", "责令限期改正",
      "ABNORMAL_LIST", "列入经营异常名录",
      "CASE_FILED", "立案查处",
      "TRANSFER", "移送有关部门处理");

  private InspectionOutcomes() {}

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
