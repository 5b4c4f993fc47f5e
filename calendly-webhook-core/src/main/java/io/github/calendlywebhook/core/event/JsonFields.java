package io.github.calendlywebhook.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Typed, tolerant reads from a JSON tree: a missing, null or wrong-typed field reads as absent. */
final class JsonFields {

    private static final int MAX_MONEY_SCALE = 20;
    /** Amounts of a trillion or more read as absent: stores keep money as DECIMAL(19, 4), and sums must fit too. */
    private static final int MAX_MONEY_INTEGER_DIGITS = 12;

    private JsonFields() {
    }

    static @Nullable JsonNode object(@Nullable JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && node.isObject() ? node : null;
    }

    static @Nullable String text(@Nullable JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    static @Nullable String nonBlankText(@Nullable JsonNode parent, String field) {
        String text = text(parent, field);
        return text == null || text.isBlank() ? null : text;
    }

    static boolean isTrue(@Nullable JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && node.isBoolean() && node.booleanValue();
    }

    static @Nullable Integer integer(@Nullable JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : null;
    }

    static @Nullable Instant instant(@Nullable JsonNode parent, String field) {
        String text = text(parent, field);
        return text == null ? null : Timestamps.parse(text);
    }

    /** Reads an amount of money from a JSON number or numeric string, exactly as written. */
    static @Nullable BigDecimal money(@Nullable JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        BigDecimal value = null;
        if (node != null && node.isNumber()) {
            value = node.decimalValue();
        } else if (node != null && node.isTextual() && node.textValue().length() <= 100) {
            try {
                value = new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (value == null || Math.abs(value.scale()) > MAX_MONEY_SCALE
                || value.precision() - value.scale() > MAX_MONEY_INTEGER_DIGITS) {
            return null;
        }
        return value;
    }

    static List<JsonNode> objects(@Nullable JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<JsonNode> result = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            if (element.isObject()) {
                result.add(element);
            }
        }
        return result;
    }
}
