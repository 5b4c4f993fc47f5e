package io.github.calendlywebhook.core.event;

import static io.github.calendlywebhook.core.event.JsonFields.object;
import static io.github.calendlywebhook.core.event.JsonFields.objects;
import static io.github.calendlywebhook.core.event.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads the parts shared by both envelope versions and by routing form submissions. */
final class Fragments {

    private Fragments() {
    }

    static Tracking tracking(@Nullable JsonNode parent) {
        JsonNode node = object(parent, "tracking");
        if (node == null) {
            return Tracking.NONE;
        }
        String campaign = text(node, "utm_campaign");
        String source = text(node, "utm_source");
        String medium = text(node, "utm_medium");
        String content = text(node, "utm_content");
        String term = text(node, "utm_term");
        String salesforce = text(node, "salesforce_uuid");
        if (campaign == null && source == null && medium == null && content == null && term == null
                && salesforce == null) {
            return Tracking.NONE;
        }
        return new Tracking(campaign, source, medium, content, term, salesforce);
    }

    /** Reads {@code questions_and_answers}; a multi-select answer (an array) is joined with new lines. */
    static List<QuestionAnswer> questionsAndAnswers(@Nullable JsonNode parent) {
        List<QuestionAnswer> result = new ArrayList<>();
        for (JsonNode qa : objects(parent, "questions_and_answers")) {
            String question = text(qa, "question");
            String answer = answer(qa.get("answer"));
            if (question != null && answer != null) {
                result.add(new QuestionAnswer(question, answer));
            }
        }
        return result;
    }

    private static @Nullable String answer(@Nullable JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode element : node) {
                if (element.isTextual()) {
                    parts.add(element.textValue());
                }
            }
            return String.join("\n", parts);
        }
        return null;
    }

    /** Returns the display name, or first and last name joined when only those are sent. */
    static @Nullable String personName(JsonNode node) {
        String name = JsonFields.nonBlankText(node, "name");
        if (name != null) {
            return name;
        }
        String first = JsonFields.nonBlankText(node, "first_name");
        String last = JsonFields.nonBlankText(node, "last_name");
        if (first == null && last == null) {
            return null;
        }
        return first == null ? last : last == null ? first : first + " " + last;
    }
}
