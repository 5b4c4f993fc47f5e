package io.github.calendlywebhook.core.store;

import io.github.calendlywebhook.core.audit.AuditRepository;
import io.github.calendlywebhook.test.AuditRepositoryComplianceTest;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresAuditLogTest extends AuditRepositoryComplianceTest {

    @RegisterExtension
    static final PostgresDatabases POSTGRES = new PostgresDatabases();

    @Override
    protected AuditRepository newRepository() {
        return AuditRepository.jdbc(POSTGRES.newDatabase());
    }
}
