package cn.gaoxin.approval.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models and forms that designers keep in the top-level {@code processes/} and {@code forms/}
 * folders (the build packs them into the jar under the same names).
 *
 * <p>Resource names are the repository paths ({@code processes/licensing/x.bpmn}, {@code forms/common/y.form})
 * whether the application runs from classes or from the jar, so switching between the two does not create new
 * versions (STACK-NOTES 4). Only changed resources are redeployed; an unchanged start deploys nothing. User
 * tasks bind forms with {@code formRefBinding="latest"}, so a form stays found when only its model is
 * redeployed, here or from Camunda Modeler.
 */
@Component
public class ModelDeployer implements InitializingBean {

  public static final String DEPLOYMENT_NAME = "approval-models";
  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

  private final RepositoryService repositoryService;
  private final HistoryRetention retention;
  private final boolean enabled;

  public ModelDeployer(ProcessEngine engine, HistoryRetention retention,
      @Value("${approval.models.deploy-on-start:true}") boolean enabled) {
    this.repositoryService = engine.getRepositoryService();
    this.retention = retention;
    this.enabled = enabled;
  }

  @Override
  public void afterPropertiesSet() throws IOException {
    if (!enabled) {
      return;
    }
    List<Resource> resources = modelResources();
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("approval-platform")
        .enableDuplicateFiltering(true);
    List<String> problems = new ArrayList<>();
    for (Resource resource : resources) {
      try (InputStream in = resource.getInputStream()) {
        byte[] content = in.readAllBytes();
        problems.addAll(ModelSafety.problems(resourceName(resource), content));
        builder.addInputStream(resourceName(resource), new ByteArrayInputStream(content));
      }
    }
    if (!problems.isEmpty()) {
      // the repository's models follow the same rules as models deployed from Camunda Modeler
      throw new IllegalStateException("模型未部署: " + String.join("; ", problems));
    }
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    int definitions = deployment.getDeployedProcessDefinitions() == null ? 0 : deployment.getDeployedProcessDefinitions().size();
    log.info("已部署流程模型与表单: {} 个资源, 本次新版本流程定义 {} 个", resources.size(), definitions);
    retention.apply();
  }

  /** Every BPMN, DMN and form on the classpath under processes/ and forms/. */
  public static List<Resource> modelResources() throws IOException {
    var resolver = new PathMatchingResourcePatternResolver();
    List<Resource> all = new ArrayList<>();
    for (String pattern : List.of("classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn",
        "classpath*:forms/**/*.form")) {
      all.addAll(List.of(resolver.getResources(pattern)));
    }
    all.sort((a, b) -> resourceName(a).compareTo(resourceName(b)));
    return all;
  }

  /** The path from "processes/" or "forms/" on, the same in the repository, the classes folder and the jar. */
  public static String resourceName(Resource resource) {
    try {
      String url = resource.getURL().toString();
      int at = Math.max(url.lastIndexOf("/processes/"), url.lastIndexOf("/forms/"));
      return url.substring(at + 1);
    } catch (IOException e) {
      throw new IllegalStateException("无法确定模型资源的名称: " + resource, e);
    }
  }
}
