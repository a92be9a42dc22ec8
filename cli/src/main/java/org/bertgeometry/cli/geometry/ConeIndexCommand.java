package org.bertgeometry.cli.geometry;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bertgeometry.cli.io.CsvOutput;
import org.bertgeometry.cli.io.Stdio;
import org.bertgeometry.geometry.ConeIndex;
import org.bertgeometry.report.table.CsvReader;
import org.bertgeometry.report.table.CsvWriter;
import org.bertgeometry.report.table.NumericTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bertgeo cone-index}: the cone index of the vectors in a CSV file, per class and for all of
 * them (docs/cli-geometry.md). One vector per row; every column except the class column is a
 * coordinate.
 */
@Command(name = "cone-index",
        description = "Cone index ||sum of unit vectors|| of the rows of a CSV, per class and for ALL "
                + "(see docs/cli-geometry.md).")
public final class ConeIndexCommand implements Callable<Integer> {

    @Option(names = "--vectors", required = true, paramLabel = "CSV",
            description = "CSV with a header; one vector per row, numeric columns; - for standard input.")
    Path vectors;

    @Option(names = "--class-column", paramLabel = "NAME", description = "Column holding each row's class.")
    String classColumn;

    @Mixin
    CsvOutput output = new CsvOutput();

    @Option(names = "--raw", description = "Sum the vectors without unit-normalising them (the paper's formula as "
            + "printed); default: unit-normalise first (the reference implementation).")
    boolean raw;

    @Override
    public Integer call() throws Exception {
        NumericTable t;
        try (Reader in = Stdio.reader(vectors)) {
            t = CsvReader.readNumeric(in, Stdio.name(vectors, true),
                    CsvReader.Options.defaults().withClassColumn(classColumn));
        }
        if (t.columns().isEmpty()) {
            throw new IllegalArgumentException(Stdio.name(vectors, true) + ": no numeric columns besides the class column");
        }
        requireFinite(t);
        Map<String, List<double[]>> byClass = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (classColumn != null) {
                byClass.computeIfAbsent(t.classes().get(r), x -> new ArrayList<>()).add(t.values()[r]);
            }
        }
        ConeIndex.Params p = new ConeIndex.Params(raw ? ConeIndex.Variant.RAW : ConeIndex.Variant.UNIT,
                ConeIndex.ZeroVectors.SKIP);
        ConeIndex.Result all = ConeIndex.of(t.values(), p);
        try (CsvWriter w = output.open()) {
            w.record("class", "n", "cone_index", "cone_index_normalized");
            for (Map.Entry<String, List<double[]>> e : byClass.entrySet()) {
                record(w, e.getKey(), ConeIndex.of(e.getValue().toArray(new double[0][]), p));
            }
            record(w, "ALL", all);
        }
        output.summary("cone-index: " + t.rowCount() + " vectors, " + byClass.size() + " classes"
                + (all.zeroRows() > 0 ? " (" + all.zeroRows() + " all-zero vectors skipped)" : ""));
        return 0;
    }

    /** A cone index of NaN or infinite coordinates means nothing; name the first such cell instead. */
    private void requireFinite(NumericTable t) {
        for (int r = 0; r < t.rowCount(); r++) {
            for (int c = 0; c < t.columns().size(); c++) {
                if (!Double.isFinite(t.values()[r][c])) {
                    throw new IllegalArgumentException(Stdio.name(vectors, true) + ": non-finite value "
                            + t.values()[r][c] + " in data row " + (r + 1) + ", column '" + t.columns().get(c)
                            + "'");
                }
            }
        }
    }

    private static void record(CsvWriter w, String cls, ConeIndex.Result r) throws IOException {
        w.record(cls, r.n(), r.index(), r.normalized());
    }
}
