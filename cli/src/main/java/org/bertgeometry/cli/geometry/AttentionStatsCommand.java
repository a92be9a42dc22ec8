package org.bertgeometry.cli.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bertgeometry.geometry.ClarkHeadMetrics;
import org.bertgeometry.geometry.ConeIndex;
import org.bertgeometry.geometry.Directionality;
import org.bertgeometry.geometry.MetastableK;
import org.bertgeometry.geometry.ShannonEntropy;
import org.bertgeometry.geometry.SingularValues;
import org.bertgeometry.geometry.SpecialPositions;
import org.bertgeometry.geometry.VonNeumannEntropy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bertgeo attention-stats}: the global statistics of each square attention matrix
 * (docs/cli-geometry.md): cone index of the rows, metastable k, rank, von Neumann (L2 and L1) and
 * Shannon entropies, data-level asymmetry (project's proposal) and Clark et al. 2019 metrics.
 */
@Command(name = "attention-stats",
        description = "Statistics of square attention matrices (.npy float32/float64 or .csv), one row per matrix "
                + "(see docs/cli-geometry.md).")
public final class AttentionStatsCommand implements Callable<Integer> {

    @Mixin
    AttentionTableArguments io = new AttentionTableArguments();

    @Option(names = "--k-threshold", defaultValue = "0.9", description = "Mass threshold of metastable k (default 0.9).")
    double kThreshold;

    @Option(names = "--singular-value-cut", defaultValue = "1e-3",
            description = "Singular values at or above this count toward the rank (default 1e-3).")
    double cut;

    @Option(names = "--bins", defaultValue = "20", description = "Bins of the Shannon value histogram (default 20).")
    int bins;

    @Override
    public Integer call() throws Exception {
        List<AttentionFiles.Named> maps = io.load();
        List<String> header = new ArrayList<>(List.of("file", "n", "cone_index_rows", "cone_index_rows_normalized",
                "k_median", "k_min", "rank_at_cut", "singular_values_below_cut", "von_neumann_l2", "von_neumann_l1",
                "shannon_entropy", "asymmetry_proposal"));
        header.addAll(List.of(ClarkHeadMetrics.csvHeader()));
        List<List<String>> rows = new ArrayList<>();
        for (AttentionFiles.Named m : maps) {
            double[][] a = m.matrix();
            int n = a.length;
            SpecialPositions sp = io.special(n);
            ConeIndex.Result cone = ConeIndex.of(a);
            MetastableK.Summary k = MetastableK.ofRows(toFloat(a), new MetastableK.Params(kThreshold));
            double[] sv = SingularValues.of(a);
            int rank = SingularValues.countAtLeast(sv, cut);
            List<String> r = new ArrayList<>(List.of(m.file(), Integer.toString(n), d(cone.index()),
                    d(cone.normalized()), d(k.median()), Integer.toString(k.min()), Integer.toString(rank),
                    Integer.toString(sv.length - rank), d(VonNeumannEntropy.of(a, VonNeumannEntropy.Normalization.L2)),
                    d(VonNeumannEntropy.of(a, VonNeumannEntropy.Normalization.L1)),
                    d(ShannonEntropy.of(a, new ShannonEntropy.Params(bins))), d(Directionality.attentionAsymmetry(a))));
            r.addAll(List.of(ClarkHeadMetrics.of(a, sp, ClarkHeadMetrics.DEFAULT_EPSILON).csvValues()));
            rows.add(r);
        }
        io.write(header, rows);
        return 0;
    }

    static float[][] toFloat(double[][] a) {
        float[][] f = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            f[i] = new float[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                f[i][j] = (float) a[i][j];
            }
        }
        return f;
    }

    private static String d(double v) {
        return Double.toString(v);
    }
}
