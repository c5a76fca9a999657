package cn.gaoxin.approval.clerks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Approval operations for clerks and supervisors (HTTP basic with the Tasklist login):
 * <ul>
 *   <li>{@code POST /api/tasks/{id}/transfer {"toUser","reason"}} 转办 within the department;</li>
 *   <li>{@code POST /api/tasks/{id}/delegate {"toUser","reason"}} 委派 within the department;</li>
 *   <li>{@code POST /api/tasks/{id}/urge {"reason"}} 催办 an overdue task (supervision only);</li>
 *   <li>{@code POST /api/tasks/{id}/copy {"toUser"|"toGroup","note"}} 抄送 a read-only copy;</li>
 *   <li>{@code POST /api/tasks/{id}/add-signer {"group"|"user","reason"}} 加签 to a running 会签 / 或签.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/tasks/{taskId}")
public class TaskOperationsController {

  public record Handover(@NotBlank(message = "请指定办理人 (toUser)") @Size(max = 64) String toUser,
                         @NotBlank(message = "请填写原因 (reason)") @Size(max = 500, message = "原因不能超过 500 字") String reason) {}

  public record Urge(@NotBlank(message = "请填写督办意见 (reason)") @Size(max = 500, message = "督办意见不能超过 500 字") String reason) {}

  public record Copy(@Size(max = 64) String toUser, @Size(max = 64) String toGroup,
                     @Size(max = 500, message = "说明不能超过 500 字") String note) {}

  public record AddSigner(@Size(max = 64) String group, @Size(max = 64) String user,
                          @NotBlank(message = "请填写加签理由 (reason)") @Size(max = 500, message = "理由不能超过 500 字") String reason) {}

  private final TaskOperations operations;

  public TaskOperationsController(TaskOperations operations) {
    this.operations = operations;
  }

  @PostMapping("/transfer")
  public Map<String, String> transfer(@PathVariable String taskId, @Valid @RequestBody Handover body) {
    operations.transfer(taskId, body.toUser(), body.reason());
    return Map.of("message", "已转办给 " + body.toUser());
  }

  @PostMapping("/delegate")
  public Map<String, String> delegate(@PathVariable String taskId, @Valid @RequestBody Handover body) {
    operations.delegate(taskId, body.toUser(), body.reason());
    return Map.of("message", "已委派给 " + body.toUser());
  }

  @PostMapping("/urge")
  public Map<String, String> urge(@PathVariable String taskId, @Valid @RequestBody Urge body) {
    operations.urge(taskId, body.reason());
    return Map.of("message", "已催办");
  }

  @PostMapping("/copy")
  public Map<String, String> copy(@PathVariable String taskId, @Valid @RequestBody Copy body) {
    String copyTask = operations.copy(taskId, body.toUser(), body.toGroup(), body.note());
    return Map.of("message", "已抄送", "copyTaskId", copyTask);
  }

  @PostMapping("/add-signer")
  public Map<String, String> addSigner(@PathVariable String taskId, @Valid @RequestBody AddSigner body) {
    String signerTask = operations.addSigner(taskId, body.group(), body.user(), body.reason());
    return Map.of("message", "已加签 " + (body.group() != null ? body.group() : body.user()), "signerTaskId", signerTask);
  }

  @ExceptionHandler(TaskOperationRefused.class)
  public ResponseEntity<Map<String, String>> refused(TaskOperationRefused e) {
    return ResponseEntity.status(e.status()).body(Map.of("error", e.getMessage()));
  }
}
