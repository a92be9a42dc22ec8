package org.bertgeometry.knime.nodes;

import java.util.List;

/**
 * How a node's warning names the items it is about (skipped records, blank lines): the first five, then only
 * their count, so that a warning stays one readable line however many items there are.
 */
public final class NamedInWarning {

    /** How many items a warning names before it only counts. */
    static final int NAMED = 5;

    private NamedInWarning() {
    }

    /** @return e.g. "a, b, c, d, e and 3 more" */
    public static String first(final List<String> items) {
        String shown = String.join(", ", items.subList(0, Math.min(NAMED, items.size())));
        return items.size() > NAMED ? shown + " and " + (items.size() - NAMED) + " more" : shown;
    }
}
