package cn.gaoxin.approval.reforms.construction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.support.ScenarioTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The construction decision tables, rule by rule: regional-assessment-coverage (区域评估成果共享),
 * land-use-roadmap (用地清单适用事项), construction-commitment-eligibility (承诺即开工适用范围) and
 * video-inspection-routing (远程视频勘验结论与转办).
 */
class ConstructionDecisionTablesTest extends ScenarioTest {

  @Autowired ConstructionCatalog catalog;

  private DmnDecisionTableResult evaluate(String key, Map<String, Object> vars) {
    return engine.getDecisionService().evaluateDecisionTableByKey(key).variables(vars).evaluate();
  }

  // ---- regional-assessment-coverage ----

  private List<String> coverage(boolean inside, String industry, double energy) {
    DmnDecisionTableResult result = evaluate("regional-assessment-coverage",
        Map.of("insideAssessedArea", inside, "industryCategory", industry, "annualEnergyUse", energy));
    return result.collectEntries("coveredAssessment");
  }

  @Test
  void projectInsideTheAssessedAreaSharesAllSixAssessments() {
    assertThat(coverage(true, "GENERAL_MANUFACTURING", 800))
        .containsExactly("SOIL_WATER", "SAFETY_PRE", "GEO_HAZARD", "MINERAL", "SEISMIC", "ENERGY");
    assertThat(catalog.regionalAssessments()).extracting(ConstructionCatalog.RegionalAssessment::code)
        .containsExactly("SOIL_WATER", "SAFETY_PRE", "GEO_HAZARD", "MINERAL", "SEISMIC", "ENERGY");
  }

  @Test
  void projectOutsideTheAssessedAreaSharesNothing() {
    assertThat(coverage(false, "GENERAL_MANUFACTURING", 800)).isEmpty();
    assertThat(coverage(false, "HAZARDOUS_CHEMICALS", 20000)).isEmpty();
  }

  @Test
  void hazardousChemicalsNeedTheirOwnSafetyPreAssessmentAndSeismicEvaluation() {
    assertThat(coverage(true, "HAZARDOUS_CHEMICALS", 800))
        .containsExactly("SOIL_WATER", "GEO_HAZARD", "MINERAL", "ENERGY")
        .doesNotContain("SAFETY_PRE", "SEISMIC");
  }

  @Test
  void energyIntensiveProjectsNeedTheirOwnEnergyReview() {
    assertThat(coverage(true, "NEW_MATERIALS", 5000)).doesNotContain("ENERGY").contains("SOIL_WATER", "SAFETY_PRE");
    assertThat(coverage(true, "NEW_MATERIALS", 4999.9)).contains("ENERGY");
  }

  // ---- land-use-roadmap ----

  private static Map<String, Object> profile(String industry, double landArea, double floorArea, double height, String eia) {
    Map<String, Object> p = new HashMap<>();
    p.put("industryCategory", industry);
    p.put("landArea", landArea);
    p.put("totalFloorArea", floorArea);
    p.put("buildingHeight", height);
    p.put("eiaCategory", eia);
    p.put("newWaterIntake", false);
    p.put("farmlandConversion", false);
    p.put("undergroundSpace", false);
    p.put("nightWork", false);
    return p;
  }

  private List<String> roadmap(Map<String, Object> profile) {
    return evaluate("land-use-roadmap", profile).collectEntries("itemCode");
  }

  @Test
  void smallGeneralManufacturingProjectNeedsFilingEiaTableAndFireFiling() {
    assertThat(roadmap(profile("GENERAL_MANUFACTURING", 30, 6000, 18, "TABLE")))
        .containsExactlyInAnyOrder("LU-01", "LU-12", "LU-36");
  }

  @Test
  void eachEiaCategorySelectsItsOwnItem() {
    assertThat(roadmap(profile("ELECTRONIC_INFORMATION", 30, 6000, 18, "REPORT"))).contains("LU-11").doesNotContain("LU-12", "LU-13");
    assertThat(roadmap(profile("ELECTRONIC_INFORMATION", 30, 6000, 18, "REGISTRATION"))).contains("LU-13").doesNotContain("LU-11", "LU-12");
  }

  @Test
  void hazardousChemicalsNeedApprovalSafetyConditionsSpecialFireReviewLightningAndOccupationalHealth() {
    assertThat(roadmap(profile("HAZARDOUS_CHEMICALS", 30, 6000, 18, "REPORT")))
        .containsExactlyInAnyOrder("LU-02", "LU-11", "LU-15", "LU-17", "LU-35", "LU-39");
  }

  @Test
  void occupationalHealthPreAssessmentForBioMedicineAndNewMaterials() {
    assertThat(roadmap(profile("BIO_MEDICINE", 30, 6000, 18, "TABLE"))).contains("LU-15");
    assertThat(roadmap(profile("NEW_MATERIALS", 30, 6000, 18, "TABLE"))).contains("LU-15");
    assertThat(roadmap(profile("FOOD_PROCESSING", 30, 6000, 18, "TABLE"))).doesNotContain("LU-15");
  }

  @Test
  void sizeAndHeightRules() {
    assertThat(roadmap(profile("GENERAL_MANUFACTURING", 75, 6000, 18, "TABLE"))).contains("LU-16");
    assertThat(roadmap(profile("GENERAL_MANUFACTURING", 74.9, 6000, 18, "TABLE"))).doesNotContain("LU-16");
    assertThat(roadmap(profile("GENERAL_MANUFACTURING", 30, 6000, 100, "TABLE"))).contains("LU-33");
    assertThat(roadmap(profile("GENERAL_MANUFACTURING", 30, 6000, 99, "TABLE"))).doesNotContain("LU-33");
    assertThat(roadmap(profile("GENERAL_MANUFACTURING", 30, 40000, 18, "TABLE"))).contains("LU-35", "LU-38").doesNotContain("LU-36");
    assertThat(roadmap(profile("GENERAL_MANUFACTURING", 30, 7000, 18, "TABLE"))).contains("LU-36", "LU-38");
  }

