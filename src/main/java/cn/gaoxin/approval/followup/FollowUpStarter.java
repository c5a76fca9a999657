package cn.gaoxin.approval.followup;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.cases.CaseNumbers;
import cn.gaoxin.approval.cases.CaseStatus;
import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.catalog.ServiceCatalog;
import cn.gaoxin.approval.catalog.ServiceItem;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the follow-up (好差评回访, {@code service-follow-up}) of every finished case, after the transaction that
 * finished it has committed, in a transaction of its own: a follow-up that cannot start never rolls the finished
 * case back; it is logged and {@link FollowUpSweep} starts it later. The register's key makes sure no case gets two.
 *
 * <p>Everything runs in a new transaction: after commit the finished case's transaction resources are still bound
 * to the thread, and work joining them would never be committed. That new transaction needs a connection of its
 * own while the finished case's thread still holds its one (Spring releases it only after the after-commit
 * callbacks), so by default ({@code approval.follow-up.start=async}) the start is handed to one thread of its own:
 * the finishing thread returns its connection at once, and follow-ups never hold two connections per thread. Run
 * inline, ten job-executor threads finishing cases at once held ten connections and waited for ten more, and a
 * small pool ran dry (the benchmark's latency part with 8 connections: every thread waiting, requests failing
 * after Hikari's 30 s). {@code sync} keeps the start on the finishing thread (tests, and the demo history while it
 * moves the engine clock, see {@link #runInline}). And it runs as the platform, not as the clerk
 * whose task finished the case (still logged in on this thread): a clerk may neither read the case's history nor
 * start a follow-up, and the follow-up must not depend on who took the last step.
 *
 * <p>The follow-up carries the original case's number ({@code originalCaseNumber}) and has its own case number as
 * business key; it reaches the same enterprise (applicant, contact) and, for a bad review, the department that
 * handled the original case ({@code originalDepartment}).
 */
@Component
public class FollowUpStarter {

  private static final Logger log = LoggerFactory.getLogger(FollowUpStarter.class);
  /** Variables of the original case the follow-up takes over as they are. */
  private static final List<String> CARRIED = List.of(CaseVariables.APPLICANT_NAME, CaseVariables.CREDIT_CODE,
      CaseVariables.CONTACT_NAME, CaseVariables.CONTACT_PHONE);

  private final HistoryService historyService;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final FollowUpPolicy policy;
  private final FollowUpRegistry registry;
  private final CaseNumbers caseNumbers;
  private final ServiceCatalog catalog;
  private final EngineClock clock;
  private final TransactionTemplate newTransaction;
  private final ThreadPoolExecutor starts;
  private volatile boolean inline;
  private final AtomicLong handedOver = new AtomicLong();
  private final AtomicLong finished = new AtomicLong();
  private volatile String lastStartThread;

  public FollowUpStarter(HistoryService historyService, IdentityService identityService, RuntimeService runtimeService,
      RepositoryService repositoryService, FollowUpPolicy policy, FollowUpRegistry registry, CaseNumbers caseNumbers,
      ServiceCatalog catalog, EngineClock clock, PlatformTransactionManager transactionManager,
      @Value("${approval.follow-up.start:async}") String mode) {
    this.historyService = historyService;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.policy = policy;
    this.registry = registry;
    this.caseNumbers = caseNumbers;
    this.catalog = catalog;
    this.clock = clock;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    if (!mode.equals("async") && !mode.equals("sync")) {
      throw new IllegalStateException("approval.follow-up.start 须为 async 或 sync, 实际为 " + mode);
    }
    this.inline = mode.equals("sync");
    // one thread: at most one extra connection for follow-ups; a full queue is logged and left to FollowUpSweep
    this.starts = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(10_000), r -> {
      Thread t = new Thread(r, "follow-up-start");
      t.setDaemon(true);
      return t;
    }, (task, executor) -> {
      finished.incrementAndGet();
      log.warn("回访启动队列已满, 由定期核查补启动");
    });
  }

  /**
   * Starts follow-ups on the finishing thread ({@code true}) or hands them to the follow-up thread ({@code false});
   * returns the previous setting. The demo history runs inline while it moves the engine clock, so that each
   * follow-up starts at the simulated moment its case ended.
   */
  public boolean runInline(boolean value) {
    boolean previous = inline;
    inline = value;
    return previous;
  }

  /** Waits until the follow-ups handed over so far have started (or failed and been logged). */
  public boolean awaitHandedOver(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (finished.get() < handedOver.get()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  @PreDestroy
  void stop() throws InterruptedException {
    starts.shutdown();
    starts.awaitTermination(10, TimeUnit.SECONDS);
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  public void onCaseEnded(CaseEnded ended) {
    if (inline) {
      startLogged(ended);
    } else {
      handedOver.incrementAndGet();
      try {
        starts.execute(() -> {
          try {
            startLogged(ended);
          } finally {
            finished.incrementAndGet();
          }
        });
      } catch (RuntimeException e) {
        finished.incrementAndGet();
        throw e;
      }
    }
  }

  /** The thread the last follow-up was started on (diagnostics; the hand-off's test reads it). */
  public String lastStartThread() {
    return lastStartThread;
  }

  private void startLogged(CaseEnded ended) {
    lastStartThread = Thread.currentThread().getName();
    try {
      startFor(ended.processInstanceId());
    } catch (RuntimeException e) {
      log.error("案件 {} 已办结, 但回访未能启动 (定期核查将补启动): {}", ended.caseNumber(), e.toString());
    }
  }

  /**
   * Starts the follow-up of a finished case unless it needs none or already has one; returns the follow-up's case
   * number when one was started now.
   */
  public Optional<String> startFor(String processInstanceId) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return startAsPlatform(processInstanceId);
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private Optional<String> startAsPlatform(String processInstanceId) {
    return Optional.ofNullable(newTransaction.execute(status -> {
      HistoricProcessInstance finished = historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(processInstanceId).singleResult();
      if (finished == null) {
        return null;
      }
      Optional<String> reason = policy.reasonNotToFollowUp(finished);
      if (reason.isPresent()) {
        log.debug("案件 {} 不回访: {}", finished.getBusinessKey(), reason.get());
        return null;
      }
      if (registry.forOriginal(processInstanceId).isPresent()) {
        return null;
      }
      return start(finished);
    }));
  }

  private String start(HistoricProcessInstance finished) {
    String followUpCaseNumber = caseNumbers.next();
    if (!registry.register(finished.getId(), finished.getBusinessKey(), finished.getProcessDefinitionKey(),
        finished.getEndTime().toInstant(), followUpCaseNumber, clock.instant())) {
      return null;
    }
    Map<String, Object> original = variables(finished.getId());
    ServiceItem item = followUpItem();
    Map<String, Object> vars = new HashMap<>();
    for (String name : CARRIED) {
      if (original.get(name) != null) {
        vars.put(name, original.get(name));
      }
    }
    vars.put(CaseVariables.ITEM_CODE, item.code());
    vars.put(CaseVariables.CHANNEL, "SYSTEM");
    vars.put(CaseVariables.IN_PERSON_VISITS, 0);
    vars.put("originalCaseNumber", finished.getBusinessKey());
    vars.put("originalProcessInstanceId", finished.getId());
    vars.put("originalProcessKey", finished.getProcessDefinitionKey());
    vars.put("originalReformName", repositoryService.getProcessDefinition(finished.getProcessDefinitionId()).getName());
    vars.put("originalItemCode", original.get(CaseVariables.ITEM_CODE));
    vars.put("originalItemName", original.getOrDefault(CaseVariables.ITEM_NAME, ""));
    String department = original.get(CaseVariables.DEPARTMENT) instanceof String d && catalog.department(d).isPresent()
        ? d : item.department();
    vars.put("originalDepartment", department);
    vars.put("originalDepartmentName", catalog.department(department).map(x -> x.name()).orElse(department));
    Object status = original.get(CaseVariables.CASE_STATUS);
    vars.put("originalCaseStatus", status);
    vars.put("originalCaseStatusText", CaseStatus.label(status));
    vars.put("originalEndedAt", finished.getEndTime());
    String id = runtimeService.createProcessInstanceByKey(FollowUpPolicy.FOLLOW_UP_PROCESS)
        .businessKey(followUpCaseNumber)
        .setVariables(vars)
        .execute()
        .getId();
    registry.attachProcessInstance(finished.getId(), id);
    log.info("案件 {} 已办结, 已启动回访案件 {}", finished.getBusinessKey(), followUpCaseNumber);
    return followUpCaseNumber;
  }

  /** The catalog item of the follow-up (the item whose processes include service-follow-up): its limits apply. */
  ServiceItem followUpItem() {
    return catalog.items().stream().filter(i -> i.processes().contains(FollowUpPolicy.FOLLOW_UP_PROCESS)).findFirst()
        .orElseThrow(() -> new IllegalStateException("事项目录中没有回访事项 (processes 含 service-follow-up)"));
  }

  /**
   * The original case's process-level variables the follow-up needs, as history holds them. Only these names are
   * read: other variables of a case may be serialized Java objects (e.g. a decision result), which need not and
   * cannot be read here.
   */
  private Map<String, Object> variables(String processInstanceId) {
    List<String> names = new java.util.ArrayList<>(CARRIED);
    names.addAll(List.of(CaseVariables.ITEM_CODE, CaseVariables.ITEM_NAME, CaseVariables.DEPARTMENT,
        CaseVariables.CASE_STATUS));
    Map<String, Object> vars = new HashMap<>();
    for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableNameIn(names.toArray(String[]::new))
        .disableCustomObjectDeserialization().list()) {
      if (processInstanceId.equals(v.getActivityInstanceId())) {
        vars.put(v.getName(), v.getValue());
      }
    }
    return vars;
  }
}
