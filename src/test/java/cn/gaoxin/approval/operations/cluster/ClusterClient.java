package cn.gaoxin.approval.operations.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** HTTP calls against one node, as applicants (applicant API) and staff (engine REST API, HTTP basic) make them. */
final class ClusterClient {

  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> ALL_MATERIALS = List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID",
      "PREMISES_PROOF", "LAYOUT_PLAN", "SAFETY_RULES");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private static final String ADMIN = "Basic " + Base64.getEncoder()
      .encodeToString(("admin:" + AppNode.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

  private ClusterClient() {}

  record Response(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("不是 JSON: " + body, e);
      }
    }
  }

  static Response send(AppNode node, String method, String path, Object body, boolean admin) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").header("Accept", "application/json");
    if (admin) {
      request.header("Authorization", ADMIN);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body());
  }

  /** An online application for 食品经营许可 with every material; returns the case number. */
  static String apply(AppNode node) throws Exception {
    Response r = send(node, "POST", "/api/applications", Map.of("itemCode", "SCJG-SPJY-001",
        "applicant", Map.of("name", "湖南蓝恒环保科技有限公司", "creditCode", "91350100M000100Y43",
            "contactName", "李四", "contactPhone", "13912345678"),
        "materials", ALL_MATERIALS, "supplementCommitment", false), false);
    if (r.status() != 201) {
      throw new AssertionError("节点 " + node.name + " 未受理申请: " + r);
    }
    return r.json().path("caseNumber").asText();
  }

  /** The id of the case's open task of that key, read through this node. */
  static String taskId(AppNode node, String caseNumber, String taskKey) throws Exception {
    Response r = send(node, "GET", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber
        + "&taskDefinitionKey=" + taskKey, null, true);
    JsonNode tasks = r.json();
    if (r.status() != 200 || tasks.size() != 1) {
      throw new AssertionError("案件 " + caseNumber + " 应有 1 个 " + taskKey + " 任务: " + r);
    }
    return tasks.get(0).path("id").asText();
  }

  static Response complete(AppNode node, String taskId, Map<String, Object> variables) throws Exception {
    Map<String, Object> vars = new java.util.HashMap<>();
    variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
    return send(node, "POST", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", vars), true);
  }

  static Response startProbe(AppNode node, String caseNumber, String delay, int workMillis) throws Exception {
    return send(node, "POST", "/engine-rest/process-definition/key/ops-cluster-probe/start", Map.of(
        "businessKey", caseNumber, "variables", Map.of("delay", Map.of("value", delay, "type", "String"),
            "work", Map.of("value", workMillis, "type", "Integer"))), true);
  }

  /** Deploys a model through the engine REST API (multipart), as Camunda Modeler does. */
  static Response deploy(AppNode node, String name, byte[] bpmn) throws Exception {
    String boundary = "----ops" + UUID.randomUUID();
    StringBuilder head = new StringBuilder();
    for (Map.Entry<String, String> field : Map.of("deployment-name", "ops-cluster-probe",
        "enable-duplicate-filtering", "true", "deployment-source", "cluster-test").entrySet()) {
      head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field.getKey())
          .append("\"\r\n\r\n").append(field.getValue()).append("\r\n");
    }
    head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
        .append("\"; filename=\"").append(name).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + bpmn.length + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(bpmn, 0, body, start.length, bpmn.length);
    System.arraycopy(end, 0, body, start.length + bpmn.length, end.length);
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node.url("/engine-rest/deployment/create")))
        .header("Authorization", ADMIN).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body());
  }
}
