package cn.gaoxin.approval.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** HTTP calls as applicants and clerks make them: the applicant API, and the engine REST API with a login. */
public class RestClients {

  public static final String CREDIT_CODE = "91350100M000100Y43";
  public static final String PASSWORD = "demo";

  private final TestRestTemplate anonymous;
  private final int port;

  public RestClients(TestRestTemplate anonymous, int port) {
    this.anonymous = anonymous;
    this.port = port;
  }

  public String url(String path) {
    return "http://localhost:" + port + path;
  }

  public TestRestTemplate as(String user) {
    return anonymous.withBasicAuth(user, PASSWORD);
  }

  public ResponseEntity<String> post(String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return anonymous.postForEntity(url(path), new HttpEntity<>(json, headers), String.class);
  }

  public String submitFoodLicence(List<String> materials, boolean commitment) {
    Map<String, Object> body = Map.of("itemCode", "SCJG-SPJY-001",
        "applicant", Map.of("name", "湖南蓝恒环保科技有限公司", "creditCode", CREDIT_CODE, "contactName", "李四",
            "contactPhone", "13912345678"),
        "materials", materials, "supplementCommitment", commitment);
    ResponseEntity<Map<String, Object>> response = anonymous.exchange(url("/api/applications"), HttpMethod.POST,
        new HttpEntity<>(body), new ParameterizedTypeReference<>() {});
    if (response.getStatusCode().value() != 201) {
      throw new AssertionError("申请未被接收: " + response);
    }
    return (String) response.getBody().get("caseNumber");
  }

  public List<Map<String, Object>> tasks(String user, String caseNumber) {
    ResponseEntity<List<Map<String, Object>>> response = as(user).exchange(
        url("/engine-rest/task?processInstanceBusinessKey=" + caseNumber), HttpMethod.GET, null,
        new ParameterizedTypeReference<>() {});
    return response.getBody();
  }

  public Map<String, Object> singleTask(String user, String caseNumber) {
    List<Map<String, Object>> tasks = tasks(user, caseNumber);
    if (tasks.size() != 1) {
      throw new AssertionError(user + " 应看到 1 个任务, 实际: " + tasks);
    }
    return tasks.get(0);
  }

  public ResponseEntity<String> claim(String user, String taskId) {
    return as(user).postForEntity(url("/engine-rest/task/" + taskId + "/claim"), Map.of("userId", user), String.class);
  }

  public ResponseEntity<String> complete(String user, String taskId, Map<String, Object> variables) {
    Map<String, Object> vars = new HashMap<>();
    variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
    return as(user).postForEntity(url("/engine-rest/task/" + taskId + "/complete"), Map.of("variables", vars),
        String.class);
  }

  /** The variable values (as text) that a work queue shows this user, as Tasklist fetches them. */
  public String queueVariables(String user, String filterName) {
    ResponseEntity<List<Map<String, Object>>> filters = as(user).exchange(url("/engine-rest/filter"), HttpMethod.GET,
        null, new ParameterizedTypeReference<>() {});
    String id = filters.getBody().stream().filter(f -> filterName.equals(f.get("name"))).map(f -> (String) f.get("id"))
        .findFirst().orElseThrow(() -> new AssertionError(user + " 看不到工作队列 " + filterName));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.valueOf("application/hal+json")));
    return as(user).exchange(url("/engine-rest/filter/" + id + "/list"), HttpMethod.POST,
        new HttpEntity<>("{}", headers), String.class).getBody();
  }

  /** 撤回 as the applicant: {@code POST /api/cases/{caseNumber}/withdraw}. */
  public ResponseEntity<Map<String, Object>> withdraw(String caseNumber, String creditCode, String reason) {
    Map<String, Object> body = new HashMap<>();
    body.put("creditCode", creditCode);
    body.put("reason", reason);
    return anonymous.exchange(url("/api/cases/" + caseNumber + "/withdraw"), HttpMethod.POST, new HttpEntity<>(body),
        new ParameterizedTypeReference<>() {});
  }

  /** Corrected or supplementary materials as the applicant: {@code POST /api/cases/{caseNumber}/materials}. */
  public ResponseEntity<Map<String, Object>> submitMaterials(String caseNumber, String creditCode,
      List<String> materials) {
    return anonymous.exchange(url("/api/cases/" + caseNumber + "/materials"), HttpMethod.POST,
        new HttpEntity<>(Map.of("creditCode", creditCode, "materials", materials)),
        new ParameterizedTypeReference<>() {});
  }

  public ResponseEntity<Map<String, Object>> progress(String caseNumber, String creditCode) {
    return anonymous.exchange(url("/api/cases/" + caseNumber + "?creditCode=" + creditCode), HttpMethod.GET, null,
        new ParameterizedTypeReference<>() {});
  }

  public long countProcessInstances(String user) {
    ResponseEntity<Map<String, Object>> response = anonymous.withBasicAuth(user, PASSWORD).exchange(
        url("/engine-rest/history/process-instance/count"), HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    return ((Number) response.getBody().get("count")).longValue();
  }
}
