/**
 * CIDR allowlists for IPv4 and IPv6 and the trusted-proxy aware client address resolver.
 */
@NullMarked
package io.github.calendlywebhook.core.ip;

import org.jspecify.annotations.NullMarked;
