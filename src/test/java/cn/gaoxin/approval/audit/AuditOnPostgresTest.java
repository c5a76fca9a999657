package cn.gaoxin.approval.audit;

import cn.gaoxin.approval.support.PostgresAvailable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;

/**
 * The case summary, search, trail and scorecard SQL again on the real PostgreSQL (skipped with the reason where none
 * is reachable): the same known simulated sets give the same figures.
 */
class AuditOnPostgresTest {

  @Nested
  @ExtendWith(PostgresAvailable.class)
  @ActiveProfiles({"test", "pgtest"})
  class Scorecard extends AuditScorecardTest {}

  @Nested
  @ExtendWith(PostgresAvailable.class)
  @ActiveProfiles({"test", "pgtest"})
  class SearchAndTrail extends AuditSearchAndTrailTest {}
}
