package cn.gaoxin.approval.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** Demo clerks, supervisor, auditor and designer for the embedded default profile (identity/demo-users.yaml). */
@Component
@ConditionalOnProperty(name = "approval.demo.enabled", havingValue = "true")
public class DemoUsers implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  record DemoUser(String id, String firstName, String lastName, String email, List<String> groups) {}

  record DemoUserFile(String password, List<DemoUser> users) {}

  private final IdentityService identityService;
  private final Resource file;

  public DemoUsers(ProcessEngine engine, AccessSetup accessSetup,
      @Value("${approval.demo.users:classpath:identity/demo-users.yaml}") Resource file) {
    this.identityService = engine.getIdentityService();
    this.file = file;
  }

  @Override
  public void afterPropertiesSet() throws IOException {
    DemoUserFile demo;
    try (InputStream in = file.getInputStream()) {
      demo = new ObjectMapper(new YAMLFactory()).readValue(in, DemoUserFile.class);
    }
    int created = 0;
    for (DemoUser u : demo.users()) {
      if (identityService.createUserQuery().userId(u.id()).count() == 0) {
        User user = identityService.newUser(u.id());
        user.setFirstName(u.firstName());
        user.setLastName(u.lastName());
        user.setEmail(u.email());
        user.setPassword(demo.password());
        identityService.saveUser(user);
        created++;
      }
      for (String group : u.groups()) {
        if (identityService.createUserQuery().userId(u.id()).memberOfGroup(group).count() == 0) {
          identityService.createMembership(u.id(), group);
        }
      }
    }
    if (created > 0) {
      log.warn("已创建 {} 个演示用户 (密码见 README)。生产环境请使用 postgres 配置, 不会创建演示用户。", created);
    }
  }
}
