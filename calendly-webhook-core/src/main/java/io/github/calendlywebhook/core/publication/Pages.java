package io.github.calendlywebhook.core.publication;

/** Argument checks of paged reads. */
final class Pages {

    /** The largest page the registries serve. */
    static final int MAX_SIZE = 500;

    private Pages() {
    }

    static void check(int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE + ", was " + size);
        }
    }
}
