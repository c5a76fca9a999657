package cn.gaoxin.approval.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Security for the auditors' pages ({@code /audit/**}) and API ({@code /api/audit/**}), and nothing else.
 *
 * <ul>
 *   <li>Spring Security's filter is mapped to these two paths only (the servlet filter registration is narrowed
 *       below), and its one filter chain matches only them: the Camunda webapps (their own session login),
 *       {@code /engine-rest} (Camunda's HTTP basic filter), the applicant API, the catalog and {@code /verify} are
 *       untouched.</li>
 *   <li>Login: a Chinese form at {@code /audit/login}, checked against Camunda's identity service (same users and
 *       passwords as Tasklist); HTTP basic is accepted too, for scripts fetching CSV. Only members of
 *       {@code approval.audit.reader-groups} (default {@code auditors, camunda-admin}) get in.</li>
 *   <li>Read-only: only GET is allowed; every other method is refused (403). CSRF protection is on (login and
 *       logout forms carry the token); the session cookie is the container's HttpOnly session cookie.</li>
 *   <li>Each request runs as the user in the engine as well ({@link EngineAuthenticationFilter}).</li>
 * </ul>
 */
@Configuration
@EnableWebSecurity
public class AuditSecurityConfiguration {

  static final String[] PATHS = {"/audit/**", "/api/audit/**"};
  /** Servlet URL patterns of the Spring Security filter: the audit paths only. */
  static final List<String> FILTER_URL_PATTERNS = List.of("/audit/*", "/api/audit/*");

  @Bean
  public AuthenticationProvider camundaIdentityAuthenticationProvider(ProcessEngine engine) {
    return new CamundaIdentityAuthenticationProvider(engine);
  }

  @Bean
  public SecurityFilterChain auditFilterChain(HttpSecurity http, ProcessEngine engine,
      @Value("${approval.audit.reader-groups:auditors,camunda-admin}") List<String> readerGroups) throws Exception {
    String[] authorities = readerGroups.stream().map(String::trim)
        .map(g -> CamundaIdentityAuthenticationProvider.GROUP_PREFIX + g).toArray(String[]::new);
    var api = PathPatternRequestMatcher.withDefaults().matcher("/api/audit/**");
    http.securityMatcher(PATHS)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.GET, "/audit/login", "/audit/audit.css").permitAll()
            .requestMatchers(HttpMethod.GET, PATHS).hasAnyAuthority(authorities)
            .anyRequest().denyAll())
        .formLogin(form -> form.loginPage("/audit/login").loginProcessingUrl("/audit/login")
            .defaultSuccessUrl("/audit/", true).failureUrl("/audit/login?error").permitAll())
        .logout(logout -> logout.logoutUrl("/audit/logout").logoutSuccessUrl("/audit/login?logout"))
        .httpBasic(basic -> basic.realmName("approval-audit")
            .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        .exceptionHandling(ex -> ex
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/audit/login"),
                PathPatternRequestMatcher.withDefaults().matcher("/audit/**"))
            .accessDeniedHandler((request, response, denied) -> {
              boolean json = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
              response.setStatus(HttpServletResponse.SC_FORBIDDEN);
              response.setCharacterEncoding(StandardCharsets.UTF_8.name());
              if (json) {
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write("{\"error\":\"审计接口只读, 且仅限审计人员使用\"}");
              } else {
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\">"
                    + "<title>无权访问</title><p>无权访问: 审计页面仅限审计人员, 且只能查阅。</p>"
                    + "<p><a href=\"/audit/login\">换一个账号登录</a></p></html>");
              }
            }))
        .headers(headers -> headers
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
            .contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self'")))
        .addFilterAfter(new EngineAuthenticationFilter(engine), AuthorizationFilter.class);
    return http.build();
  }

  /**
   * Narrows the servlet mapping of Spring Security's filter ({@code springSecurityFilterChain}) to the audit paths,
   * so its request firewall and filters never see the webapps, the engine REST API or the applicant API.
   */
  @Bean
  public static BeanPostProcessor auditOnlySecurityFilterMapping() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof DelegatingFilterProxyRegistrationBean registration
            && "securityFilterChainRegistration".equals(beanName)) {
          registration.setUrlPatterns(FILTER_URL_PATTERNS);
        }
        return bean;
      }
    };
  }
}
