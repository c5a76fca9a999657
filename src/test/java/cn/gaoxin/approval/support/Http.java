package cn.gaoxin.approval.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * Raw HTTP calls as browsers and scripts make them (no redirects followed, every status and header visible), with
 * an optional HTTP basic login ({@code user} with the demo password) for the engine REST API and the staff API.
 */
public class Http {

  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final int port;

  public Http(int port) {
    this.port = port;
  }

  public HttpResponse<String> get(String path, String user) {
    return send("GET", path, user, null, null, Map.of());
  }

  public HttpResponse<String> json(String method, String path, String user, String json) {
    return send(method, path, user, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8),
        Map.of());
  }

  /** A multipart/form-data POST of named files, as Camunda Modeler deploys ({@code /engine-rest/deployment/create}). */
  public HttpResponse<String> multipart(String path, String user, Map<String, String> fields,
      Map<String, byte[]> files) {
    String boundary = "----approval" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      for (var field : fields.entrySet()) {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
            + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      for (var file : files.entrySet()) {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey() + "\"; filename=\""
            + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file.getValue());
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send("POST", path, user, "multipart/form-data; boundary=" + boundary, body.toByteArray(), Map.of());
  }

  public HttpResponse<String> send(String method, String path, String user, String contentType, byte[] body,
      Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + RestClients.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    headers.forEach(request::header);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
