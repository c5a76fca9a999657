package cn.gaoxin.approval.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * An online application (不见面审批). {@code reform} is optional (the item's default process); {@code details}
 * carries reform-specific answers (flat: text, numbers, yes/no) such as a foreign-investment flag.
 */
public record ApplicationRequest(
    @NotBlank(message = "请填写申请事项编码 (itemCode)") @Size(max = 40, message = "申请事项编码过长") String itemCode,
    @Size(max = 64, message = "流程标识过长") String reform,
    @NotNull(message = "请填写申请人信息 (applicant)") @Valid Applicant applicant,
    @NotNull(message = "请列出已提交的材料编码 (materials), 没有可填空列表")
    @Size(max = 100, message = "材料不能超过 100 项") List<@NotBlank(message = "材料编码不能为空") @Size(max = 32, message = "材料编码过长") String> materials,
    Boolean supplementCommitment,
    @Size(max = 50, message = "补充信息 (details) 不能超过 50 项") Map<String, Object> details) {

  public record Applicant(
      @NotBlank(message = "请填写申请人名称 (applicant.name)") @Size(max = 200, message = "申请人名称不能超过 200 字") String name,
      @NotBlank(message = "请填写统一社会信用代码 (applicant.creditCode)") String creditCode,
      @NotBlank(message = "请填写联系人 (applicant.contactName)") @Size(max = 50, message = "联系人不能超过 50 字") String contactName,
      @NotBlank(message = "请填写联系电话 (applicant.contactPhone)") String contactPhone) {}
}
