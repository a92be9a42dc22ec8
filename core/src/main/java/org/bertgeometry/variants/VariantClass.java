package org.bertgeometry.variants;

import java.util.Locale;

/**
 * The paper's eight classes in label order (docs/methods.md, "Case-study data"; paper-methods §2.1):
 * the label is the ordinal, which is also the logit index of the fine-tuned model. Each constant
 * carries the number of genomes the paper used, so simulations can reproduce its skewed proportions.
 */
public enum VariantClass {
    GH("GISAID clade GH / B.1.640-like", 120),
    LAMBDA("C.37", 713),
    MU("B.1.621", 2_532),
    ALPHA("B.1.1.7", 6_500),
    BETA("B.1.351", 9_017),
    DELTA("B.1.617.2", 11_254),
    GAMMA("P.1", 7_629),
    OMICRON("B.1.1.529 / BA.*", 11_638);

    private final String lineage;
    private final int paperCount;

    VariantClass(String lineage, int paperCount) {
        this.lineage = lineage;
        this.paperCount = paperCount;
    }

    /** The class label (0..7) used by the paper's model. */
    public int label() {
        return ordinal();
    }

    /** Lower-case class name as in the paper's config and data files ("gh", "lambda", ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Pango lineage (or clade) the class stands for. */
    public String lineage() {
        return lineage;
    }

    /** Number of genomes of this class in the paper's dataset (49,403 in total). */
    public int paperCount() {
        return paperCount;
    }

    /** The class with this label. */
    public static VariantClass ofLabel(int label) {
        VariantClass[] all = values();
        if (label < 0 || label >= all.length) {
            throw new IllegalArgumentException("class label " + label + " is outside 0.." + (all.length - 1));
        }
        return all[label];
    }

    /** The class with this key, case-insensitive ("omicron", "GH", ...). */
    public static VariantClass ofKey(String key) {
        for (VariantClass c : values()) {
            if (c.key().equalsIgnoreCase(key.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown variant class '" + key + "'; expected one of gh, lambda, mu,"
                + " alpha, beta, delta, gamma, omicron");
    }
}
