package org.bertgeometry.cli.geometry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bertgeometry.geometry.ConeIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bertgeo cone-index}: the cone index of the vectors in a CSV file, per class and for all of
 * them (docs/cli-geometry.md). One vector per row; every column except the class column is a
 * coordinate.
 */
@Command(name = "cone-index",
        description = "Cone index ||sum of unit vectors|| of the rows of a CSV, per class and for ALL "
                + "(see docs/cli-geometry.md).")
public final class ConeIndexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--vectors", required = true, paramLabel = "CSV",
            description = "CSV with a header; one vector per row, numeric columns.")
    Path vectors;

    @Option(names = "--class-column", paramLabel = "NAME", description = "Column holding each row's class.")
    String classColumn;

    @Option(names = "--output", required = true, paramLabel = "CSV",
            description = "Result: class,n,cone_index,cone_index_normalized.")
    Path output;

    @Option(names = "--raw", description = "Sum the vectors without unit-normalising them (the paper's formula as "
            + "printed); default: unit-normalise first (the reference implementation).")
    boolean raw;

    @Override
    public Integer call() throws Exception {
        CsvTable t = CsvTable.read(vectors);
        int classCol = classColumn == null ? -1 : t.column(classColumn);
        int dims = t.header.size() - (classCol >= 0 ? 1 : 0);
        if (dims < 1) {
            throw new IllegalArgumentException(vectors + ": no numeric columns besides the class column");
        }
        Map<String, List<double[]>> byClass = new LinkedHashMap<>();
        List<double[]> all = new ArrayList<>();
        for (int r = 0; r < t.rows.size(); r++) {
            double[] v = new double[dims];
            int k = 0;
            for (int c = 0; c < t.header.size(); c++) {
                if (c != classCol) {
                    v[k++] = t.number(r, c);
                }
            }
            all.add(v);
            if (classCol >= 0) {
                byClass.computeIfAbsent(t.rows.get(r).get(classCol).trim(), x -> new ArrayList<>()).add(v);
            }
        }
        ConeIndex.Params p = new ConeIndex.Params(raw ? ConeIndex.Variant.RAW : ConeIndex.Variant.UNIT,
                ConeIndex.ZeroVectors.SKIP);
        List<String[]> rows = new ArrayList<>();
        int zeros = 0;
        for (Map.Entry<String, List<double[]>> e : byClass.entrySet()) {
            rows.add(row(e.getKey(), ConeIndex.of(e.getValue().toArray(new double[0][]), p)));
        }
        ConeIndex.Result a = ConeIndex.of(all.toArray(new double[0][]), p);
        zeros = a.zeroRows();
        rows.add(row("ALL", a));
        CsvOut.write(output, new String[] {"class", "n", "cone_index", "cone_index_normalized"}, rows);
        spec.commandLine().getOut().println("cone-index: " + all.size() + " vectors, " + byClass.size()
                + " classes -> " + output + (zeros > 0 ? " (" + zeros + " all-zero vectors skipped)" : ""));
        return 0;
    }

    private static String[] row(String cls, ConeIndex.Result r) {
        return new String[] {cls, Integer.toString(r.n()), Double.toString(r.index()), Double.toString(r.normalized())};
    }
}
