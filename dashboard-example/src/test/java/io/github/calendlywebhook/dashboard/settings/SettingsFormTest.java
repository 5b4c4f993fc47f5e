package io.github.calendlywebhook.dashboard.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.calendlywebhook.dashboard.support.Browserless;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The settings form over real HTTP: every refusal is a form error and nothing is stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:settings-form;DB_CLOSE_DELAY=-1",
        "dashboard.admin-password=settings-password",
        "calendly.webhook.secret=settings-secret" })
class SettingsFormTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Browserless admin;

    @BeforeEach
    void logIn() {
        jdbc.update("DELETE FROM dashboard_setting");
        jdbc.update("DELETE FROM dashboard_event_type_value");
        admin = new Browserless(port, "198.51.100.90");
        admin.login("settings-password");
    }

    private HttpResponse<String> save(String value, String currency, String zone, String typeValue) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", admin.csrfFrom("/admin/settings"));
        form.put("valuePerBooking", value);
        form.put("currency", currency);
        form.put("timezone", zone);
        form.put("typeKey", "https://api.calendly.com/event_types/T1");
        form.put("typeValue", typeValue);
        return admin.postForm("/admin/settings", form);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource({
            "1e999999999, USD, UTC, ''",
            "12.345, USD, UTC, ''",
            "1.5, JPY, UTC, ''",
            "1000000000, USD, UTC, ''",
            "-5, USD, UTC, ''",
            "100, XYZ, UTC, ''",
            "100, USD, Mars/Olympus, ''",
            "100, USD, UTC, 1e999999999",
            "100, USD, UTC, 0.001" })
    void aRefusedValueIsAFormErrorAndNothingIsStored(String value, String currency, String zone, String typeValue) {
        HttpResponse<String> saved = save(value, currency, zone, typeValue);

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/settings").body()).contains("Not saved:");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dashboard_setting", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dashboard_event_type_value", Integer.class)).isZero();
    }

    @Test
    void validValuesAreStored() {
        HttpResponse<String> saved = save("149.90", "eur", "Europe/Berlin", "1500");

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForMap("SELECT setting_value FROM dashboard_setting WHERE name = 'currency'"))
                .containsValue("EUR");
        assertThat(jdbc.queryForObject("SELECT setting_value FROM dashboard_setting WHERE name = 'value_per_booking'",
                String.class)).isEqualTo("149.90");
    }
}
