package cn.gaoxin.approval.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One approval item of the service-item catalog (事项目录 / 办事指南).
 *
 * @param processes the reform models (process keys) that handle this item; the first is the default
 * @param baseline the item's figures before the reform, where known (for the auditors' scorecard)
 * @param licence the licence, permit or certificate the item issues when approved, if any
 */
public record ServiceItem(
    String code,
    String name,
    String department,
    List<String> processes,
    TimeLimits limits,
    List<Material> materials,
    BigDecimal fee,
    boolean notificationCommitment,
    String description,
    Baseline baseline,
    LicenceSpec licence) {

  public ServiceItem {
    processes = processes == null ? List.of() : List.copyOf(processes);
    materials = materials == null ? List.of() : List.copyOf(materials);
  }

  public String defaultProcess() {
    return processes.isEmpty() ? null : processes.get(0);
  }

  public List<Material> coreMaterials() {
    return materials.stream().filter(Material::core).toList();
  }

  public List<Material> deferrableMaterials() {
    return materials.stream().filter(m -> !m.core()).toList();
  }

  public Optional<Material> material(String materialCode) {
    return materials.stream().filter(m -> m.code().equals(materialCode)).findFirst();
  }

  /** Time limits in working days. {@code promised} is what the zone promises; {@code legal} what the law allows. */
  public record TimeLimits(
      Integer legal, Integer promised, Integer acceptance, Integer supplement, Integer resubmission, Integer postCheck) {

    /** The limit named as in BPMN expressions: legal, promised, acceptance, supplement, resubmission, postCheck. */
    public int named(String name) {
      Integer value = switch (name) {
        case "legal" -> legal;
        case "promised" -> promised;
        case "acceptance" -> acceptance;
        case "supplement" -> supplement;
        case "resubmission" -> resubmission;
        case "postCheck" -> postCheck;
        default -> throw new IllegalArgumentException("未知的时限名称: " + name
            + " (可用: legal, promised, acceptance, supplement, resubmission, postCheck)");
      };
      if (value == null) {
        throw new IllegalStateException("事项未配置时限 " + name);
      }
      return value;
    }
  }

  /** A material the applicant submits; core items (核心要件) cannot be deferred, the others may (容缺). */
  public record Material(String code, String name, MaterialKind kind) {
    public boolean core() {
      return kind == MaterialKind.CORE;
    }
  }

  public enum MaterialKind {
    CORE, DEFERRABLE
  }

  /** What an approval issues: register type code, title printed on it, validity in years (null: indefinite). */
  public record LicenceSpec(String type, String title, Integer validYears) {}

  /** Pre-reform figures: materials asked and working days taken, as the source reports state them. */
  public record Baseline(Integer materials, Integer days, String source) {}
}