  @Test
  void yesNoRules() {
    Map<String, Object> p = profile("GENERAL_MANUFACTURING", 30, 8000, 18, "TABLE");
    p.put("newWaterIntake", true);
    p.put("farmlandConversion", true);
    p.put("undergroundSpace", true);
    p.put("nightWork", true);
    assertThat(roadmap(p)).containsExactlyInAnyOrder("LU-01", "LU-12", "LU-36", "LU-14", "LU-18", "LU-28", "LU-37", "LU-52");
  }

  @Test
  void everyRuleItemOfTheChecklistIsReachableAndOnlyRuleItemsAreReturned() {
    List<String> ruleItems = catalog.checklist().stream()
        .filter(i -> i.applies() == ConstructionCatalog.Applies.RULE).map(ConstructionCatalog.ChecklistItem::code).toList();
    Map<String, Object> all = profile("HAZARDOUS_CHEMICALS", 120, 45000, 120, "REPORT");
    all.put("newWaterIntake", true);
    all.put("farmlandConversion", true);
    all.put("undergroundSpace", true);
    all.put("nightWork", true);
    java.util.Set<String> reached = new java.util.HashSet<>(roadmap(all));
    reached.addAll(roadmap(profile("GENERAL_MANUFACTURING", 30, 6000, 18, "TABLE")));
    reached.addAll(roadmap(profile("GENERAL_MANUFACTURING", 30, 8000, 18, "REGISTRATION")));
    assertThat(reached).containsExactlyInAnyOrderElementsOf(ruleItems);
  }

  @Test
  void checklistHasThreeStagesSevenCategoriesAndFiftyThreeItems() {
    assertThat(catalog.stages()).extracting(ConstructionCatalog.Stage::name).containsExactly("用地准备阶段", "土地供应阶段", "开工准备阶段");
    assertThat(catalog.categories()).hasSize(7);
    assertThat(catalog.checklist()).hasSize(53);
    assertThat(catalog.checklist().stream().map(ConstructionCatalog.ChecklistItem::category).distinct()).hasSize(7);
    assertThat(catalog.butlers().team()).isEqualTo(10);
    assertThat(catalog.butlers().projectsServed()).isEqualTo(24);
  }

  // ---- construction-commitment-eligibility ----

  private String route(String type, String product) {
    return evaluate("construction-commitment-eligibility", Map.of("projectType", type, "highRiskProduct", product))
        .getSingleEntry();
  }

  @Test
  void productionOfHighRiskProductsIsExcluded() {
    assertThat(route("INDUSTRIAL_PLANT", "HAZARDOUS_CHEMICALS")).isEqualTo("REGULAR");
    assertThat(route("INDUSTRIAL_PLANT", "CIVIL_EXPLOSIVES")).isEqualTo("REGULAR");
    assertThat(route("INDUSTRIAL_PLANT", "FIREWORKS")).isEqualTo("REGULAR");
  }

  @Test
  void storageOfHighRiskProductsIsExcluded() {
    assertThat(route("WAREHOUSE", "HAZARDOUS_CHEMICALS")).isEqualTo("REGULAR");
    assertThat(route("WAREHOUSE", "FIREWORKS")).isEqualTo("REGULAR");
  }

  @Test
  void everyOtherBuildingProjectTypeIsCovered() {
    for (String type : List.of("INDUSTRIAL_PLANT", "WAREHOUSE", "RESEARCH_OFFICE", "PUBLIC_BUILDING", "RESIDENTIAL", "MUNICIPAL")) {
      assertThat(route(type, "NONE")).as(type).isEqualTo("COMMITMENT");
    }
    assertThat(route("RESEARCH_OFFICE", "HAZARDOUS_CHEMICALS")).isEqualTo("COMMITMENT");
  }

  // ---- video-inspection-routing ----

  private String next(boolean passed, int failures, String scene) {
    return evaluate("video-inspection-routing",
        Map.of("inspectionPassed", passed, "videoFailures", failures, "inspectionScene", scene)).getSingleEntry();
  }

  @Test
  void passedInspectionReturnsToTheCaller() {
    assertThat(next(true, 0, "FOOD_BUSINESS")).isEqualTo("PASSED");
    assertThat(next(true, 1, "DRUG_RETAIL")).isEqualTo("PASSED");
  }

  @Test
  void firstFailureMeansRectificationAndASecondVideoInspection() {
    assertThat(next(false, 1, "FOOD_BUSINESS")).isEqualTo("RECTIFY");
    assertThat(next(false, 1, "CONSTRUCTION_POST_START")).isEqualTo("RECTIFY");
  }

  @Test
  void secondFailureFallsBackToOnSiteInspection() {
    assertThat(next(false, 2, "FOOD_BUSINESS")).isEqualTo("ON_SITE");
    assertThat(next(false, 3, "MUNICIPAL_UTILITY")).isEqualTo("ON_SITE");
  }

  @Test
  void drugRetailGoesOnSiteAfterTheFirstFailure() {
    assertThat(next(false, 1, "DRUG_RETAIL")).isEqualTo("ON_SITE");
  }
}
