package io.github.calendlywebhook.core.publication;

import java.util.Objects;

/**
 * The last failure of a listener, as kept with its publication: the exception's class and the first
 * line of its message, cut to a bounded length. No stack trace and no event payload is kept; a
 * listener should not put secrets in its exception messages.
 *
 * @param type the exception's class name
 * @param message the first line of its message, at most {@value #MAX_MESSAGE} characters; empty when none
 */
public record PublicationError(String type, String message) {

    /** The longest message kept. */
    public static final int MAX_MESSAGE = 500;
    /** The longest class name kept. */
    public static final int MAX_TYPE = 255;

    public PublicationError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Returns the error a throwable leaves.
     *
     * @param failure what the listener threw
     * @return the error, cut to size and to its first line
     */
    public static PublicationError of(Throwable failure) {
        String text = failure.getMessage() == null ? "" : failure.getMessage();
        int newline = indexOfLineBreak(text);
        if (newline >= 0) {
            text = text.substring(0, newline);
        }
        text = text.replaceAll("\\p{Cntrl}", " ").strip();
        if (text.length() > MAX_MESSAGE) {
            text = text.substring(0, MAX_MESSAGE - 3) + "...";
        }
        return new PublicationError(cut(failure.getClass().getName(), MAX_TYPE), text);
    }

    private static int indexOfLineBreak(String text) {
        int n = text.indexOf('\n');
        int r = text.indexOf('\r');
        return n < 0 ? r : r < 0 ? n : Math.min(n, r);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
