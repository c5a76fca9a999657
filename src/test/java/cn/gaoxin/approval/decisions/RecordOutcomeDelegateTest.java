package cn.gaoxin.approval.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gaoxin.approval.cases.CaseStatus;
import org.camunda.bpm.engine.exception.NotValidException;
import org.junit.jupiter.api.Test;

class RecordOutcomeDelegateTest {

  @Test
  void anOutcomeIsACaseStatusCode() {
    assertThat(RecordOutcomeDelegate.parse("INSPECTION_PASSED")).isEqualTo(CaseStatus.INSPECTION_PASSED);
    assertThat(RecordOutcomeDelegate.parse(" ACCEPTANCE_FAILED ")).isEqualTo(CaseStatus.ACCEPTANCE_FAILED);
  }

  @Test
  void aMisconfiguredOutcomeIsRefusedWithTheReason() {
    assertThatThrownBy(() -> RecordOutcomeDelegate.parse("PASSED")).isInstanceOf(NotValidException.class)
        .hasMessageContaining("outcome").hasMessageContaining("PASSED");
    assertThatThrownBy(() -> RecordOutcomeDelegate.parse(null)).isInstanceOf(NotValidException.class);
  }
}
