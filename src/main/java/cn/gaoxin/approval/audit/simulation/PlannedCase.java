package cn.gaoxin.approval.audit.simulation;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * One case to simulate: which reform, catalog item (null: the driver picks one) and scenario, when it is submitted
 * (Asia/Shanghai local time), by which channel (ONLINE or COUNTER), and the scenario's parameters in working days
 * (e.g. {@code reviewDays}, {@code supplementDays}).
 */
public record PlannedCase(String processKey, String itemCode, String scenario, LocalDateTime start, String channel,
    String applicantName, String creditCode, Map<String, Integer> days) {

  public int days(String name, int otherwise) {
    Integer value = days == null ? null : days.get(name);
    return value == null ? otherwise : value;
  }

  /** The same case submitted through another channel (some services are offered online only). */
  public PlannedCase withChannel(String otherChannel) {
    return new PlannedCase(processKey, itemCode, scenario, start, otherChannel, applicantName, creditCode, days);
  }
}
