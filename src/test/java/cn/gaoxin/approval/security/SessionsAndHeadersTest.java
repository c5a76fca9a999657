package cn.gaoxin.approval.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.support.Http;
import cn.gaoxin.approval.support.WebappSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Credentials and sessions: passwords stored as Camunda hashes, login throttling, CSRF protection in the webapps,
 * session cookies HttpOnly and SameSite (and Secure behind TLS), and security headers on every kind of page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SessionsAndHeadersTest {

  static final Map<String, String> BEHIND_TLS = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void setUp() {
    WebappSession.pointWebappsAt(engine);
    http = new Http(port);
  }

  @Test
  void passwordsAreStoredAsCamundaHashesNeverAsText() {
    List<Map<String, Object>> users = jdbc.queryForList("select ID_, PWD_, SALT_ from ACT_ID_USER");
    assertThat(users).hasSizeGreaterThan(10);
    for (Map<String, Object> user : users) {
      if (user.get("PWD_") == null) {
        continue; // a user created without a password (by an integration) cannot log in at all
      }
      assertThat(String.valueOf(user.get("PWD_"))).as(String.valueOf(user.get("ID_"))).startsWith("{SHA-512}")
          .doesNotContain("demo");
      assertThat(user.get("SALT_")).as(String.valueOf(user.get("ID_"))).isNotNull();
    }
    assertThat(users).filteredOn(u -> List.of("admin", "window1", "auditor1").contains(u.get("ID_")))
        .hasSize(3).allSatisfy(u -> assertThat(String.valueOf(u.get("PWD_"))).startsWith("{SHA-512}"));
  }

  @Test
  void aWrongPasswordThrottlesTheNextLogin() {
    String id = "throttle" + UUID.randomUUID().toString().substring(0, 6);
    User user = engine.getIdentityService().newUser(id);
    user.setPassword("demo");
    engine.getIdentityService().saveUser(user);
    engine.getIdentityService().createMembership(id, "window-clerks");
    assertThat(http.get("/engine-rest/task", id).statusCode()).isEqualTo(200);
    HttpResponse<String> wrong = http.send("GET", "/engine-rest/task", null, null, null,
        Map.of("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((id + ":wrong").getBytes(
            StandardCharsets.UTF_8))));
    assertThat(wrong.statusCode()).isEqualTo(401);
    // right after a wrong password even the right one is refused for a few seconds (Camunda's login delay)
    assertThat(http.get("/engine-rest/task", id).statusCode()).isEqualTo(401);
  }

  @Test
  void theApplicationsOwnAnswersCarrySecurityHeaders() {
    for (String path : List.of("/api/catalog/items", "/api/cases/GX-2026-000001?creditCode=x", "/verify/GXZ-1?sig=x",
        "/engine-rest/task", "/api/land-use/checklist")) {
      HttpResponse<String> response = http.get(path, null);
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
      assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
      assertThat(response.headers().firstValue("Cache-Control")).as(path).contains("no-store");
      assertThat(response.headers().firstValue("Content-Security-Policy").orElse("")).as(path)
          .contains("default-src 'none'", "frame-ancestors 'none'");
      assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
    }
    HttpResponse<String> page = http.send("GET", "/verify/GXZ-1?sig=x", null, null, null, Map.of("Accept", "text/html"));
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
    HttpResponse<String> overTls = http.send("GET", "/api/catalog/items", null, null, null, BEHIND_TLS);
    assertThat(overTls.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
  }

  @Test
  void theWebappsAndTheAuditorPagesCarrySecurityHeaders() {
    HttpResponse<String> tasklist = http.get("/camunda/app/tasklist/default/", null);
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(tasklist.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'");
    assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(tasklist.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(tasklist.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    HttpResponse<String> login = http.get("/audit/login", null);
    assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'", "frame-ancestors 'none'");
    assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(login.headers().firstValue("Referrer-Policy")).contains("no-referrer");
  }

  @Test
  void sessionCookiesAreHttpOnlySameSiteAndSecureBehindTls() {
    String plain = sessionCookie(http.get("/audit/login", null));
    assertThat(plain).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
    String tls = sessionCookie(http.send("GET", "/audit/login", null, null, null, BEHIND_TLS));
    assertThat(tls).contains("HttpOnly", "Secure").containsIgnoringCase("SameSite=Lax");

    WebappSession tasklist = WebappSession.open(http, BEHIND_TLS);
    HttpResponse<String> loggedIn = tasklist.login("window1");
    assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(200);
    String cookie = sessionCookie(loggedIn);
    assertThat(cookie).contains("HttpOnly", "Secure").containsIgnoringCase("SameSite=Lax");
  }

  @Test
  void theWebappsRefuseStateChangesWithoutTheirCsrfToken() {
    WebappSession tasklist = WebappSession.open(http, Map.of());
    HttpResponse<String> login = tasklist.login("window2");
    assertThat(login.statusCode()).as(login.body() + login.headers().map() + tasklist.cookies()).isEqualTo(200);
    // the session is logged in ...
    HttpResponse<String> me = http.send("GET", "/camunda/api/admin/auth/user/default", null, null, null,
        Map.of("Cookie", tasklist.cookies()));
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("window2");
    // ... but a state change without the CSRF token the webapp handed out is refused before it reaches the engine
    HttpResponse<String> withoutToken = http.send("POST", "/camunda/api/engine/engine/default/filter/create", null,
        "application/json", "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{}}".getBytes(StandardCharsets.UTF_8),
        Map.of("Cookie", tasklist.cookies()));
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).contains("Required");
    // and so is one with a token that is not the session's (a fresh session: a refused request ends the old one)
    WebappSession other = WebappSession.open(http, Map.of());
    assertThat(other.login("window2").statusCode()).isEqualTo(200);
    HttpResponse<String> forgedToken = http.send("POST", "/camunda/api/engine/engine/default/filter/create", null,
        "application/json", "{}".getBytes(StandardCharsets.UTF_8),
        Map.of("Cookie", other.cookies(), "X-XSRF-TOKEN", "0123456789ABCDEF0123456789ABCDEF"));
    assertThat(forgedToken.statusCode()).isEqualTo(403);
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
  }
}
