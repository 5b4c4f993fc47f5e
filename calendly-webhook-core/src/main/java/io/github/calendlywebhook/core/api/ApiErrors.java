package io.github.calendlywebhook.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** Turns Calendly's error answers ({@code {"title": ..., "message": ..., "details": [...]}}) into exceptions. */
final class ApiErrors {

    private static final int MAX_DETAIL = 500;

    private ApiErrors() {
    }

    static CalendlyApiException toException(String method, URI uri, int status, byte[] body) {
        JsonNode error = parse(body);
        String title = text(error, "title");
        String message = text(error, "message");
        if (status == 401 || status == 403) {
            return new CalendlyAuthenticationException(status, title, message);
        }
        String code = status == 409 ? CalendlyApiException.CONFLICT : CalendlyApiException.REJECTED;
        StringBuilder text = new StringBuilder("Calendly rejected ").append(method).append(' ')
                .append(uri.getPath()).append(" with ").append(status);
        if (title != null) {
            text.append(": ").append(title);
        }
        if (message != null) {
            text.append(" - ").append(message);
        }
        JsonNode details = error == null ? null : error.get("details");
        if (details != null && details.isArray() && !details.isEmpty()) {
            text.append(" ").append(truncate(details.toString()));
        }
        return new CalendlyApiException(code, status, title, text.toString(), null);
    }

    private static @Nullable JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return ApiTransport.JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static @Nullable String text(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? truncate(value.asText()) : null;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }
}
