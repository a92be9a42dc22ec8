package org.bertgeometry.cli;

/**
 * The range checks of numeric options that picocli's types cannot express, in one wording: the option, the
 * allowed range and the value given ({@code --batch-size must be at least 1, got 0}). A violation is an
 * {@link IllegalArgumentException}, which the command line reports as a usage error.
 */
public final class OptionChecks {

    private OptionChecks() {
    }

    /** {@code value}, refused below {@code min}. */
    public static int atLeast(String option, int min, int value) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** {@code value} (null when the option was not given), refused outside [0, 1]. */
    public static Double probability(String option, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(option + " must lie in [0, 1], got " + value);
        }
        return value;
    }
}
