package org.bertgeometry.cli.variants;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.bertgeometry.cli.io.Stdio;
import org.bertgeometry.report.table.CsvReader;
import org.bertgeometry.variants.VariantClass;

/**
 * Where the variant commands find a sequence's class: a {@code class=NAME} word in its FASTA
 * description (what {@code bertgeo simulate} writes), or a CSV file {@code id,class}. Names of the
 * paper's classes are matched case-insensitively and written lower-case ("Omicron" becomes
 * "omicron"); any other name is kept exactly as written.
 */
final class ClassLabels {

    private static final String KEY = "class=";

    private ClassLabels() {
    }

    /** The class named by a {@code class=NAME} word of {@code description}, or null when there is none. */
    static String fromDescription(String description) {
        for (String word : description.strip().split("\\s+")) {
            if (word.regionMatches(true, 0, KEY, 0, KEY.length()) && word.length() > KEY.length()) {
                return normalise(word.substring(KEY.length()));
            }
        }
        return null;
    }

    /**
     * Reads a labels CSV: a header line, then {@code id,class} per line (further columns ignored).
     *
     * @throws IllegalArgumentException for a file without rows, a row without class, or a repeated id
     */
    static Map<String, String> readCsv(Path file) throws IOException {
        List<CsvReader.CsvRecord> records;
        try (Reader in = Stdio.reader(file)) {
            records = CsvReader.readRecords(in, Stdio.name(file, true), ',');
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 1; i < records.size(); i++) {
            CsvReader.CsvRecord r = records.get(i);
            if (r.fields().size() == 1 && r.fields().get(0).isBlank()) {
                continue;
            }
            if (r.fields().size() < 2 || r.fields().get(1).isBlank()) {
                throw new IllegalArgumentException(file + ": line " + r.line() + " has no class; each line after the"
                        + " header must be 'id,class'");
            }
            String id = r.fields().get(0).strip();
            if (labels.put(id, normalise(r.fields().get(1))) != null) {
                throw new IllegalArgumentException(file + ": line " + r.line() + " repeats id '" + id
                        + "'; give each sequence one class");
            }
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException(file + ": no labels; expected a header line and then 'id,class' lines");
        }
        return labels;
    }

    /** A paper class name in its canonical lower case; any other name stripped but unchanged. */
    static String normalise(String name) {
        String s = name.strip();
        for (VariantClass c : VariantClass.values()) {
            if (c.key().equals(s.toLowerCase(Locale.ROOT))) {
                return c.key();
            }
        }
        return s;
    }

    /**
     * The class list of a model trained on {@code labels}: the paper's class order (gh, lambda, mu,
     * alpha, beta, delta, gamma, omicron) restricted to the classes present when every label is a paper
     * class, otherwise the distinct labels sorted alphabetically.
     */
    static List<String> classOrder(Collection<String> labels) {
        TreeSet<String> distinct = new TreeSet<>(labels);
        List<String> paper = new ArrayList<>();
        for (VariantClass c : VariantClass.values()) {
            if (distinct.contains(c.key())) {
                paper.add(c.key());
            }
        }
        return paper.size() == distinct.size() ? paper : new ArrayList<>(distinct);
    }
}
