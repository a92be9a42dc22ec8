package org.bertgeometry.variants.simulation;

import java.util.EnumMap;
import java.util.Map;

import org.bertgeometry.variants.VariantClass;

/**
 * How many genomes of each class a simulated dataset holds: balanced, or in the paper's skewed
 * proportions (120 gh ... 11,638 omicron out of 49,403; paper-methods §2.1).
 */
public final class ClassSizes {

    private ClassSizes() {
    }

    /** {@code perClass} genomes of every class. */
    public static Map<VariantClass, Integer> balanced(int perClass) {
        Map<VariantClass, Integer> m = new EnumMap<>(VariantClass.class);
        for (VariantClass c : VariantClass.values()) {
            m.put(c, perClass);
        }
        return m;
    }

    /**
     * About {@code total} genomes in the paper's proportions: each class gets
     * round(total * paperCount / 49,403) but at least 1, so tiny datasets keep every class.
     * {@code paperProportions(49_403)} gives exactly the paper's counts.
     */
    public static Map<VariantClass, Integer> paperProportions(int total) {
        int paperTotal = 0;
        for (VariantClass c : VariantClass.values()) {
            paperTotal += c.paperCount();
        }
        Map<VariantClass, Integer> m = new EnumMap<>(VariantClass.class);
        for (VariantClass c : VariantClass.values()) {
            m.put(c, Math.max(1, (int) Math.round(total * (double) c.paperCount() / paperTotal)));
        }
        return m;
    }
}
