package cn.gaoxin.approval.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gaoxin.approval.cases.CaseVariables;
import cn.gaoxin.approval.support.ScenarioTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditTrailTest extends ScenarioTest {

  static final List<String> CORE_ONLY = List.of("APPLICATION", "BUSINESS_LICENCE", "LEGAL_REP_ID");

  @Autowired AuditTrailService trails;
  @Autowired ObjectMapper json;

  @Test
  void dump() throws Exception {
    clockAt(LocalDateTime.of(2026, 3, 2, 9, 0));
    ProcessInstance pi = apply("SCJG-SPJY-001", CORE_ONLY, true);
    engine.getIdentityService().setAuthentication("window1", List.of("window-clerks"));
    completeAs("window1", pi, "Task_VerifyMaterials", Map.of());
    engine.getIdentityService().clearAuthentication();
    correlate(pi, "MaterialsSupplemented", Map.of("supplementedMaterials", CaseVariables.json(List.of("PREMISES_PROOF"))));
    completeAs("window2", pi, "Task_VerifySupplement", Map.of("supplementResult", "REJECT", "supplementNote", "缺少布局图"));
    fireTimer(pi, "Event_ReviewOverdue");
    completeAs("supervisor1", pi, "Task_SuperviseOverdueReview", Map.of("supervisionAction", "URGE", "supervisionOpinion", "请于今日办结"));
    completeAs("market1", pi, "Task_ReviewApplication", Map.of("reviewDecision", "APPROVE", "decisionReason", "同意"));
    System.out.println("TRAIL " + json.writerWithDefaultPrettyPrinter().writeValueAsString(trails.trail(pi.getBusinessKey()).orElseThrow()));
    System.out.println("DIAGRAM " + json.writeValueAsString(trails.diagram(pi.getBusinessKey()).orElseThrow().flows()));
  }
}
