package cn.gaoxin.approval.support;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;

/**
 * A browser session in the Camunda webapps without a browser: the CSRF cookie from the first page, then the login
 * form, then calls with the session cookie and the CSRF token as Tasklist's own JavaScript makes them.
 */
public record WebappSession(Http http, Map<String, String> headers, StringBuilder jar, String[] token) {

  private static ProcessEngine webappsEngine;

  /**
   * The webapps find the engine through JVM-wide registries (the runtime container first, then ProcessEngines by
   * name) and cache per-engine executors of the first context's engine: after an earlier test context closed, point
   * them at this context's engine.
   */
  public static synchronized void pointWebappsAt(ProcessEngine engine) {
    ProcessEngines.registerProcessEngine(engine);
    RuntimeContainerDelegate container = RuntimeContainerDelegate.INSTANCE.get();
    ProcessEngine registered = container.getProcessEngineService().getProcessEngine(engine.getName());
    if (registered != null && registered != engine) {
      // a stale engine of a closed context: remove it, so that the webapps and the REST API find this context's
      // engine by name in ProcessEngines. Never register the engine here: a registration the context does not
      // remove when it closes would become the next stale one for every later context.
      container.unregisterProcessEngine(registered);
    }
    if (webappsEngine != engine) {
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
      Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
      Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
      webappsEngine = engine;
    }
  }

  public static WebappSession open(Http http, Map<String, String> headers) {
    WebappSession app = new WebappSession(http, headers, new StringBuilder(), new String[1]);
    app.remember(http.send("GET", "/camunda/app/tasklist/default/", null, null, null, headers));
    return app;
  }

  public HttpResponse<String> login(String user) {
    Map<String, String> h = new HashMap<>(headers);
    h.put("Cookie", cookies());
    h.put("X-XSRF-TOKEN", csrfToken());
    HttpResponse<String> response = http.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", null,
        "application/x-www-form-urlencoded", ("username=" + user + "&password=demo").getBytes(StandardCharsets.UTF_8), h);
    remember(response);
    if (response.statusCode() == 200) {
      // the login starts a new session: like Tasklist, fetch the user once, which hands out the session's CSRF token
      Map<String, String> g = new HashMap<>(headers);
      g.put("Cookie", cookies());
      remember(http.send("GET", "/camunda/api/admin/auth/user/default", null, null, null, g));
    }
    return response;
  }

  /** A JSON call as Tasklist makes it: session cookie and CSRF token. */
  public HttpResponse<String> json(String method, String path, String json) {
    Map<String, String> h = new HashMap<>(headers);
    h.put("Cookie", cookies());
    h.put("X-XSRF-TOKEN", csrfToken());
    HttpResponse<String> response = http.send(method, path, null, "application/json",
        json == null ? null : json.getBytes(StandardCharsets.UTF_8), h);
    remember(response);
    return response;
  }

  public String cookies() {
    return jar.toString();
  }

  public String csrfToken() {
    return token[0] == null ? "" : token[0];
  }

  private void remember(HttpResponse<String> response) {
    response.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> token[0] = t);
    for (String setCookie : response.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      if (pair.startsWith("XSRF-TOKEN=")) {
        token[0] = pair.substring("XSRF-TOKEN=".length());
      }
      String name = pair.split("=", 2)[0];
      String kept = Arrays.stream(jar.toString().split("; ")).filter(c -> !c.isEmpty()
          && !c.startsWith(name + "=")).reduce((a, b) -> a + "; " + b).orElse("");
      jar.setLength(0);
      jar.append(kept.isEmpty() ? pair : kept + "; " + pair);
    }
  }
}
