package cn.gaoxin.approval.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.countersign.CountersignDefinition;
import cn.gaoxin.approval.support.ScenarioTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The house rules every model in processes/ keeps (DEVELOPERS.md "Models are the product"): diagram shapes for
 * every element, Chinese names, stable English ids, the retention setting as history time to live, a form and
 * candidate groups and a due date on every user task, delegate beans that exist and have element templates
 * so designers can pick them in the Modeler, and 会签 / 或签 tasks set up as the countersign listener expects.
 */
class ModelHouseRulesTest extends ScenarioTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  static final Path TEMPLATES = PROCESSES.resolve(".camunda/element-templates");
  static final Pattern ID = Pattern.compile("(Event|Task|Gateway|Flow|SubProcess|Activity|Call|Lane|Participant|"
      + "DataObject|DataStore|TextAnnotation|Association|Group|Collaboration|MessageFlow)_[A-Za-z0-9_]+");
  static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  static final Pattern BEAN = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)}$");

  @Autowired ApplicationContext context;
  @Autowired HistoryRetention retention;

  @TestFactory
  Stream<DynamicTest> everyBpmnKeepsTheHouseRules() throws IOException {
    return files(PROCESSES, ".bpmn").map(path -> DynamicTest.dynamicTest(path.toString(), () -> checkBpmn(path)));
  }

  @TestFactory
  Stream<DynamicTest> everyDmnKeepsTheHouseRules() throws IOException {
    return files(PROCESSES, ".dmn").map(path -> DynamicTest.dynamicTest(path.toString(), () -> checkDmn(path)));
  }

  @Test
  void everyModelAndFormIsDeployed() throws IOException {
    var repository = engine.getRepositoryService();
    List<String> deployedKeys = repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(d -> d.getKey()).toList();
    try (Stream<Path> bpmns = files(PROCESSES, ".bpmn")) {
      bpmns.forEach(p -> assertThat(deployedKeys).as("deployed").contains(fileKey(p)));
    }
  }

  private void checkBpmn(Path path) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
    Bpmn.validateModel(model);
    List<String> problems = new ArrayList<>();
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    assertThat(processes).as("one process per file").hasSize(1);
    Process process = processes.iterator().next();
    String group = path.getParent().getFileName().toString();
    if (!process.getId().equals(fileKey(path))) {
      problems.add("process id " + process.getId() + " must equal the file name " + fileKey(path));
    }
    if (!List.of("licensing", "construction", "services", "supervision").contains(group)) {
      problems.add("model must live in processes/<licensing|construction|services|supervision>/");
    }
    if (!process.isExecutable()) {
      problems.add("process must be executable");
    }
    if (!String.valueOf(retention.days()).equals(process.getCamundaHistoryTimeToLiveString())) {
      problems.add("camunda:historyTimeToLive must be the retention setting " + retention.days()
          + " but is " + process.getCamundaHistoryTimeToLiveString());
    }
    if (process.getName() == null || !CJK.matcher(process.getName()).find()) {
      problems.add("process needs a Chinese name");
    }
    Set<String> shapes = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
    Set<String> edges = new HashSet<>();
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getBpmnElement().getId()));

    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      String id = node.getId();
      if (!ID.matcher(id).matches()) {
        problems.add(id + ": id must read like Task_ReviewMaterials / Gateway_X / Event_X");
      }
      if (!shapes.contains(id)) {
        problems.add(id + ": no diagram shape");
      }
      if (node.getName() == null || !CJK.matcher(node.getName()).find()) {
        problems.add(id + ": needs a readable Chinese name");
      }
      String delegate = node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
      if (delegate != null) {
        checkDelegate(id, delegate, true, problems);
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (!ID.matcher(flow.getId()).matches()) {
        problems.add(flow.getId() + ": flow id must start with Flow_");
      }
      if (!edges.contains(flow.getId())) {
        problems.add(flow.getId() + ": no diagram edge");
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      checkForm(task, task.getCamundaFormRef(), problems);
      if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
        problems.add(task.getId() + ": user task needs camunda:candidateGroups (no named users)");
      }
      if (task.getCamundaAssignee() != null && !task.getCamundaAssignee().startsWith("${")) {
        problems.add(task.getId() + ": user task must not be assigned to a named user");
      }
      if (task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank()) {
        problems.add(task.getId() + ": user task needs a due date (working days, e.g. ${deadlines.fromNow(execution, 'promised')})");
      }
      if (CountersignDefinition.declared(task)) {
        try {
          CountersignDefinition.of(task);
        } catch (IllegalStateException e) {
          problems.add(task.getId() + ": " + e.getMessage());
        }
      }
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        checkForm(start, start.getCamundaFormRef(), problems);
      }
    }
    // listeners: the beans must exist (element templates cannot describe Java listeners)
    Matcher listeners = Pattern.compile("delegateExpression=\"(\\$\\{[^\"]+})\"").matcher(Files.readString(path));
    while (listeners.find()) {
      checkDelegate("listener", listeners.group(1), false, problems);
    }
    assertThat(problems).as(path + " house rules").isEmpty();
  }

  private void checkForm(BaseElement element, String formRef, List<String> problems) {
    if (formRef == null || formRef.isBlank()) {
      problems.add(element.getId() + ": needs a Camunda Form (camunda:formRef)");
      return;
    }
    if (!"latest".equals(element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding"))) {
      problems.add(element.getId() + ": camunda:formRefBinding must be 'latest' (forms deploy separately from models)");
    }
    if (!formIds().contains(formRef)) {
      problems.add(element.getId() + ": form " + formRef + " not found in forms/");
    }
  }

  private void checkDelegate(String id, String expression, boolean needsTemplate, List<String> problems) {
    Matcher m = BEAN.matcher(expression);
    if (!m.matches()) {
      problems.add(id + ": delegate expression must be ${beanName}, not " + expression);
      return;
    }
    if (!context.containsBean(m.group(1))) {
      problems.add(id + ": no Spring bean named " + m.group(1));
    }
    if (needsTemplate && !templateValues().contains(expression)) {
      problems.add(id + ": no element template in processes/.camunda/element-templates for " + expression);
    }
  }

  private void checkDmn(Path path) {
    DmnModelInstance model = Dmn.readModelFromFile(path.toFile());
    List<String> problems = new ArrayList<>();
    boolean keyFound = false;
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      keyFound |= decision.getId().equals(fileKey(path));
      if (!String.valueOf(retention.days()).equals(decision.getCamundaHistoryTimeToLiveString())) {
        problems.add(decision.getId() + ": camunda:historyTimeToLive must be " + retention.days());
      }
      if (decision.getName() == null || !CJK.matcher(decision.getName()).find()) {
        problems.add(decision.getId() + ": needs a Chinese name");
      }
    }
    if (!keyFound) {
      problems.add("no decision with the file's key " + fileKey(path));
    }
    assertThat(problems).as(path + " house rules").isEmpty();
  }

  private Set<String> formIds;
  private Set<String> templateValues;

  private Set<String> formIds() {
    if (formIds == null) {
      formIds = new HashSet<>();
      try (Stream<Path> forms = files(FORMS, ".form")) {
        forms.forEach(f -> formIds.add(read(f).path("id").asText()));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return formIds;
  }

  private Set<String> templateValues() {
    if (templateValues == null) {
      templateValues = new HashSet<>();
      try (Stream<Path> templates = files(TEMPLATES, ".json")) {
        templates.forEach(t -> read(t).forEach(template -> template.path("properties").forEach(p -> {
          if ("camunda:delegateExpression".equals(p.path("binding").path("name").asText())) {
            templateValues.add(p.path("value").asText());
          }
        })));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return templateValues;
  }

  @Test
  void everyFormIdIsUniqueAndInChinese() throws IOException {
    Set<String> seen = new HashSet<>();
    try (Stream<Path> forms = files(FORMS, ".form")) {
      forms.forEach(f -> {
        JsonNode form = read(f);
        assertThat(seen.add(form.path("id").asText())).as("unique form id " + f).isTrue();
        assertThat(form.path("id").asText()).as("form id of " + f).isEqualTo(fileKey(f));
        form.path("components").forEach(c -> {
          if (c.has("label")) {
            assertThat(CJK.matcher(c.path("label").asText()).find()).as(f + " label " + c.path("label")).isTrue();
          }
        });
      });
    }
  }

  private static JsonNode read(Path path) {
    try {
      return new ObjectMapper().readTree(path.toFile());
    } catch (IOException e) {
      throw new IllegalStateException("不是合法的 JSON: " + path, e);
    }
  }

  static Stream<Path> files(Path root, String suffix) throws IOException {
    return Files.walk(root).filter(p -> p.toString().endsWith(suffix)).sorted();
  }

  static String fileKey(Path path) {
    String name = path.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }
}
