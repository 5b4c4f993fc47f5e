package io.github.calendlywebhook.core.event;

/**
 * One answered question of a booking or routing form.
 *
 * @param question the question text
 * @param answer the answer text
 */
public record QuestionAnswer(String question, String answer) {

    public QuestionAnswer {
        java.util.Objects.requireNonNull(question, "question");
        java.util.Objects.requireNonNull(answer, "answer");
    }
}
