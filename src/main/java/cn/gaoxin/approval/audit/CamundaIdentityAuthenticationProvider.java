package cn.gaoxin.approval.audit;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Logs in against Camunda's identity service (the same users and passwords as Tasklist and Cockpit, including
 * Camunda's throttling after wrong passwords). Authorities are the user's Camunda groups as {@code GROUP_<id>}.
 */
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  public static final String GROUP_PREFIX = "GROUP_";

  private final ProcessEngine engine;

  public CamundaIdentityAuthenticationProvider(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    IdentityService identity = engine.getIdentityService();
    if (user == null || user.isBlank() || credentials == null
        || !identity.checkPassword(user, credentials.toString())) {
      throw new BadCredentialsException("用户名或密码错误");
    }
    List<GrantedAuthority> authorities = identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).map(id -> (GrantedAuthority) new SimpleGrantedAuthority(GROUP_PREFIX + id)).toList();
    User profile = identity.createUserQuery().userId(user).singleResult();
    UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
        authorities);
    result.setDetails(profile == null ? user
        : ((profile.getLastName() == null ? "" : profile.getLastName())
            + (profile.getFirstName() == null ? "" : profile.getFirstName())).trim());
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
