package io.github.calendlywebhook.core.delivery;

/**
 * Observes every delivery once its outcome is final (after the commit for an accepted event), for
 * metrics, dashboards or alerting. A throwing observer is logged and never changes the response.
 */
@FunctionalInterface
public interface DeliveryObserver {

    /**
     * Called once per delivery, whatever its outcome.
     *
     * @param result what happened
     */
    void onDelivery(DeliveryResult result);
}
