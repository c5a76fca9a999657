package cn.gaoxin.approval.audit.simulation;

import cn.gaoxin.approval.calendar.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Fills an empty installation with demo history on start: active with the Spring profile {@code demo-history}
 * or when {@code approval.demo-history.cases} is set above 0.
 *
 * <pre>
 * mvn spring-boot:run -Dspring-boot.run.profiles=demo-history -Dspring-boot.run.arguments=--approval.demo-history.cases=200
 * </pre>
 *
 * Settings: {@code approval.demo-history.cases} (per reform, default 100 with the profile), {@code .seed}
 * (default 20260101), {@code .days} (calendar days of history before today, default 120).
 */
@Component
@ConditionalOnExpression("'${spring.profiles.active:}'.contains('demo-history') or ${approval.demo-history.cases:0} > 0")
public class DemoHistoryRunner implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoHistoryRunner.class);

  private final DemoHistory demoHistory;
  private final EngineClock clock;
  private final int cases;
  private final long seed;
  private final int days;

  public DemoHistoryRunner(DemoHistory demoHistory, EngineClock clock,
      @Value("${approval.demo-history.cases:100}") int cases, @Value("${approval.demo-history.seed:20260101}") long seed,
      @Value("${approval.demo-history.days:120}") int days) {
    this.demoHistory = demoHistory;
    this.clock = clock;
    this.cases = cases;
    this.seed = seed;
    this.days = days;
  }

  @Override
  public void run(ApplicationArguments args) {
    long started = System.currentTimeMillis();
    var plan = demoHistory.plan(cases, seed, clock.today(), days);
    log.info("演示历史: 开始模拟 {} 件案件 (每个改革流程 {} 件, 种子 {})", plan.size(), cases, seed);
    DemoHistory.Report report = demoHistory.run(plan, seed);
    log.info("演示历史: 已生成 {} 件案件, 用时 {} 秒; 各流程及情形: {}; 无模拟驱动而跳过的流程: {}; 失败 {} 件",
        report.total(), (System.currentTimeMillis() - started) / 1000, report.played(), report.skipped(),
        report.failures().size());
    report.failures().stream().limit(20).forEach(f -> log.warn("演示历史失败: {}", f));
  }
}
