package cn.gaoxin.approval.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.gaoxin.approval.models.ModelDeployer;
import cn.gaoxin.approval.models.ModelSafety;
import cn.gaoxin.approval.support.Http;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.test.context.ActiveProfiles;

/**
 * Hostile models deployed as Camunda Modeler deploys ({@code POST /engine-rest/deployment/create} as a designer):
 * malformed XML, a DOCTYPE with an external entity, scripts in any language and in every place a model can hold one,
 * foreign expression languages, embedded HTML forms, unsafe form fields. Each is refused with a clear Chinese message
 * and nothing is deployed; only designers (and the admin) may deploy at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileModelTest {

  static final String SECRET = "SECRET-" + UUID.randomUUID();
  static final AtomicInteger tried = new AtomicInteger();
  static final AtomicInteger deployed = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  Http http;
  Path secretFile;

  @BeforeEach
  void setUp() throws Exception {
    ProcessEngines.registerProcessEngine(engine);
    http = new Http(port);
    if (secretFile == null) {
      secretFile = Files.createTempFile("approval-secret", ".txt");
      Files.writeString(secretFile, SECRET);
    }
  }

  @AfterAll
  void report() throws Exception {
    System.out.printf("恶意模型: 共尝试 %d 个, 被部署 %d 个%n", tried.get(), deployed.get());
    Files.deleteIfExists(secretFile);
  }

  Stream<Arguments> hostileModels() {
    String xxe = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE definitions [<!ENTITY secret SYSTEM "%s">]>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
          <process id="xxe_%s" name="&secret;" isExecutable="true"><startEvent id="Event_Start" name="&secret;"/></process>
        </definitions>""".formatted(secretFile.toUri(), key());
    return Stream.of(
        Arguments.of("malformed XML", "broken.bpmn", "<definitions><process id=\"x\"></definitions", "不是合法的 XML"),
        Arguments.of("not XML at all", "junk.bpmn", "这不是模型 {\"a\":1}", "不是合法的 XML"),
        Arguments.of("DOCTYPE with an external entity (XXE)", "xxe.bpmn", xxe, "DOCTYPE"),
        Arguments.of("DOCTYPE in a decision table", "xxe.dmn", xxe.replace("BPMN/20100524/MODEL",
            "DMN/20191111/MODEL/"), "DOCTYPE"),
        Arguments.of("billion laughs", "laughs.bpmn", """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p" name="&lol2;"/></definitions>""",
            "DOCTYPE"),
        Arguments.of("groovy script task", "groovy.bpmn", model("""
            <scriptTask id="Task_Script" name="脚本" scriptFormat="groovy"><script>"rm -rf /".execute()</script></scriptTask>"""),
            "不允许使用脚本"),
        Arguments.of("javascript script task", "js.bpmn", model("""
            <scriptTask id="Task_Script" name="脚本" scriptFormat="javascript"><script>java.lang.System.exit(0)</script></scriptTask>"""),
            "不允许使用脚本"),
        Arguments.of("script task from an external resource", "external.bpmn", model("""
            <scriptTask id="Task_Script" name="脚本" scriptFormat="groovy" camunda:resource="deployment://x.groovy"/>"""),
            "不允许使用脚本"),
        Arguments.of("python execution listener", "listener.bpmn", model("""
            <userTask id="Task_Script" name="审查" camunda:candidateGroups="market-regulation"><extensionElements>
              <camunda:executionListener event="start"><camunda:script scriptFormat="python">import os</camunda:script>
              </camunda:executionListener></extensionElements></userTask>"""), "不允许使用脚本"),
        Arguments.of("javascript task listener", "task-listener.bpmn", model("""
            <userTask id="Task_Script" name="审查" camunda:candidateGroups="market-regulation"><extensionElements>
              <camunda:taskListener event="create"><camunda:script scriptFormat="JavaScript">1</camunda:script>
              </camunda:taskListener></extensionElements></userTask>"""), "不允许使用脚本"),
        Arguments.of("ruby input mapping", "io.bpmn", model("""
            <serviceTask id="Task_Script" name="处理" camunda:expression="${true}"><extensionElements>
              <camunda:inputOutput><camunda:inputParameter name="x"><camunda:script scriptFormat="ruby">`id`</camunda:script>
              </camunda:inputParameter></camunda:inputOutput></extensionElements></serviceTask>"""), "不允许使用脚本"),
        Arguments.of("javascript condition", "condition.bpmn", """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="t">
              <process id="cond_%s" name="条件" isExecutable="true">
                <startEvent id="Event_Start" name="开始"/>
                <sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Event_End">
                  <conditionExpression xsi:type="tFormalExpression" language="javascript">true</conditionExpression>
                </sequenceFlow>
                <endEvent id="Event_End" name="结束"/>
              </process>
            </definitions>""".formatted(key()), "不允许使用表达式语言 javascript"),
        Arguments.of("decision table in javascript", "decision.dmn", """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="t">
              <decision id="dec_%s" name="决策"><decisionTable id="DecisionTable_1">
                <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="string" expressionLanguage="javascript">
                  <text>java.lang.Runtime.getRuntime()</text></inputExpression></input>
                <output id="Output_1" name="o" typeRef="string"/>
              </decisionTable></decision>
            </definitions>""".formatted(key()), "不允许使用表达式语言 javascript"),
        Arguments.of("embedded HTML form", "form.html", "<form><script>fetch('/engine-rest/user')</script></form>",
            "只能部署 BPMN"),
        Arguments.of("script file", "helper.groovy", "println 'x'", "只能部署 BPMN"),
        Arguments.of("form with an iframe", "evil.form", """
            {"components":[{"type":"iframe","id":"Field_1","url":"https://example.invalid"}],"type":"default","id":"f"}""",
            "表单组件类型 iframe 不允许使用"),
        Arguments.of("form that is not JSON", "broken.form", "{\"components\": [", "不是合法的 JSON 表单"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileModels")
  void aHostileModelIsRefusedWithAClearMessage(String what, String fileName, String content, String message) {
    tried.incrementAndGet();
    long before = engine.getRepositoryService().createDeploymentQuery().count();
    HttpResponse<String> response = deploy("designer1", fileName, content);
    if (response.statusCode() == 200) {
      deployed.incrementAndGet();
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("模型未部署", message).doesNotContain(SECRET);
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void aSafeModelIsDeployedAndTheGuardCoversEveryPathToDeploymentCreate() {
    assertThat(deploy("designer1", "safe.bpmn", safeModel()).statusCode()).isEqualTo(200);
    assertThat(deploy("designer1", "safe.form", """
        {"components":[{"type":"textfield","id":"Field_1","key":"x","label":"名称"}],"type":"default","id":"f"}""")
        .statusCode()).isEqualTo(200);
    String groovy = model("<scriptTask id=\"Task_Script\" name=\"脚本\" scriptFormat=\"groovy\"><script>1</script></scriptTask>");
    for (String path : List.of("/engine-rest/engine/default/deployment/create", "/engine-rest//deployment/create",
        "/engine-rest/deployment/create/", "/engine-rest/deployment/cr%65ate")) {
      HttpResponse<String> response = http.multipart(path, "designer1", Map.of("deployment-name", "hostile"),
          Map.of("groovy.bpmn", groovy.getBytes(StandardCharsets.UTF_8)));
      assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(400, 404);
      assertThat(response.statusCode() == 404 || response.body().contains("不允许使用脚本")).as(path).isTrue();
    }
  }

  @Test
  void onlyDesignersAndTheAdminDeployAtAll() {
    String groovy = model("<scriptTask id=\"Task_Script\" name=\"脚本\" scriptFormat=\"groovy\"><script>1</script></scriptTask>");
    for (String user : List.of("window1", "market1", "supervisor1", "auditor1")) {
      assertThat(deploy(user, "safe.bpmn", safeModel()).statusCode()).as(user).isEqualTo(403);
      HttpResponse<String> hostile = deploy(user, "groovy.bpmn", groovy);
      assertThat(hostile.statusCode()).as(user).isEqualTo(403);
      assertThat(hostile.body()).doesNotContain("模型未部署");
    }
    assertThat(deploy(null, "safe.bpmn", safeModel()).statusCode()).isEqualTo(401);
    assertThat(deploy("admin", "groovy.bpmn", groovy).statusCode()).isEqualTo(400);
    assertThat(deploy("admin", "safe.bpmn", safeModel()).statusCode()).isEqualTo(200);
  }

  /** Behind the guard, the engine itself does not resolve external entities either (Camunda's XXE default). */
  @Test
  void theEngineItselfDoesNotReadExternalEntities() throws Exception {
    String xxe = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE definitions [<!ENTITY secret SYSTEM "%s">]>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
          <process id="xxe_engine" name="&secret;" isExecutable="true" historyTimeToLive="1"><startEvent id="s"/></process>
        </definitions>""".formatted(secretFile.toUri());
    Throwable refused = catchThrowable(() -> engine.getRepositoryService().createDeployment()
        .addInputStream("xxe.bpmn", new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8))).deploy());
    assertThat(refused).isNotNull();
    assertThat(String.valueOf(refused.getMessage())).doesNotContain(SECRET);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("xxe_engine").count())
        .isZero();
  }

  /** The repository's own models pass the same check, so ModelDeployer deploys them at start (this context did). */
  @Test
  void everyModelAndFormOfTheRepositoryIsSafe() throws Exception {
    List<Resource> resources = ModelDeployer.modelResources();
    assertThat(resources).hasSizeGreaterThan(20);
    for (Resource resource : resources) {
      try (InputStream in = resource.getInputStream()) {
        assertThat(ModelSafety.problems(ModelDeployer.resourceName(resource), in.readAllBytes()))
            .as(ModelDeployer.resourceName(resource)).isEmpty();
      }
    }
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME)
        .count()).isPositive();
  }

  private HttpResponse<String> deploy(String user, String fileName, String content) {
    return http.multipart("/engine-rest/deployment/create", user, Map.of("deployment-name", "hostile"),
        Map.of(fileName, content.getBytes(StandardCharsets.UTF_8)));
  }

  private static String key() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  static String model(String element) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     targetNamespace="t">
          <process id="hostile_%s" name="恶意" isExecutable="true" camunda:historyTimeToLive="10950">
            <startEvent id="Event_Start" name="开始"/>
            <sequenceFlow id="Flow_1" sourceRef="Event_Start" targetRef="Task_Script"/>
            %s
            <sequenceFlow id="Flow_2" sourceRef="Task_Script" targetRef="Event_End"/>
            <endEvent id="Event_End" name="结束"/>
          </process>
        </definitions>""".formatted(key(), element);
  }

  static String safeModel() {
    return model("<userTask id=\"Task_Script\" name=\"审查\" camunda:candidateGroups=\"market-regulation\"/>");
  }
}
