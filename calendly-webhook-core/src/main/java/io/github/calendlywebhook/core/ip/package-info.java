/**
 * CIDR allowlists for IPv4 and IPv6, the trusted-proxy aware client address resolver (which refuses
 * forwarding headers that disagree or cannot be read), and the client keys every limiter shares.
 */
@NullMarked
package io.github.calendlywebhook.core.ip;

import org.jspecify.annotations.NullMarked;
