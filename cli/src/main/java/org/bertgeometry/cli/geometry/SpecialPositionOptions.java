package org.bertgeometry.cli.geometry;

import java.util.Arrays;
import org.bertgeometry.geometry.SpecialPositions;
import picocli.CommandLine.Option;

/**
 * The {@code --special-positions} and {@code --cls-position} options shared by the attention commands:
 * which positions are [SEP]/[PAD] (removed before the gate statistics) and which is [CLS].
 */
final class SpecialPositionOptions {

    @Option(names = "--special-positions", paramLabel = "LIST", defaultValue = "none",
            description = "[SEP]/[PAD] positions (0-based): 'none' (default), 'last' (the last position is [SEP]), "
                    + "or a comma list such as 426,427,428.")
    String special = "none";

    @Option(names = "--cls-position", paramLabel = "INDEX", defaultValue = "-1",
            description = "0-based position of [CLS], or -1 (default) for none.")
    int cls = -1;

    /** The positions for a map of size n. */
    SpecialPositions resolve(int n) {
        String s = special.trim().toLowerCase(java.util.Locale.ROOT);
        int[] removed;
        if (s.equals("none") || s.isEmpty()) {
            removed = new int[0];
        } else if (s.equals("last")) {
            removed = new int[] {n - 1};
        } else {
            try {
                removed = Arrays.stream(s.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--special-positions must be 'none', 'last' or a comma list of "
                        + "0-based indices, got '" + special + "'");
            }
        }
        SpecialPositions p = new SpecialPositions(cls, removed);
        p.requireFits(n);
        return p;
    }
}
