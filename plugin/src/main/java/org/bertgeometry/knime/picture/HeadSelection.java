package org.bertgeometry.knime.picture;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;

/**
 * Which attention heads a picture draws, as a user types them: empty for every head of the last layer, else
 * "layer:head" pairs, 0-based as in the nodes' tables, separated by commas (for example "11:0, 11:3").
 */
public final class HeadSelection {

    /** A layer and head, 0-based. */
    public record Head(int layer, int head) {
    }

    private HeadSelection() {
    }

    /** Checks only the form of {@code text}, for settings validation before the model's size is known. */
    public static void checkForm(final String text) throws InvalidSettingsException {
        if (text != null && !text.isBlank()) {
            parse(text, Integer.MAX_VALUE, Integer.MAX_VALUE);
        }
    }

    /** @return the heads of {@code text} for a model of {@code layers} x {@code heads}, checked to exist */
    public static List<Head> parse(final String text, final int layers, final int heads)
        throws InvalidSettingsException {
        List<Head> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            for (int h = 0; h < heads; h++) {
                out.add(new Head(layers - 1, h));
            }
            return out;
        }
        for (String item : text.split(",")) {
            String[] parts = item.trim().split(":");
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException("not a pair");
                }
                Head head = new Head(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
                if (head.layer() < 0 || head.layer() >= layers || head.head() < 0 || head.head() >= heads) {
                    throw new IllegalArgumentException("out of range");
                }
                out.add(head);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException("Heads to draw: '" + item.trim() + "' is not layer:head with layer"
                    + " 0 to " + (layers - 1) + " and head 0 to " + (heads - 1) + " (for example 11:0, 11:3).", e);
            }
        }
        return out;
    }
}
