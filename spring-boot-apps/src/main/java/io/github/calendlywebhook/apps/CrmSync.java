package io.github.calendlywebhook.apps;

import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.event.ListenerContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Adds each new booking to a CRM, idempotently by the event's stable id. With
 * {@code bookings.crm-down-first-time} ({@code BOOKINGS_CRM_DOWN_FIRST_TIME}) the CRM is down the first time
 * it sees each invitee, as a CRM that is briefly unreachable would be: the listener throws and is called again.
 */
@Component
public class CrmSync {

    private static final Log LOG = LogFactory.getLog(CrmSync.class);

    private final boolean downFirstTime;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /**
     * Creates the listener.
     *
     * @param downFirstTime whether the CRM fails the first time it sees each invitee
     */
    public CrmSync(@Value("${bookings.crm-down-first-time:false}") boolean downFirstTime) {
        this.downFirstTime = downFirstTime;
    }

    /**
     * Adds the booking's invitee to the CRM.
     *
     * @param event the booking
     * @param context the attempt and the event's stable id
     */
    @EventListener
    public void on(InviteeCreatedEvent event, ListenerContext context) {
        String invitee = event.invitee().uri();
        if (downFirstTime && seen.add(context.eventId())) {
            throw new IllegalStateException("CRM unreachable");
        }
        LOG.info("CRM added " + invitee + " on attempt " + context.attempt());
    }
}
