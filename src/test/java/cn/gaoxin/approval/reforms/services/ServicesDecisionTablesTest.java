package cn.gaoxin.approval.reforms.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four decision tables of group 3, rule by rule, as the deployed engine evaluates them: every rule of every
 * table is matched by at least one case below (checked against the model files), missing inputs behave as stated
 * in the tables, and boundaries fall into the intended tier.
 */
class ServicesDecisionTablesTest extends ServicesScenarioTest {

  // ------------------------------------------------------------------ policy-fulfilment-eligibility (FIRST)

  static Stream<Arguments> policyCases() {
    return Stream.of(
        Arguments.of("Rule_Dishonest", map("itemCode", "CZ-ZCDX-001", "seriousDishonesty", true, "registeredInZone", true,
            "listingBoard", "NEEQ"), false, null, null, null, "企业被列入严重失信主体名单, 不予兑现"),
        Arguments.of("Rule_NotInZone", map("itemCode", "CZ-ZCDX-001", "seriousDishonesty", false, "registeredInZone", false,
            "listingBoard", "NEEQ"), false, null, null, null, "企业注册地和税收户管地须在高新区"),
        Arguments.of("Rule_NotInZone", map("itemCode", "CZ-ZCDX-004", "highTechCertification", "FIRST"),
            false, null, null, null, "企业注册地和税收户管地须在高新区"),
        Arguments.of("Rule_NeeqListed", map("itemCode", "CZ-ZCDX-001", "registeredInZone", true, "listingBoard", "NEEQ"),
            true, 800000L, "ONCE", 7, "新三板挂牌一次性资金补助 80 万元"),
        Arguments.of("Rule_NeeqOtherBoard", map("itemCode", "CZ-ZCDX-001", "registeredInZone", true, "listingBoard", "CHINEXT"),
            false, null, null, null, "新三板挂牌补助仅适用于在全国中小企业股份转让系统 (新三板) 挂牌的企业"),
        Arguments.of("Rule_MainBoardListed", map("itemCode", "CZ-ZCDX-002", "registeredInZone", true, "listingBoard", "SSE_MAIN"),
            true, 1000000L, "ONCE", 7, "主板、创业板上市一次性资金补助 100 万元"),
        Arguments.of("Rule_MainBoardListed", map("itemCode", "CZ-ZCDX-002", "registeredInZone", true, "listingBoard", "SZSE_MAIN"),
            true, 1000000L, "ONCE", 7, "主板、创业板上市一次性资金补助 100 万元"),
        Arguments.of("Rule_MainBoardListed", map("itemCode", "CZ-ZCDX-002", "registeredInZone", true, "listingBoard", "CHINEXT"),
            true, 1000000L, "ONCE", 7, "主板、创业板上市一次性资金补助 100 万元"),
        Arguments.of("Rule_MainBoardOther", map("itemCode", "CZ-ZCDX-002", "registeredInZone", true, "listingBoard", "NEEQ"),
            false, null, null, null, "上市补助仅适用于在上海、深圳证券交易所主板或创业板上市的企业"),
        Arguments.of("Rule_VoucherBelowThreshold", map("itemCode", "CZ-ZCDX-003", "registeredInZone", true,
            "voucherServiceAmount", 9999.99, "techSme", true), false, null, null, null, "已支付科技服务费不足 1 万元, 未达到创新券兑付起点"),
        Arguments.of("Rule_VoucherTechSme", map("itemCode", "CZ-ZCDX-003", "registeredInZone", true,
            "voucherServiceAmount", 36001, "techSme", true), true, 18000L, "YEARLY", 5, "科技型中小企业按已支付服务费的 50% 兑付, 每年度最高 10 万元"),
        Arguments.of("Rule_VoucherTechSme", map("itemCode", "CZ-ZCDX-003", "registeredInZone", true,
            "voucherServiceAmount", 500000, "techSme", true), true, 100000L, "YEARLY", 5, "科技型中小企业按已支付服务费的 50% 兑付, 每年度最高 10 万元"),
        Arguments.of("Rule_VoucherOther", map("itemCode", "CZ-ZCDX-003", "registeredInZone", true,
            "voucherServiceAmount", 10000, "techSme", false), true, 3000L, "YEARLY", 5, "其他企业按已支付服务费的 30% 兑付, 每年度最高 5 万元"),
        Arguments.of("Rule_VoucherOther", map("itemCode", "CZ-ZCDX-003", "registeredInZone", true,
            "voucherServiceAmount", 400000), true, 50000L, "YEARLY", 5, "其他企业按已支付服务费的 30% 兑付, 每年度最高 5 万元"),
        Arguments.of("Rule_VoucherNoFee", map("itemCode", "CZ-ZCDX-003", "registeredInZone", true, "techSme", true),
            false, null, null, null, "请填写已支付的科技服务费金额"),
        Arguments.of("Rule_HighTechFirst", map("itemCode", "CZ-ZCDX-004", "registeredInZone", true, "highTechCertification", "FIRST"),
            true, 200000L, "ONCE", 7, "高新技术企业首次认定奖励 20 万元"),
        Arguments.of("Rule_HighTechRenewal", map("itemCode", "CZ-ZCDX-004", "registeredInZone", true, "highTechCertification", "RENEWAL"),
            false, null, null, null, "仅对首次通过高新技术企业认定的企业给予奖励, 重新认定不再奖励"),
        Arguments.of("Rule_OtherItem", map("itemCode", "SCJG-SPJY-001", "registeredInZone", true),
            false, null, null, null, "该事项不属于可兑现的政策"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("policyCases")
  void policyEligibilityAndAmount(String rule, Map<String, Object> facts, boolean eligible, Long amount,
      String frequency, Integer noticeDays, String reason) {
    var evaluation = DecisionTables.evaluate(engine, "policy-fulfilment-eligibility", withNulls(facts,
        "seriousDishonesty", "registeredInZone", "listingBoard", "voucherServiceAmount", "techSme", "highTechCertification"));
    assertThat(evaluation.matchedRules()).containsExactly(rule);
    Map<String, Object> result = evaluation.single();
    assertThat(result.get("eligible")).isEqualTo(eligible);
    assertThat(result.get("subsidyAmount")).isEqualTo(amount);
    assertThat(result.get("claimFrequency")).isEqualTo(frequency);
    assertThat(result.get("publicNoticeDays")).isEqualTo(noticeDays);
    assertThat(result.get("eligibilityReason")).isEqualTo(reason);
  }

  // ------------------------------------------------------------------ innovation-points-loan-eligibility (COLLECT)

  static final Map<String, Object> GOOD_FIRM = map("monthsInZone", 12, "enterpriseScale", "MICRO", "badCreditRecord", false,
      "annualRevenue", 0, "innovationPoints", 300);

  static Stream<Arguments> loanEligibilityCases() {
    return Stream.of(
        Arguments.of(Set.of(), GOOD_FIRM, List.of()),
        Arguments.of(Set.of(), with(GOOD_FIRM, "enterpriseScale", "SMALL", "monthsInZone", 60), List.of()),
        Arguments.of(Set.of("Rule_ZoneUnderOneYear"), with(GOOD_FIRM, "monthsInZone", 11), List.of("入驻高新区未满 1 年 (须 1 年含以上)")),
        Arguments.of(Set.of("Rule_ZoneUnknown"), with(GOOD_FIRM, "monthsInZone", null), List.of("缺少入驻高新区时间")),
        Arguments.of(Set.of("Rule_NotSmallOrMicro"), with(GOOD_FIRM, "enterpriseScale", "MEDIUM"), List.of("不符合工信部小型或微型企业划型标准")),
        Arguments.of(Set.of("Rule_NotSmallOrMicro"), with(GOOD_FIRM, "enterpriseScale", null), List.of("不符合工信部小型或微型企业划型标准")),
        Arguments.of(Set.of("Rule_BadCredit"), with(GOOD_FIRM, "badCreditRecord", true), List.of("企业或法定代表人存在不良信用记录")),
        Arguments.of(Set.of("Rule_CreditUnknown"), with(GOOD_FIRM, "badCreditRecord", null), List.of("缺少征信查询结果")),
        Arguments.of(Set.of("Rule_RevenueUnknown"), with(GOOD_FIRM, "annualRevenue", null), List.of("缺少上年度营业收入数据 (无营业收入填 0)")),
        Arguments.of(Set.of("Rule_PointsUnknown"), with(GOOD_FIRM, "innovationPoints", null), List.of("缺少创新积分测算结果")),
        Arguments.of(Set.of("Rule_ZoneUnderOneYear", "Rule_NotSmallOrMicro", "Rule_BadCredit"),
            with(GOOD_FIRM, "monthsInZone", 3, "enterpriseScale", "LARGE", "badCreditRecord", true),
            List.of("入驻高新区未满 1 年 (须 1 年含以上)", "不符合工信部小型或微型企业划型标准", "企业或法定代表人存在不良信用记录")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("loanEligibilityCases")
  void loanEligibilityListsEveryReason(Set<String> rules, Map<String, Object> facts, List<String> findings) {
    var evaluation = DecisionTables.evaluate(engine, "innovation-points-loan-eligibility", facts);
    assertThat(evaluation.matchedRules()).containsExactlyInAnyOrderElementsOf(rules);
    assertThat(evaluation.results()).extracting(r -> r.get("finding")).containsExactlyElementsOf(findings);
  }

  // ------------------------------------------------------------------ innovation-points-loan-credit-limit (UNIQUE)

  static Stream<Arguments> creditLimitCases() {
    return Stream.of(
        Arguments.of("Rule_StartupA", 0, null, 600, 1000000L, "初创型 A 档"),
        Arguments.of("Rule_StartupA", 0, true, 1000, 1000000L, "初创型 A 档"),
        Arguments.of("Rule_StartupB", 0, false, 599, 600000L, "初创型 B 档"),
        Arguments.of("Rule_StartupB", 0, null, 400, 600000L, "初创型 B 档"),
        Arguments.of("Rule_StartupC", 0, null, 200, 300000L, "初创型 C 档"),
        Arguments.of("Rule_StartupBelow", 0, null, 199, 0L, "积分未达授信标准"),
        Arguments.of("Rule_SpecialisedA", 52000000, true, 800, 10000000L, "专精特新 A 档"),
        Arguments.of("Rule_SpecialisedB", 52000000, true, 799, 6000000L, "专精特新 B 档"),
        Arguments.of("Rule_SpecialisedC", 8000000, true, 400, 3000000L, "专精特新 C 档"),
        Arguments.of("Rule_SpecialisedD", 8000000, true, 0, 1000000L, "专精特新 D 档"),
        Arguments.of("Rule_RegularA", 30000000, false, 900, 5000000L, "A 档"),
        Arguments.of("Rule_RegularB", 30000000, null, 600, 3000000L, "B 档"),
        Arguments.of("Rule_RegularC", 0.01, false, 599, 2000000L, "C 档"),
        Arguments.of("Rule_RegularD", 3000000, false, 200, 1000000L, "D 档"),
        Arguments.of("Rule_RegularBelow", 3000000, false, 199, 0L, "积分未达授信标准"));
  }

  @ParameterizedTest(name = "{0}: 收入 {1}, 专精特新 {2}, 积分 {3}")
  @MethodSource("creditLimitCases")
  void creditLimitFromInnovationPoints(String rule, Number revenue, Boolean specialised, int points, Long limit,
      String tier) {
    var evaluation = DecisionTables.evaluate(engine, "innovation-points-loan-credit-limit",
        with(map(), "annualRevenue", revenue, "specialisedSme", specialised, "innovationPoints", points));
    assertThat(evaluation.matchedRules()).containsExactly(rule);
    assertThat(evaluation.single()).containsEntry("creditLimit", limit).containsEntry("creditTier", tier);
  }

  // ------------------------------------------------------------------ proxy-service-courier-fee (COLLECT SUM)

  static Stream<Arguments> courierFeeCases() {
    return Stream.of(
        Arguments.of("POST", true, "ZONE", 22.0, Set.of("Rule_PostCollection", "Rule_DeliveryZone")),
        Arguments.of("POST", true, "CITY", 24.0, Set.of("Rule_PostCollection", "Rule_DeliveryCity")),
        Arguments.of("POST", true, "OUTSIDE", 32.0, Set.of("Rule_PostCollection", "Rule_DeliveryOutside")),
        Arguments.of("POST", false, "ZONE", 12.0, Set.of("Rule_PostCollection")),
        Arguments.of("AGENT", true, "CITY", 12.0, Set.of("Rule_AgentCollection", "Rule_DeliveryCity")),
        Arguments.of("AGENT", false, "OUTSIDE", 0.0, Set.of("Rule_AgentCollection")));
  }

  @ParameterizedTest(name = "{0}, 寄递 {1}, {2}: {3} 元")
  @MethodSource("courierFeeCases")
  void courierFeeAddsCollectionAndDelivery(String runner, boolean delivered, String area, double fee, Set<String> rules) {
    var result = engine.getDecisionService().evaluateDecisionTableByKey("proxy-service-courier-fee",
        map("runnerType", runner, "resultDelivered", delivered, "deliveryArea", area));
    assertThat(((Number) result.getSingleEntry()).doubleValue()).isEqualTo(fee);
    var evaluation = DecisionTables.evaluate(engine, "proxy-service-courier-fee",
        map("runnerType", runner, "resultDelivered", delivered, "deliveryArea", area));
    assertThat(evaluation.matchedRules()).containsExactlyInAnyOrderElementsOf(rules);
  }

  // ------------------------------------------------------------------ coverage

  @Test
  void everyRuleOfEveryTableHasACase() {
    assertThat(policyCases().map(a -> (String) a.get()[0]).toList())
        .containsAll(DecisionTables.ruleIds("policy-fulfilment-eligibility.dmn"));
    Set<String> loanRules = new HashSet<>();
    loanEligibilityCases().forEach(a -> loanRules.addAll((Set<String>) a.get()[0]));
    assertThat(loanRules).containsAll(DecisionTables.ruleIds("innovation-points-loan-eligibility.dmn"));
    assertThat(creditLimitCases().map(a -> (String) a.get()[0]).toList())
        .containsAll(DecisionTables.ruleIds("innovation-points-loan-credit-limit.dmn"));
    Set<String> feeRules = new HashSet<>();
    courierFeeCases().forEach(a -> feeRules.addAll((Set<String>) a.get()[4]));
    assertThat(feeRules).containsAll(DecisionTables.ruleIds("proxy-service-courier-fee.dmn"));
  }

  /** The facts with the named inputs present (null when not given), as the business rule tasks map them. */
  static Map<String, Object> withNulls(Map<String, Object> facts, String... inputs) {
    Map<String, Object> all = map();
    for (String input : inputs) {
      all.put(input, null);
    }
    all.putAll(facts);
    return all;
  }

  static Map<String, Object> with(Map<String, Object> base, Object... keysAndValues) {
    Map<String, Object> copy = map();
    copy.putAll(base);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      copy.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return copy;
  }
}
