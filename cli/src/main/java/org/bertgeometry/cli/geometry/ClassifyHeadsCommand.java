package org.bertgeometry.cli.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bertgeometry.geometry.GateClassifier;
import org.bertgeometry.geometry.GateStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bertgeo classify-heads}: the gate label of each square attention matrix with the statistics
 * behind it (docs/cli-geometry.md). The gate names are the paper's; the rules are the project's own
 * proposal, documented in docs/methods.md.
 */
@Command(name = "classify-heads",
        description = "Label attention matrices with the paper's gate names using the project's proposed rules "
                + "(see docs/methods.md and docs/cli-geometry.md).")
public final class ClassifyHeadsCommand implements Callable<Integer> {

    @Mixin
    AttentionTableArguments io = new AttentionTableArguments();

    @Option(names = "--theta-hi", defaultValue = "0.3", description = "High-attention threshold (default 0.3).")
    double thetaHi;

    @Option(names = "--closed-when-flat", description = "Also call a map closed when it has no entry >= theta-hi "
            + "and kappa >= 0.8 (off by default: it hides open gates).")
    boolean closedWhenFlat;

    @Option(names = "--rank-every-map", description = "Compute the rank (singular values >= 1e-3) of every map. "
            + "By default it is computed only where the directional rule needs it (same labels, the cell is "
            + "otherwise empty): one SVD per map costs more than all the other statistics together.")
    boolean rankEveryMap;

    @Override
    public Integer call() throws Exception {
        List<AttentionFiles.Named> maps = io.load();
        GateClassifier.Params p = GateClassifier.Params.builder().thetaHi(thetaHi).closedWhenFlat(closedWhenFlat)
                .rankPolicy(rankEveryMap ? GateClassifier.RankPolicy.ALWAYS : GateClassifier.RankPolicy.WHEN_NEEDED)
                .build();
        List<String> header = new ArrayList<>(List.of("file"));
        header.addAll(List.of(GateStatistics.csvHeader()));
        header.addAll(List.of("gate", "rule"));
        List<List<String>> rows = new ArrayList<>();
        for (AttentionFiles.Named m : maps) {
            GateClassifier.Classification c = GateClassifier.classify(m.matrix(), io.special(m.matrix().length), p);
            List<String> row = new ArrayList<>(List.of(m.file()));
            row.addAll(List.of(c.statistics().csvValues()));
            row.addAll(List.of(c.label().csvName(), c.rule()));
            rows.add(row);
        }
        io.write(header, rows);
        return 0;
    }
}
