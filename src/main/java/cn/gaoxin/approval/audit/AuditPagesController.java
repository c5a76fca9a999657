package cn.gaoxin.approval.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/** The auditors' pages: the entry page and the Chinese login form (with its CSRF token). */
@Controller
public class AuditPagesController {

  private final String loginTemplate;

  public AuditPagesController() throws IOException {
    try (InputStream in = new ClassPathResource("audit/login.html").getInputStream()) {
      this.loginTemplate = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @GetMapping({"/audit", "/audit/"})
  public String index() {
    return "forward:/audit/index.html";
  }

  @GetMapping("/audit/login")
  public ResponseEntity<String> login(HttpServletRequest request, @RequestParam(required = false) String error,
      @RequestParam(required = false) String logout) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String message = error != null ? "<p class=\"message error\">用户名或密码错误, 或该账号不是审计人员。</p>"
        : logout != null ? "<p class=\"message\">已退出登录。</p>" : "";
    String html = loginTemplate
        .replace("{{message}}", message)
        .replace("{{csrfParameter}}", HtmlUtils.htmlEscape(csrf == null ? "_csrf" : csrf.getParameterName()))
        .replace("{{csrfToken}}", HtmlUtils.htmlEscape(csrf == null ? "" : csrf.getToken()));
    return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(html);
  }
}
