package io.github.calendlywebhook.core.publication;

/** Log hygiene: values from deliveries never carry line breaks or control characters into a log line. */
final class Text {

    private static final int MAX = 300;

    private Text() {
    }

    static String clean(String value) {
        String cleaned = value.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() <= MAX ? cleaned : cleaned.substring(0, MAX) + "...";
    }
}
