package io.github.calendlywebhook.dashboard.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * An HTTP/1.1 client over TLS whose socket is bound to a chosen loopback address (127.0.0.2, 127.0.0.3,
 * ...), so one test machine plays several clients a reverse proxy tells apart. It checks the proxy's
 * certificate and host name like a real client and writes each request exactly as given.
 */
final class TlsClient {

    /**
     * A response: status, headers with lower-case names, and the body as received (chunk framing included).
     *
     * @param status the status code
     * @param headers the headers
     * @param body the body
     */
    record Response(int status, Map<String, String> headers, String body) {
    }

    private final SSLContext tls;
    private final String host;
    private final int port;

    TlsClient(SSLContext tls, String host, int port) {
        this.tls = tls;
        this.host = host;
        this.port = port;
    }

    /** POSTs {@code body} as JSON to {@code path} from {@code from}, with the extra header pairs, and reads the answer. */
    Response post(String from, String path, byte[] body, String... headers) throws IOException {
        return send(from, "POST", path, body, headers);
    }

    /** GETs {@code path} from {@code from} and reads the answer. */
    Response get(String from, String path) throws IOException {
        return send(from, "GET", path, new byte[0]);
    }

    private Response send(String from, String method, String path, byte[] body, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("Connection: close\r\n");
        if (method.equals("POST")) {
            head.append("Content-Type: application/json\r\n").append("Content-Length: ").append(body.length).append("\r\n");
        }
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        head.append("\r\n");
        Socket plain = new Socket();
        plain.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(30_000);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // A proxy may answer 413 before it has read the body: write it aside so reading never waits on it.
            Thread writer = new Thread(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // the proxy answered and closed before reading everything
                }
            }, "tls-body-writer");
            writer.setDaemon(true);
            writer.start();
            return read(socket.getInputStream());
        }
    }

    private static Response read(InputStream in) throws IOException {
        String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int end = all.indexOf("\r\n\r\n");
        String[] lines = all.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Response(Integer.parseInt(lines[0].split(" ", 3)[1]), headers, all.substring(end + 4));
    }
}
