package org.bertgeometry.cli.geometry;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.ModelLoader;
import org.bertgeometry.cli.io.CsvOutput;
import org.bertgeometry.geometry.Convention;
import org.bertgeometry.geometry.Directionality;
import org.bertgeometry.report.table.CsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bertgeo directionality}: the directionality table of a model, one row per layer and head
 * (docs/cli-geometry.md). Every measure is the project's operationalisation of the paper's
 * "directionality of subspace selection" (columns end in {@code _proposal}; docs/methods.md).
 */
@Command(name = "directionality",
        description = "Per-head directionality of the query-key score matrix (project's proposal for the paper's "
                + "'directionality of subspace selection'; see docs/cli-geometry.md).")
public final class DirectionalityCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "PATH", description = "Model: " + ModelLoader.ACCEPTED
            + ".")
    Path model;

    @Mixin
    CsvOutput output = new CsvOutput();

    @Option(names = "--convention", defaultValue = "HF_EXACT",
            description = "HF_EXACT (rows of W, what the model computes; default) or CODE_COMPAT (the reference "
                    + "implementation's column slices).")
    Convention convention;

    @Option(names = "--subspace-rank", defaultValue = "0",
            description = "Leading singular directions compared for the principal angles; 0 = the head dimension.")
    int subspaceRank;

    @Override
    public Integer call() throws Exception {
        BertCheckpoint c = ModelLoader.load(model);
        Directionality.Params p = new Directionality.Params(convention, subspaceRank,
                Directionality.Params.defaults().eigenvalueTolerance());
        List<Directionality.HeadResult> table = Directionality.ofModel(c.config(), c.weights(), p);
        try (CsvWriter w = output.open()) {
            w.record((Object[]) Directionality.HeadResult.csvHeader());
            for (Directionality.HeadResult r : table) {
                w.record((Object[]) r.csvValues());
            }
        }
        output.summary("directionality: " + table.size() + " heads (" + convention + ")");
        return 0;
    }
}
