package cn.gaoxin.approval.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on everything the application serves itself: the applicant and staff API, licence verification,
 * the engine REST API, actuator, static files. The auditor pages get theirs from Spring Security
 * (audit/AuditSecurityConfiguration) and the Camunda webapps from Camunda's header security
 * ({@code camunda.bpm.webapp.header-security}, application.yaml); the webapps get here only what Camunda does not
 * set (frame and referrer policy, no caching of their API's personal data).
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, {@code Referrer-Policy: no-referrer};</li>
 *   <li>a Content-Security-Policy that allows nothing but the verification page's inline style and images;</li>
 *   <li>{@code Cache-Control: no-store}: answers carry personal data and must not stay in shared caches or the
 *       browser's history;</li>
 *   <li>{@code Strict-Transport-Security} when the request came over TLS (also behind a proxy that says so in
 *       {@code X-Forwarded-Proto}, see {@code server.forward-headers-strategy}).</li>
 * </ul>
 */
@Configuration
public class SecurityHeaders {

  static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
      + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  @Bean
  public FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
      return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      boolean audit = path.startsWith("/audit") || path.startsWith("/api/audit");
      if (!audit) {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        boolean webapp = path.startsWith("/camunda/");
        if (!webapp) {
          response.setHeader("X-Content-Type-Options", "nosniff");
          response.setHeader("Content-Security-Policy", CSP);
        }
        if (!webapp && !path.startsWith("/webjars/") || path.startsWith("/camunda/api/")) {
          response.setHeader("Cache-Control", "no-store");
          response.setHeader("Pragma", "no-cache");
        }
      }
      if (request.isSecure()) {
        response.setHeader("Strict-Transport-Security", "max-age=31536000");
      }
      chain.doFilter(request, response);
    }
  }
}
