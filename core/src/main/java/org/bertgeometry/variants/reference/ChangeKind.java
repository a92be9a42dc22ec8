package org.bertgeometry.variants.reference;

import java.util.Locale;

/** Kind of a lineage change in the bundled spike-mutation table (column {@code kind}). */
public enum ChangeKind {
    /** ref bases at start..end replaced by alt bases of the same length. */
    SUBSTITUTION,
    /** ref bases at start..end removed. */
    DELETION,
    /** alt bases inserted between positions start and end (end = start + 1). */
    INSERTION,
    /** ref bases at start..end replaced by alt bases of another length. */
    DELINS,
    /** bases start..end reported as N in real data (a deletion region masked by consensus callers). */
    N_MASK;

    static ChangeKind parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
