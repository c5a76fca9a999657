package cn.gaoxin.approval.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Camunda scripts V70 runs are the engine jar's own, complete and split into statements the way the engine does. */
class CamundaSchemaMigrationTest {

  @Test
  void everyPostgresScriptOfTheEngineIsFoundAndSplit() throws Exception {
    int total = 0;
    for (String component : CamundaSchemaMigration.COMPONENTS) {
      List<String> statements = CamundaSchemaMigration.statements(CamundaSchemaMigration.script("postgres", component));
      assertThat(statements).as(component).isNotEmpty().allSatisfy(sql -> assertThat(sql).doesNotEndWith(";")
          .doesNotStartWith("--").matches("(?is)^(create|insert|alter)\\b.*"));
      total += statements.size();
    }
    assertThat(total).isGreaterThan(300);
    assertThat(CamundaSchemaMigration.statements(CamundaSchemaMigration.script("postgres", "engine")))
        .anySatisfy(sql -> assertThat(sql).startsWith("create table ACT_GE_PROPERTY"))
        .anySatisfy(sql -> assertThat(sql).contains("insert into ACT_GE_SCHEMA_LOG"));
  }

  @Test
  void splitsLikeTheEngine() {
    assertThat(CamundaSchemaMigration.statements("""
        -- comment
        create table A (
          x integer
        );

        insert into A values (1);
        """)).containsExactly("create table A (\nx integer\n)", "insert into A values (1)");
  }
}
