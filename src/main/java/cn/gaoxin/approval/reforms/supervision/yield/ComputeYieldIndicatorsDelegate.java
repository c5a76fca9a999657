package cn.gaoxin.approval.reforms.supervision.yield;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Derives the evaluation indicators from an enterprise's figures (the DMN tables' inputs): 亩均税收 taxPerMu and
 * 亩均销售收入 salesPerMu (万元/亩), 单位能耗销售收入 salesPerEnergy (万元/吨标准煤), 单位污染物排放销售收入
 * salesPerEmission (万元/吨; none when the enterprise emits no main pollutants), 研发经费投入强度 rdIntensity (% of
 * sales) and 全员劳动生产率 labourProductivity (工业增加值 per employee, 万元/人), rounded to two decimals.
 */
@Component("computeYieldIndicators")
public class ComputeYieldIndicatorsDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    YieldData.Indicators indicators = YieldData.from(execution).indicators();
    indicators.asVariables().forEach(execution::setVariable);
  }
}
