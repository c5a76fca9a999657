package cn.gaoxin.approval.operations;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on Spring's scheduler for the platform's periodic work: the notice dispatcher (notices/NoticeDispatcher,
 * safe on every node: each notice is claimed by one) and the metric gauges. The engine's job executor has its own
 * threads and needs nothing here.
 */
@Configuration
@EnableScheduling
public class OperationsConfiguration {}
