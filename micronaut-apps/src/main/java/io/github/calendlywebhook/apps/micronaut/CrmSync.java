package io.github.calendlywebhook.apps.micronaut;

import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies each new booking to a CRM that is down the first time it is asked about an invitee: the listener
 * throws then, and the adapter calls it again later (listeners are at-least-once), so every booking ends
 * handled without Calendly delivering it again.
 */
@Singleton
public class CrmSync {

    private static final Logger LOG = LoggerFactory.getLogger(CrmSync.class);

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /**
     * Sends the booking to the CRM.
     *
     * @param event the booking
     * @throws IllegalStateException the first time an invitee is seen (the CRM is down)
     */
    @EventListener
    public void on(InviteeCreatedEvent event) {
        String invitee = event.invitee().uri();
        if (seen.add(invitee)) {
            LOG.info("CRM down for {}", invitee);
            throw new IllegalStateException("the CRM is down");
        }
        LOG.info("CRM synced {}", invitee);
    }
}
