package org.bertgeometry.cli.engine;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.ModelLoader;
import org.bertgeometry.model.BertConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bertgeo inspect-model PATH}: what a model file holds, without running it. */
@Command(name = "inspect-model", description = "Print a model's config, parameter count, vocabulary size and labels. "
        + "PATH is any format the importers read: " + ModelLoader.ACCEPTED + ".")
public final class InspectModelCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH", description = "The model.")
    Path path;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BertCheckpoint cp = ModelLoader.load(path);
        BertConfig c = cp.config();
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "model:              %s%n", cp.source());
        out.printf(Locale.ROOT, "layers:             %d%n", c.numHiddenLayers());
        out.printf(Locale.ROOT, "hidden size:        %d%n", c.hiddenSize());
        out.printf(Locale.ROOT, "attention heads:    %d (%d dimensions each)%n", c.numAttentionHeads(), c.headDim());
        out.printf(Locale.ROOT, "intermediate size:  %d (%s)%n", c.intermediateSize(), c.hiddenAct().configName());
        out.printf(Locale.ROOT, "max positions:      %d%n", c.maxPositionEmbeddings());
        out.printf(Locale.ROOT, "token types:        %d%n", c.typeVocabSize());
        out.printf(Locale.ROOT, "layer norm eps:     %s%n", c.layerNormEps());
        out.printf(Locale.ROOT, "vocabulary:         %d tokens in the embedding table, %d in the vocabulary file%n",
                c.vocabSize(), cp.vocabulary().size());
        out.printf(Locale.ROOT, "parameters:         %,d%n", cp.weights().parameterCount());
        out.printf(Locale.ROOT, "heads present:      pooler %s, classifier %s, masked-LM %s%n",
                yesNo(cp.weights().has("pooler.dense.weight")), yesNo(cp.weights().has("classifier.weight")),
                yesNo(cp.weights().has("cls.predictions.transform.dense.weight")));
        out.printf(Locale.ROOT, "labels:             %s%n", c.labels().isEmpty() ? "(none)" : String.join(", ", c.labels()));
        out.printf(Locale.ROOT, "tokenizer settings: %s%n", cp.tokenizerConfig().isEmpty() ? "(defaults)" : cp.tokenizerConfig());
        out.flush();
        return 0;
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
