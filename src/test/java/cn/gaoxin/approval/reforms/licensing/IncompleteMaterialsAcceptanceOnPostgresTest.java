package cn.gaoxin.approval.reforms.licensing;

import cn.gaoxin.approval.support.PostgresAvailable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;

/** Every 容缺受理 scenario again, on the real PostgreSQL (skipped with the reason where none is reachable). */
@ExtendWith(PostgresAvailable.class)
@ActiveProfiles({"test", "pgtest"})
class IncompleteMaterialsAcceptanceOnPostgresTest extends IncompleteMaterialsAcceptanceTest {}
