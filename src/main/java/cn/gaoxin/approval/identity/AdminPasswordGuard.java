package cn.gaoxin.approval.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without an explicitly configured admin password outside the demo profile, and refuses the
 * demo password or a short one there. Runs before the application context (and so before the engine creates
 * the admin user), so nothing is ever created with a weak login.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor {

  static final String DEMO_PASSWORD = "demo";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    check(environment.getProperty("approval.demo.enabled", Boolean.class, false),
        environment.getProperty("camunda.bpm.admin-user.password"));
  }

  static void check(boolean demo, String adminPassword) {
    if (demo) {
      return;
    }
    if (adminPassword == null || adminPassword.isBlank()) {
      throw new IllegalStateException("未配置管理员密码: 生产环境必须设置环境变量 APPROVAL_ADMIN_PASSWORD");
    }
    if (DEMO_PASSWORD.equals(adminPassword) || adminPassword.length() < 12) {
      throw new IllegalStateException("管理员密码不安全: APPROVAL_ADMIN_PASSWORD 至少 12 位, 且不能使用演示密码");
    }
  }
}
