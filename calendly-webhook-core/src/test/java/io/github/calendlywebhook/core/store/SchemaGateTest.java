package io.github.calendlywebhook.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaGateTest {

    private static JdbcDataSource database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:gate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    @Test
    void reachableDatabaseShouldBeInstalledWhenTheGateOpens() {
        JdbcDataSource database = database();

        SchemaGate gate = SchemaGate.withShippedScripts(database);

        assertThat(gate.installed()).isTrue();
        assertThat(JdbcSchema.exists(database)).isTrue();
    }

    @Test
    void connectionsShouldBeRefusedAsTransientUntilTheInstallationSucceeds() throws Exception {
        AtomicBoolean reachable = new AtomicBoolean();
        AtomicInteger attempts = new AtomicInteger();
        JdbcDataSource database = database();
        SchemaGate gate = SchemaGate.open(database, dataSource -> {
            attempts.incrementAndGet();
            if (!reachable.get()) {
                throw new StoreUnavailableException("database down");
            }
            JdbcSchema.create(dataSource);
        });

        assertThat(gate.installed()).isFalse();
        assertThatThrownBy(() -> gate.dataSource().getConnection()).isInstanceOf(SQLTransientConnectionException.class);

        reachable.set(true);
        try (var connection = gate.dataSource().getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
        assertThat(gate.installed()).isTrue();
        assertThat(attempts).hasValue(3);
    }

    @Test
    void storeOnAnUninstalledGateShouldReportTheStoreUnavailable() {
        SchemaGate gate = SchemaGate.open(database(), dataSource -> {
            throw new StoreUnavailableException("database down");
        });

        assertThatThrownBy(() -> JdbcSchema.exists(gate.dataSource())).isInstanceOf(StoreUnavailableException.class);
    }
}
