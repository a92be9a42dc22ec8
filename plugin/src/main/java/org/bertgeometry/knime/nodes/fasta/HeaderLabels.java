package org.bertgeometry.knime.nodes.fasta;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bertgeometry.variants.fasta.SequenceRecord;

/**
 * Reads a class label from a FASTA header (id and description, as after the '>'). With {@link LabelSource#KEY}
 * the label is the value of the first {@code key=value} item, items being separated by whitespace, '|' or ';' and
 * the key compared without regard to case (the project's simulated data writes {@code class=Alpha}); with
 * {@link LabelSource#REGEX} it is the first capturing group of the first match of the expression, or the whole
 * match if the expression has no group. A header without a label gives an empty result, never a guess.
 */
record HeaderLabels(LabelSource source, String key, Pattern pattern) {

    private static final Pattern ITEM_SEPARATORS = Pattern.compile("[\\s|;]+");

    /** The label of {@code record}, empty when the header carries none (or the source is NONE). */
    Optional<String> labelOf(final SequenceRecord record) {
        String header = record.description().isEmpty() ? record.id() : record.id() + " " + record.description();
        return switch (source) {
            case NONE -> Optional.empty();
            case KEY -> byKey(header);
            case REGEX -> byPattern(header);
        };
    }

    private Optional<String> byKey(final String header) {
        String prefix = key + "=";
        for (String item : ITEM_SEPARATORS.split(header)) {
            if (item.length() > prefix.length() && item.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return Optional.of(item.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    private Optional<String> byPattern(final String header) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            return Optional.empty();
        }
        String label = m.groupCount() >= 1 ? m.group(1) : m.group();
        return label == null || label.isEmpty() ? Optional.empty() : Optional.of(label);
    }
}
