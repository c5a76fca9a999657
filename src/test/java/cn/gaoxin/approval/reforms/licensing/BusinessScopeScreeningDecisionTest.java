package cn.gaoxin.approval.reforms.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.support.ScenarioTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 经营范围环境风险筛查 (decision business-scope-screening), every rule and every keyword of it: steel smelting,
 * cement production and coal mining are refused at registration (seed 001); licensed activities pass with the
 * permit to obtain afterwards (后置审批); everything else passes.
 */
class BusinessScopeScreeningDecisionTest extends ScenarioTest {

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      钢铁冶炼; 钢材销售                     | Rule_SteelSmelting      | REFUSE       | 钢铁冶炼 | 
      炼钢                                 | Rule_SteelSmelting      | REFUSE       | 钢铁冶炼 | 
      生铁冶炼 (炼铁)                       | Rule_SteelSmelting      | REFUSE       | 钢铁冶炼 | 
      水泥生产; 建材批发                     | Rule_CementProduction   | REFUSE       | 水泥生产 | 
      水泥熟料制造                           | Rule_CementProduction   | REFUSE       | 水泥生产 | 
      煤炭开采和洗选                         | Rule_CoalMining         | REFUSE       | 煤炭开采 | 
      煤矿开采                              | Rule_CoalMining         | REFUSE       | 煤炭开采 | 
      危险化学品经营; 化工产品销售            | Rule_HazardousChemicals | LATER_PERMIT | 危险化学品经营许可证 | 危险化学品经营许可证 (应急管理部门)
      食品经营 (销售预包装食品)               | Rule_FoodBusiness       | LATER_PERMIT | 食品经营许可证 | 食品经营许可证 (市场监督管理部门)
      食品销售                              | Rule_FoodBusiness       | LATER_PERMIT | 食品经营许可证 | 食品经营许可证 (市场监督管理部门)
      餐饮服务; 外卖递送服务                  | Rule_FoodBusiness       | LATER_PERMIT | 食品经营许可证 | 食品经营许可证 (市场监督管理部门)
      住宿服务                              | Rule_PublicVenue        | LATER_PERMIT | 公共场所卫生许可证 | 公共场所卫生许可证 (卫生健康部门)
      美容服务; 化妆品零售                    | Rule_PublicVenue        | LATER_PERMIT | 公共场所卫生许可证 | 公共场所卫生许可证 (卫生健康部门)
      理发服务                              | Rule_PublicVenue        | LATER_PERMIT | 公共场所卫生许可证 | 公共场所卫生许可证 (卫生健康部门)
      洗浴服务                              | Rule_PublicVenue        | LATER_PERMIT | 公共场所卫生许可证 | 公共场所卫生许可证 (卫生健康部门)
      道路货物运输 (不含危险货物)              | Rule_RoadFreight        | LATER_PERMIT | 道路运输经营许可证 | 道路运输经营许可证 (交通运输部门)
      软件开发; 信息技术咨询服务               | Rule_GeneralScope       | APPROVE      | 不涉及环境风险 | 
      """)
  void everyRule(String scope, String rule, String decision, String reason, String laterPermit) {
    var evaluation = new DecisionRuleProbe(engine, "business-scope-screening").evaluate(Map.of("businessScope", scope));
    assertThat(evaluation.ruleId()).isEqualTo(rule);
    assertThat(evaluation.outputs()).containsEntry("scopeDecision", decision);
    assertThat((String) evaluation.outputs().get("scopeReason")).contains(reason);
    assertThat(evaluation.outputs().get("laterPermit")).isEqualTo(laterPermit);
  }

  @Test
  void aRefusedActivityAnywhereInTheScopeRefusesTheWholeScope() {
    var evaluation = new DecisionRuleProbe(engine, "business-scope-screening")
        .evaluate(Map.of("businessScope", "餐饮服务; 住宿服务; 煤炭开采"));
    assertThat(evaluation.ruleId()).isEqualTo("Rule_CoalMining");
    assertThat(evaluation.outputs()).containsEntry("scopeDecision", "REFUSE");
  }

  @Test
  void similarWordsAreNotRefused() {
    var evaluation = new DecisionRuleProbe(engine, "business-scope-screening")
        .evaluate(Map.of("businessScope", "钢材销售; 水泥制品销售; 煤炭及制品销售"));
    assertThat(evaluation.ruleId()).isEqualTo("Rule_GeneralScope");
  }
}
