package io.github.calendlywebhook.core.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads bodies without buffering past the limit, and recognises JSON content types. */
final class HttpBodies {

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
    private static final String JSON = "application/json";

    private HttpBodies() {
    }

    /**
     * Returns the body, or {@code null} when it is longer than {@code limit}; reads at most
     * {@code limit + 1} bytes.
     */
    static byte @Nullable [] readAtMost(InputStream in, long limit) throws IOException {
        int cap = (int) Math.min(limit + 1, MAX_ARRAY);
        byte[] body = in.readNBytes(cap);
        return body.length > limit ? null : body;
    }

    /**
     * Returns the body, or {@code null} when it is longer than {@code limit}, as {@link #readAtMost(InputStream,
     * long)} does; when the request declares a length within the limit, reads into an array of that length
     * first instead of through growing buffers. A body that turns out longer or shorter than declared
     * gives the same answer as without the declaration.
     */
    static byte @Nullable [] readAtMost(InputStream in, long limit, long declaredLength) throws IOException {
        if (declaredLength <= 0 || declaredLength > limit) {
            return readAtMost(in, limit);
        }
        byte[] body = new byte[(int) declaredLength];
        int read = in.readNBytes(body, 0, body.length);
        if (read < body.length) {
            return Arrays.copyOf(body, read);
        }
        int next = in.read();
        if (next < 0) {
            return body;
        }
        byte[] rest = readAtMost(in, limit - body.length - 1);
        if (rest == null) {
            return null;
        }
        byte[] whole = Arrays.copyOf(body, body.length + 1 + rest.length);
        whole[body.length] = (byte) next;
        System.arraycopy(rest, 0, whole, body.length + 1, rest.length);
        return whole;
    }

    /** Returns whether a content type is JSON in UTF-8: {@code application/json} or {@code application/*+json}. */
    static boolean isJson(@Nullable String contentType) {
        return JSON.equals(contentType) || contentType != null && isJsonType(contentType);
    }

    /** The general case of {@link #isJson}: the media type and its parameters. */
    private static boolean isJsonType(String contentType) {
        String[] parts = contentType.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        boolean json = type.equals("application/json")
                || type.startsWith("application/") && type.endsWith("+json") && type.indexOf('/', 12) < 0
                        && type.length() > "application/+json".length();
        if (!json) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim().toLowerCase(Locale.ROOT);
            if (param.startsWith("charset=")) {
                String charset = param.substring("charset=".length()).replace("\"", "").trim();
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    return false;
                }
            }
        }
        return true;
    }
}
