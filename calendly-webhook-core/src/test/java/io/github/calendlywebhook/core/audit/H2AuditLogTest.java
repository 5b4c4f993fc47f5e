package io.github.calendlywebhook.core.audit;

import io.github.calendlywebhook.core.store.JdbcSchema;
import io.github.calendlywebhook.test.AuditRepositoryComplianceTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;

class H2AuditLogTest extends AuditRepositoryComplianceTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    protected AuditRepository newRepository() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:audit" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=10");
        JdbcSchema.create(dataSource);
        return JdbcAuditLog.create(dataSource);
    }
}
