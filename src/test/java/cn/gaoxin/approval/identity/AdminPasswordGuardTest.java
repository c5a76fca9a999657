package cn.gaoxin.approval.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gaoxin.approval.ApprovalApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class AdminPasswordGuardTest {

  @Test
  void theProductionProfileRefusesToStartWithoutAnAdminPassword() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(ApprovalApplication.class).profiles("postgres")
        .properties("camunda.bpm.admin-user.password=").run())
        .hasMessageContaining("APPROVAL_ADMIN_PASSWORD");
  }

  @Test
  void weakOrDemoPasswordsAreRefusedOutsideTheDemo() {
    assertThatThrownBy(() -> AdminPasswordGuard.check(false, "demo")).hasMessageContaining("不安全");
    assertThatThrownBy(() -> AdminPasswordGuard.check(false, "short")).hasMessageContaining("至少 12 位");
    assertThatThrownBy(() -> AdminPasswordGuard.check(false, " ")).hasMessageContaining("未配置管理员密码");
    assertThatCode(() -> AdminPasswordGuard.check(false, "a-long-enough-secret")).doesNotThrowAnyException();
    assertThatCode(() -> AdminPasswordGuard.check(true, "demo")).doesNotThrowAnyException();
  }
}
