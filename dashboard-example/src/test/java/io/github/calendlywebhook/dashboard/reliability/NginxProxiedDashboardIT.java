package io.github.calendlywebhook.dashboard.reliability;

/** The dashboard behind nginx running {@code proxy/nginx.conf}. */
class NginxProxiedDashboardIT extends ProxiedDashboardContract {

    NginxProxiedDashboardIT() {
        super(ReverseProxy.Kind.NGINX);
    }
}
