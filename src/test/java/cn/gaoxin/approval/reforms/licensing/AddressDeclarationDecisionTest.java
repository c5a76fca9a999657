package cn.gaoxin.approval.reforms.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.support.ScenarioTest;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 住所申报承诺制 + 负面清单 (decision address-declaration), every rule. Rows: the inputs (withinZone, addressType,
 * addressListed, industry), the rule expected to match (hit policy FIRST), and its outputs (proof of title or
 * lease required, 一照多址, 一址多照, words of the reason).
 */
class AddressDeclarationDecisionTest extends ScenarioTest {

  @ParameterizedTest(name = "{4}: {1}/{3}")
  @CsvSource(delimiter = '|', textBlock = """
      false | COMMERCIAL  | false | GENERAL       | Rule_OutsideZone            | true  | false | false | 不在高新区直管区
      true  | MILITARY    | false | GENERAL       | Rule_MilitaryZone           | true  | false | false | 军事管理区
      true  | ILLEGAL     | false | GENERAL       | Rule_IllegalBuilding        | true  | false | false | 违法建筑
      true  | DEMOLITION  | false | GENERAL       | Rule_DemolitionArea         | true  | false | false | 征收拆迁
      true  | COMMERCIAL  | true  | GENERAL       | Rule_ListedAddress          | true  | false | false | 负面清单地址库
      true  | INCUBATOR   | false | HAZARDOUS     | Rule_HazardousIndustry      | true  | false | false | 危险化学品
      true  | RESIDENTIAL | false | CATERING      | Rule_ResidentialRestricted  | true  | false | false | 住宅不得用于餐饮
      true  | RESIDENTIAL | false | ENTERTAINMENT | Rule_ResidentialRestricted  | true  | false | false | 住宅不得用于餐饮
      true  | RESIDENTIAL | false | MANUFACTURING | Rule_ResidentialRestricted  | true  | false | false | 住宅不得用于餐饮
      true  | RESIDENTIAL | false | GENERAL       | Rule_Residential            | false | false | false | 住宅作为住所可申报承诺
      true  | INCUBATOR   | false | GENERAL       | Rule_Incubator              | false | true  | true  | 集中办公区
      true  | COMMERCIAL  | false | CATERING      | Rule_LicensedVenue          | false | false | true  | 不适用一照多址
      true  | INDUSTRIAL  | false | ENTERTAINMENT | Rule_LicensedVenue          | false | false | true  | 不适用一照多址
      true  | COMMERCIAL  | false | GENERAL       | Rule_CommercialOrIndustrial | false | true  | true  | 商业办公或工业用房可申报承诺
      true  | INDUSTRIAL  | false | MANUFACTURING | Rule_CommercialOrIndustrial | false | true  | true  | 商业办公或工业用房可申报承诺
      true  | BOAT        | false | GENERAL       | Rule_UnknownType            | true  | false | false | 住所类型无法确认
      """)
  void everyRule(boolean withinZone, String addressType, boolean listed, String industry, String rule,
      boolean proof, boolean multiSite, boolean sharedAddress, String reason) {
    var evaluation = new DecisionRuleProbe(engine, "address-declaration").evaluate(
        Map.of("withinZone", withinZone, "addressType", addressType, "addressListed", listed, "industry", industry));
    assertThat(evaluation.ruleId()).isEqualTo(rule);
    assertThat(evaluation.outputs()).containsEntry("proofRequired", proof).containsEntry("multiSiteAllowed", multiSite)
        .containsEntry("sharedAddressAllowed", sharedAddress);
    assertThat((String) evaluation.outputs().get("addressReason")).contains(reason);
  }

  @Test
  void negativeListRulesComeBeforeTheCommitmentRules() {
    // a listed address in an incubator: the negative list wins over the incubator's allowances
    var evaluation = new DecisionRuleProbe(engine, "address-declaration").evaluate(
        Map.of("withinZone", true, "addressType", "INCUBATOR", "addressListed", true, "industry", "GENERAL"));
    assertThat(evaluation.ruleId()).isEqualTo("Rule_ListedAddress");
    assertThat(evaluation.outputs()).containsEntry("proofRequired", true);
  }

  @Test
  void missingAnswersNeverGrantTheCommitment() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("withinZone", true);
    inputs.put("addressType", null);
    inputs.put("addressListed", false);
    inputs.put("industry", "GENERAL");
    var evaluation = new DecisionRuleProbe(engine, "address-declaration").evaluate(inputs);
    assertThat(evaluation.ruleId()).isEqualTo("Rule_UnknownType");
    assertThat(evaluation.outputs()).containsEntry("proofRequired", true);
  }

  @Test
  void theTableIsDeployedForDesignersWithItsRetention() {
    DecisionDefinition definition = engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey("address-declaration").latestVersion().singleResult();
    assertThat(definition.getName()).isEqualTo("住所申报承诺制与负面清单");
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(10950);
    assertThat(definition.getResourceName()).isEqualTo("processes/licensing/address-declaration.dmn");
  }
}
