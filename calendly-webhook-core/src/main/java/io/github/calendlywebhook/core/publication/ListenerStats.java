package io.github.calendlywebhook.core.publication;

/**
 * What a dispatcher has done since it was built (this instance only; the registry's counts are shared).
 *
 * @param attempts listener calls started
 * @param completed calls that returned, completing their publication
 * @param failed calls that threw
 * @param retried calls that were a retry (attempt above 1)
 * @param parked publications this instance parked
 */
record ListenerStats(long attempts, long completed, long failed, long retried, long parked) {
}
