package io.github.calendlywebhook.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a {@link RawRequest} over a plain socket, so malformed framing, duplicated headers and invalid
 * bytes reach the server exactly as written. The body is written from a background thread: a server
 * that answers before reading everything (413) must not dead-lock the client.
 */
public final class RawClient {

    /**
     * A response: status, headers with lower-case names (last value wins), and body as UTF-8.
     *
     * @param status the status code
     * @param headers the headers
     * @param body the body
     */
    public record Response(int status, Map<String, String> headers, String body) {
    }

    private static final int TIMEOUT_MILLIS = 30_000;
    private static final int CHUNK = 8192;

    private RawClient() {
    }

    /** Sends the request to the URI's host, port and path and reads the whole response. */
    public static Response send(URI uri, RawRequest request) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head(uri, request).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (request.framing() != RawRequest.Framing.DECLARED_ONLY) {
                Thread writer = new Thread(() -> writeBody(out, request), "raw-body-writer");
                writer.setDaemon(true);
                writer.start();
            }
            return read(socket.getInputStream());
        }
    }

    private static String head(URI uri, RawRequest request) {
        StringBuilder head = new StringBuilder()
                .append(request.method()).append(' ').append(uri.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Connection: close\r\n");
        request.headers().forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        switch (request.framing()) {
            case CHUNKED:
                head.append("Transfer-Encoding: chunked\r\n");
                break;
            case DECLARED_ONLY:
                head.append("Content-Length: ").append(request.declaredLength()).append("\r\n");
                break;
            default:
                head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static void writeBody(OutputStream out, RawRequest request) {
        byte[] body = request.body();
        try {
            if (request.framing() == RawRequest.Framing.CHUNKED) {
                for (int at = 0; at < body.length; at += CHUNK) {
                    int n = Math.min(CHUNK, body.length - at);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body, at, n);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.write(body);
            }
            out.flush();
        } catch (IOException e) {
            // the server answered and closed before reading the whole body, which some cases expect
        }
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(in);
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
            body.write(in.readNBytes(size));
            line(in);
        }
        return body.toByteArray();
    }

    private static int chunkSize(String line) {
        int semicolon = line.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed before the response was complete");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
