package io.github.calendlywebhook.dashboard.reliability;

/** The dashboard behind Caddy running {@code proxy/Caddyfile}. */
class CaddyProxiedDashboardIT extends ProxiedDashboardContract {

    CaddyProxiedDashboardIT() {
        super(ReverseProxy.Kind.CADDY);
    }
}
