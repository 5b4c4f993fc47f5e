package io.github.calendlywebhook.dashboard.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * nginx or Caddy, started on loopback from the configuration file shipped beside the dashboard
 * ({@code proxy/nginx.conf}, {@code proxy/Caddyfile}). Only the host-specific values are replaced (the
 * listening port, the certificate paths, the application's port); each replacement must find its
 * target exactly once, so a change to the shipped file that the test cannot follow fails loudly.
 */
final class ReverseProxy implements AutoCloseable {

    /** The proxies, with the shipped file each one runs. */
    enum Kind {
        NGINX("proxy/nginx.conf"), CADDY("proxy/Caddyfile");

        final String file;

        Kind(String file) {
            this.file = file;
        }

        /** Returns the shipped configuration as it is. */
        String shipped() {
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final int port;

    private ReverseProxy(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code kind} with its shipped configuration in front of {@code upstreamPort} and waits until it listens. */
    static ReverseProxy start(Kind kind, Path directory, SelfSignedCertificate certificate, int upstreamPort) throws Exception {
        Path dir = Files.createDirectories(directory).toAbsolutePath();
        int port = DashboardProcess.freePort();
        String site = kind.shipped();
        site = replaceOnce(site, "/etc/ssl/dashboard/fullchain.pem", certificate.certificateFile().toString());
        site = replaceOnce(site, "/etc/ssl/dashboard/privkey.pem", certificate.keyFile().toString());
        Path log = dir.resolve(kind.name().toLowerCase() + ".log");
        List<String> command;
        if (kind == Kind.NGINX) {
            site = replaceOnce(site, "server 127.0.0.1:8080;", "server 127.0.0.1:" + upstreamPort + ";");
            site = replaceOnce(site, "listen 443 ssl http2;", "listen 127.0.0.1:" + port + " ssl http2;");
            Files.writeString(dir.resolve("site.conf"), site);
            Files.writeString(dir.resolve("nginx.conf"), String.join("\n", "daemon off;", "master_process off;",
                    "pid " + dir.resolve("nginx.pid") + ";", "error_log " + log + " info;",
                    "events { worker_connections 64; }", "http {", "  access_log " + dir.resolve("access.log") + ";",
                    "  client_body_temp_path " + dir.resolve("body") + ";", "  proxy_temp_path " + dir.resolve("proxy") + ";",
                    "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";", "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
                    "  scgi_temp_path " + dir.resolve("scgi") + ";", "  include " + dir.resolve("site.conf") + ";", "}", ""));
            // Debian installs nginx in /usr/sbin, which a non-root PATH may lack.
            String nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
            command = List.of(nginx, "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(), "-e", log.toString());
        } else {
            site = replaceOnce(site, "reverse_proxy 127.0.0.1:8080 {", "reverse_proxy 127.0.0.1:" + upstreamPort + " {");
            site = replaceOnce(site, "\ndashboard.example.com {", "\ndashboard.example.com:" + port + " {");
            String global = String.join("\n", "{", "\tadmin off", "\tdefault_bind 127.0.0.1",
                    "\thttp_port " + DashboardProcess.freePort(), "\thttps_port " + port, "\tauto_https disable_redirects",
                    "\tstorage file_system " + dir.resolve("data"), "\tservers {", "\t\tprotocols h1 h2", "\t}", "}", "");
            Files.writeString(dir.resolve("Caddyfile"), global + site);
            command = List.of("caddy", "run", "--adapter", "caddyfile", "--config", dir.resolve("Caddyfile").toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("HOME", dir.toString());
        env.put("XDG_DATA_HOME", dir.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        ReverseProxy proxy = new ReverseProxy(builder.start(), log, port);
        proxy.awaitListening();
        return proxy;
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        if (at < 0 || text.indexOf(target, at + 1) >= 0) {
            throw new IllegalStateException("the shipped proxy configuration should contain exactly one '" + target
                    + "'; update the test's replacements along with the file");
        }
        return text.replace(target, replacement);
    }

    private void awaitListening() throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the proxy exited with " + process.exitValue() + ":\n" + logText());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the proxy did not listen within " + STARTUP + ":\n" + logText());
    }

    /** Returns the port the proxy terminates TLS on. */
    int port() {
        return port;
    }

    /** Returns what the proxy logged. */
    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
