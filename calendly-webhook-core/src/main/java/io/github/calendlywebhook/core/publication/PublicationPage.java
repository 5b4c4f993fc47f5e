package io.github.calendlywebhook.core.publication;

import java.util.List;
import java.util.Objects;

/**
 * One page of incomplete publications, oldest first.
 *
 * @param items the publications of the page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many publications match in all
 */
public record PublicationPage(List<Publication> items, int page, int size, long total) {

    public PublicationPage {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** Returns whether a later page has items. */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
