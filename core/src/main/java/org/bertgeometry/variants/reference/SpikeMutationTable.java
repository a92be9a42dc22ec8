package org.bertgeometry.variants.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bertgeometry.variants.VariantClass;

/**
 * The bundled table of lineage-defining spike changes per class (spike-mutations.tsv, compiled from
 * Pango consensus sequences, COJAC, cov-lineages constellations and Nextstrain clade markers; see its
 * header). On load every ref allele is checked against the reference genome, so a corrupted resource
 * fails immediately rather than producing wrong simulations.
 */
public final class SpikeMutationTable {

    private static final String RESOURCE = "/org/bertgeometry/variants/spike-mutations.tsv";

    private final List<LineageChange> changes;

    private SpikeMutationTable(List<LineageChange> changes) {
        this.changes = List.copyOf(changes);
    }

    /** Loads the bundled table and validates it against {@code reference}. */
    public static SpikeMutationTable load(SarsCov2Reference reference) {
        try (InputStream in = SpikeMutationTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing; the core jar is incomplete");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<LineageChange> rows = new ArrayList<>();
            String line;
            int lineNo = 0;
            boolean headerSeen = false;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (!headerSeen) {
                    headerSeen = true;
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 10) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNo + ": expected 10 tab-separated fields, got " + f.length);
                }
                LineageChange c = new LineageChange(f[0], f[1], ChangeKind.parse(f[2]), Integer.parseInt(f[3]),
                        Integer.parseInt(f[4]), f[5], f[6], f[7], Double.parseDouble(f[8]), f[9]);
                check(c, reference, lineNo);
                rows.add(c);
            }
            return new SpikeMutationTable(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static void check(LineageChange c, SarsCov2Reference reference, int lineNo) {
        boolean inSpike = c.start() >= SarsCov2Reference.SPIKE_START_1BASED && c.end() <= SarsCov2Reference.SPIKE_END_1BASED;
        boolean refOk = switch (c.kind()) {
            case INSERTION -> c.end() == c.start() + 1 && c.refBases().isEmpty();
            case N_MASK -> true;
            default -> reference.bases(c.start(), c.end()).equals(c.refBases());
        };
        if (!inSpike || !refOk) {
            throw new IllegalStateException(RESOURCE + " line " + lineNo + ": change " + c
                    + " does not match NC_045512.2 or lies outside the spike");
        }
    }

    /** All rows in file order. */
    public List<LineageChange> all() {
        return changes;
    }

    /** Rows for one class; the GH class's rows depend on {@code gh}. */
    public List<LineageChange> forClass(VariantClass cls, GhDefinition gh) {
        String key = cls == VariantClass.GH ? gh.tableKey() : cls.key();
        List<LineageChange> out = new ArrayList<>();
        for (LineageChange c : changes) {
            if (c.tableClass().equals(key)) {
                out.add(c);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
