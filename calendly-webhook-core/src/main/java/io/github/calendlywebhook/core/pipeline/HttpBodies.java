package io.github.calendlywebhook.core.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads bodies without buffering past the limit, and recognises JSON content types. */
final class HttpBodies {

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

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

    /** Returns whether a content type is JSON in UTF-8: {@code application/json} or {@code application/*+json}. */
    static boolean isJson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
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
