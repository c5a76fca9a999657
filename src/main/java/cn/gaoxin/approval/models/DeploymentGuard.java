package cn.gaoxin.approval.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.RequestContext;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Checks every model a designer deploys through the engine REST API (Camunda Modeler's "deploy":
 * {@code POST /engine-rest/deployment/create}) with {@link ModelSafety} before the engine parses it, and refuses the
 * whole deployment with a Chinese message (400) when one resource is unsafe.
 *
 * <p>Runs after the REST login ({@code engine-rest-authentication}) and only for users the engine lets create
 * deployments: everyone else gets the engine's own 403, whatever they send. The upload is read with the same
 * multipart parser the REST API uses (commons-fileupload), every file part is checked (a superset of what the
 * engine deploys), and the same bytes are handed on.
 */
public class DeploymentGuard extends OncePerRequestFilter {

  /** Larger uploads are refused: the largest model of the repository is far below 1 MiB. */
  static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;

  public DeploymentGuard(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"POST".equalsIgnoreCase(request.getMethod())) {
      return true;
    }
    // Jersey matches the decoded path: normalise as it does (path parameters, doubled and trailing slashes)
    String path = UriUtils.decode(request.getRequestURI().substring(request.getContextPath().length()),
        StandardCharsets.UTF_8).replaceAll(";[^/]*", "").replaceAll("/{2,}", "/").replaceAll("/$", "");
    return !path.matches("/engine-rest(/engine/[^/]+)?/deployment/create");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    IdentityService identity = engine.getIdentityService();
    var auth = identity.getCurrentAuthentication();
    AuthorizationService authorizations = engine.getAuthorizationService();
    if (auth == null || !authorizations.isUserAuthorized(auth.getUserId(), auth.getGroupIds(), Permissions.CREATE,
        Resources.DEPLOYMENT)) {
      chain.doFilter(request, response); // the engine refuses (403) without looking at the models
      return;
    }
    if (request.getContentLengthLong() > MAX_UPLOAD_BYTES) {
      refuse(response, 413, List.of("部署内容超过 " + MAX_UPLOAD_BYTES / 1024 / 1024 + " MB"));
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_UPLOAD_BYTES + 1);
    if (body.length > MAX_UPLOAD_BYTES) {
      refuse(response, 413, List.of("部署内容超过 " + MAX_UPLOAD_BYTES / 1024 / 1024 + " MB"));
      return;
    }
    List<String> problems = new ArrayList<>();
    try {
      FileItemIterator parts = new FileUpload().getItemIterator(new BytesContext(request, body));
      while (parts.hasNext()) {
        FileItemStream part = parts.next();
        if (part.getName() != null) {
          try (InputStream in = part.openStream()) {
            problems.addAll(ModelSafety.problems(part.getName(), in.readAllBytes()));
          }
        }
      }
    } catch (FileUploadException e) {
      problems.add("部署请求不是合法的 multipart/form-data 上传");
    }
    if (!problems.isEmpty()) {
      refuse(response, 400, problems);
      return;
    }
    chain.doFilter(new ReplayedRequest(request, body), response);
  }

  private static void refuse(HttpServletResponse response, int status, List<String> problems) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "DeploymentRefused");
    body.put("message", "模型未部署: " + String.join("; ", problems));
    body.put("problems", problems);
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
  }

  /** The upload as commons-fileupload reads it, from the bytes already read. */
  private record BytesContext(HttpServletRequest request, byte[] body) implements RequestContext {
    @Override
    public String getCharacterEncoding() {
      return request.getCharacterEncoding();
    }

    @Override
    public String getContentType() {
      return request.getContentType();
    }

    @Override
    @Deprecated
    public int getContentLength() {
      return body.length;
    }

    @Override
    public InputStream getInputStream() {
      return new ByteArrayInputStream(body);
    }
  }

  /** The request with its body replayed for the REST API after it was read here. */
  private static final class ReplayedRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    ReplayedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous replay only");
        }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
