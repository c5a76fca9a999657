package cn.gaoxin.approval.audit.simulation;

import cn.gaoxin.approval.calendar.EngineClock;
import cn.gaoxin.approval.followup.FollowUpStarter;
import cn.gaoxin.approval.calendar.WorkingDayCalendar;
import cn.gaoxin.approval.cases.ApplicationService;
import cn.gaoxin.approval.identifiers.CreditCode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Demo history: simulated cases through every deployed reform that has a {@link ReformDriver}, with the engine
 * clock moved along each case's timeline (varied durations, some overdue, some 容缺, some rejected, some
 * withdrawn). Reforms without a driver are skipped and reported (a model whose cases only another reform's cases
 * start counts as covered by that reform's driver). Deterministic for a given seed.
 */
@Service
public class DemoHistory {

  private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
  /** Calendar days a simulated case may take at most: closed cases start at least this long before "today". */
  static final int CASE_SPAN = 40;
  private static final String[] FIRMS = {"湘潭三益智宅家居有限公司", "湖南蓝恒环保科技有限公司", "长春金赛药业有限责任公司",
      "重庆云凯智能科技有限公司", "银川中关村创新园运营有限公司", "平顶山高新区华瑞餐饮管理有限公司", "青岛海科食品有限公司",
      "湘潭宏达机电设备有限公司", "长春一汽富维汽车零部件有限公司", "重庆渝高物业服务有限公司"};

  /** What a run did: cases played per reform and scenario, reforms skipped (no driver), failures. */
  public record Report(Map<String, Map<String, Integer>> played, List<String> skipped, List<String> failures) {
    public int total() {
      return played.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }
  }

  private final ProcessEngine engine;
  private final ApplicationService applications;
  private final WorkingDayCalendar calendar;
  private final EngineClock clock;
  private final Map<String, ReformDriver> drivers = new LinkedHashMap<>();
  private final FollowUpStarter followUps;

  public DemoHistory(ProcessEngine engine, ApplicationService applications, WorkingDayCalendar calendar,
      EngineClock clock, List<ReformDriver> drivers, FollowUpStarter followUps) {
    this.engine = engine;
    this.followUps = followUps;
    this.applications = applications;
    this.calendar = calendar;
    this.clock = clock;
    drivers.forEach(d -> this.drivers.put(d.processKey(), d));
  }

  /** Deployed reforms (latest versions' keys) in key order. */
  public List<String> deployedReforms() {
    return engine.getRepositoryService().createProcessDefinitionQuery().latestVersion()
        .orderByProcessDefinitionKey().asc().list().stream().map(ProcessDefinition::getKey).toList();
  }

  /**
   * Plans {@code casesPerReform} cases for every deployed reform with a driver, submitted on working days spread
   * over the {@code days} calendar days before {@code until} (closed ones at least the driver's
   * {@link ReformDriver#caseSpanDays() case span} before); scenarios drawn by the driver's weights. Cases left
   * open are submitted on the last working day, so their deadlines lie ahead.
   */
  public List<PlannedCase> plan(int casesPerReform, long seed, LocalDate until, int days) {
    Random random = new Random(seed);
    List<PlannedCase> plan = new ArrayList<>();
    for (String key : deployedReforms()) {
      ReformDriver driver = drivers.get(key);
      if (driver == null) {
        continue;
      }
      int totalWeight = driver.scenarios().stream().mapToInt(ReformDriver.Scenario::weight).sum();
      for (int i = 0; i < casesPerReform; i++) {
        int pick = random.nextInt(totalWeight);
        String scenario = null;
        for (ReformDriver.Scenario s : driver.scenarios()) {
          pick -= s.weight();
          if (pick < 0) {
            scenario = s.name();
            break;
          }
        }
        int span = Math.max(CASE_SPAN, driver.caseSpanDays());
        LocalDate day = scenario.equals("OPEN") ? lastWorkingDay(until)
            : workingDayOnOrBefore(until.minusDays(span + random.nextInt(Math.max(1, days - span))));
        LocalDateTime start = day.atTime(8 + random.nextInt(9), random.nextInt(60));
        String firm = FIRMS[random.nextInt(FIRMS.length)];
        Map<String, Integer> params = Map.of("verifyDays", random.nextInt(10) < 8 ? 0 : 1,
            "reviewDays", 1 + random.nextInt(5), "supplementDays", 1 + random.nextInt(4),
            "resubmitDays", 1 + random.nextInt(4), "withdrawDays", random.nextInt(3));
        if (scenario.equals("APPROVED_LATE")) {
          params = new java.util.HashMap<>(params);
          params.put("reviewDays", 7 + random.nextInt(6));
        }
        plan.add(new PlannedCase(key, null, scenario, start, random.nextInt(10) < 7 ? "ONLINE" : "COUNTER", firm,
            creditCode(random), params));
      }
    }
    plan.sort(java.util.Comparator.comparing(PlannedCase::start));
    return plan;
  }

  /** Plays the planned cases in order; the engine clock is restored and the job executor resumed afterwards. */
  public Report run(List<PlannedCase> plan, long seed) {
    Map<String, Map<String, Integer>> played = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    Set<String> covered = new HashSet<>();
    drivers.values().forEach(d -> covered.addAll(d.coveredKeys()));
    List<String> skipped = deployedReforms().stream().filter(k -> !covered.contains(k)).toList();
    boolean paused = SimulationClock.pauseJobExecutor(engine);
    // follow-ups start on the playing thread, at the simulated moment their case ended
    boolean inline = followUps.runInline(true);
    SimulationContext ctx = new SimulationContext(engine, applications, calendar, clock.zone(), new Random(seed));
    try {
      for (PlannedCase c : plan) {
        ReformDriver driver = drivers.get(c.processKey());
        if (driver == null) {
          continue;
        }
        ctx.begin(c.start());
        try {
          driver.play(c, ctx);
          played.computeIfAbsent(c.processKey(), k -> new TreeMap<>()).merge(c.scenario(), 1, Integer::sum);
        } catch (RuntimeException e) {
          failures.add(c.processKey() + "/" + c.scenario() + " @ " + c.start() + ": " + e.getMessage());
          log.warn("模拟案件失败 {} {}: {}", c.processKey(), c.scenario(), e.toString());
        }
      }
    } finally {
      followUps.runInline(inline);
      SimulationClock.reset();
      if (paused) {
        SimulationClock.resumeJobExecutor(engine);
      }
    }
    if (!skipped.isEmpty()) {
      log.info("以下改革流程尚无模拟驱动, 未生成演示历史: {}", skipped);
    }
    return new Report(played, skipped, failures);
  }

  private LocalDate workingDayOnOrBefore(LocalDate day) {
    LocalDate d = day;
    while (!calendar.isWorkingDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  private LocalDate lastWorkingDay(LocalDate until) {
    return workingDayOnOrBefore(until.minusDays(1));
  }

  /** A well-formed unified social credit code (check character per GB 32100) for a simulated firm. */
  public static String creditCode(Random random) {
    String digits = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    StringBuilder code = new StringBuilder("91430300MA4");
    while (code.length() < 17) {
      code.append(digits.charAt(random.nextInt(digits.length())));
    }
    return code.toString() + CreditCode.checkCharacter(code.toString());
  }
}
