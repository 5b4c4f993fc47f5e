package io.github.calendlywebhook.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.test.SignedDelivery;
import io.github.calendlywebhook.test.SignedPayloads;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What the load test relies on in a load-test application with a database: a {@code /plain-insert} endpoint
 * that stores each body it is sent as one row of {@code load_plain_insert}, checking nothing, and answers 200
 * once the row is committed.
 */
public interface PlainInsertContract {

    /** Returns the port the application listens on, on 127.0.0.1. */
    int serverPort();

    /** Returns the application's data source. */
    DataSource database();

    @Test
    default void plainInsertShouldCommitEachBodyAsOneRow() throws Exception {
        byte[] payload = SignedPayloads.inviteeCreated();
        long before = rows();

        HttpResponse<String> response = SignedDelivery.of(payload).secret("any-key-at-all-0123456789")
                .postTo(URI.create("http://127.0.0.1:" + serverPort() + "/plain-insert"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rows()).isEqualTo(before + 1);
        try (Connection connection = database().getConnection(); Statement statement = connection.createStatement();
                ResultSet last = statement.executeQuery("SELECT body FROM load_plain_insert ORDER BY id DESC LIMIT 1")) {
            assertThat(last.next()).isTrue();
            assertThat(last.getBytes(1)).isEqualTo(payload);
        }
    }

    private long rows() throws SQLException {
        try (Connection connection = database().getConnection(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM load_plain_insert")) {
            count.next();
            return count.getLong(1);
        }
    }
}
