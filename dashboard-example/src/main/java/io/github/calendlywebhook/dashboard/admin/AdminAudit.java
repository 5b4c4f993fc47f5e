package io.github.calendlywebhook.dashboard.admin;

import io.github.calendlywebhook.core.audit.AuditEntry;
import io.github.calendlywebhook.core.audit.AuditLog;
import io.github.calendlywebhook.core.delivery.EventSource;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes admin actions (logins, settings changes, test sends) to the same audit log as deliveries, so
 * one view shows everything that happened. Entries never carry a password or a secret.
 */
@Component
public final class AdminAudit {

    /** A successful admin login. */
    public static final String LOGIN_SUCCESS = "admin.login.success";
    /** A failed admin login. */
    public static final String LOGIN_FAILURE = "admin.login.failure";
    /** A login refused because the client address made too many attempts. */
    public static final String LOGIN_THROTTLED = "admin.login.throttled";
    /** Settings saved. */
    public static final String SETTINGS_CHANGED = "admin.settings.changed";
    /** A signed test delivery sent through the endpoint. */
    public static final String TEST_SENT = "admin.test_webhook.sent";
    /** One listener publication made due again from the admin panel. */
    public static final String LISTENER_RETRIED = "admin.listener.retried";
    /** Every parked listener publication made due again from the admin panel. */
    public static final String LISTENERS_RETRIED = "admin.listener.retried_all";
    /** An admin logout. */
    public static final String LOGOUT = "admin.logout";

    private final AuditLog auditLog;
    private final Clock clock;

    AdminAudit(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Records an admin action.
     *
     * @param action one of the action constants of this class
     * @param clientAddress the client address of the admin, if known
     * @param detail a short human-readable detail without secrets, if any
     */
    public void record(String action, @Nullable String clientAddress, @Nullable String detail) {
        record(action, clientAddress, detail, 1);
    }

    void record(String action, @Nullable String clientAddress, @Nullable String detail, long count) {
        auditLog.record(new AuditEntry(clock.instant(), action, null, 0, clientAddress, null, null, detail, null,
                TEST_SENT.equals(action) ? EventSource.TEST : EventSource.WEBHOOK, count));
    }
}
