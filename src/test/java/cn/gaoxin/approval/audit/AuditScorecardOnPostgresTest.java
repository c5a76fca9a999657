package cn.gaoxin.approval.audit;

import cn.gaoxin.approval.support.PostgresAvailable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;

/** {@link AuditScorecardTest} again on the real PostgreSQL (skipped with the reason where none is reachable). */
@ExtendWith(PostgresAvailable.class)
@ActiveProfiles({"test", "pgtest"})
class AuditScorecardOnPostgresTest extends AuditScorecardTest {}
