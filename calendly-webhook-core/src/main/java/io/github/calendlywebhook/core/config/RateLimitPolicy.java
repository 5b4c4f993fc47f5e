package io.github.calendlywebhook.core.config;

/** Which requests are charged against a client's rate limit. */
public enum RateLimitPolicy {
    /**
     * Every request is charged, before its signature is checked (the seed guide's behaviour, and the
     * default). Cheapest under attack; a burst of real bookings above the limit is answered 429 and
     * delivered later by Calendly's retries.
     */
    ALL_REQUESTS,
    /**
     * Only requests that fail a check (signature, body, content type) are charged, so correctly signed
     * deliveries are never throttled. A client already over its limit is still refused before any work.
     */
    FAILED_REQUESTS
}
