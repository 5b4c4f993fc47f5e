package io.github.calendlywebhook.core.pipeline;

import io.github.calendlywebhook.core.delivery.Outcome;
import java.util.Map;

/** Builds the JSON answers; every dynamic string is escaped. */
final class Responses {

    static final WebhookResponse ACCEPTED = new WebhookResponse(200, Map.of(), "{\"status\":\"accepted\"}");
    static final WebhookResponse DUPLICATE = new WebhookResponse(200, Map.of(), "{\"status\":\"duplicate\"}");

    private Responses() {
    }

    static WebhookResponse error(Outcome outcome, String message, Map<String, String> headers) {
        return new WebhookResponse(outcome.status(), headers,
                "{\"error\":\"" + escape(outcome.code()) + "\",\"message\":\"" + escape(message) + "\"}");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029
                            || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.toString();
    }
}
