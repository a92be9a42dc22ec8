package org.bertgeometry.cli.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bertgeometry.checkpoint.ModelLoader;
import org.bertgeometry.cli.OptionChecks;
import org.bertgeometry.cli.ThreadsOption;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.model.Logits;
import org.bertgeometry.report.table.CsvWriter;
import org.bertgeometry.tokenize.Encoding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bertgeo fill-mask}: the masked-language-model head's top-k tokens, with softmax
 * probabilities, for every {@code [MASK]} of a sentence. Needs a checkpoint that carries the head
 * ({@code cls.predictions.*}), such as Google's original BERT releases.
 */
@Command(name = "fill-mask", description = "Top-k predictions of the masked-LM head for each [MASK] of a sentence.")
public final class FillMaskCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "PATH", description = "A model with a masked-LM head.")
    Path model;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "5", description = "Predictions per mask (default ${DEFAULT-VALUE}).")
    int topK;

    @Parameters(index = "0", paramLabel = "SENTENCE", description = "Text with one or more [MASK] tokens.")
    String sentence;

    @Spec
    CommandSpec spec;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        OptionChecks.atLeast("--top-k", 1, topK);
        try (LoadedBert bert = LoadedBert.open(ModelLoader.load(model))) {
            List<List<Prediction>> all = predict(bert, sentence, topK);
            // the project's CSV writer: BERT has ',' and '"' tokens, and numbers must not follow the locale
            try (CsvWriter out = CsvWriter.onto(spec.commandLine().getOut())) {
                out.record("mask", "rank", "token", "probability");
                for (int m = 0; m < all.size(); m++) {
                    for (int r = 0; r < all.get(m).size(); r++) {
                        Prediction p = all.get(m).get(r);
                        out.record(m + 1, r + 1, p.token(), p.probability());
                    }
                }
            }
        }
        return 0;
    }

    /** One candidate token for a mask. */
    public record Prediction(String token, double probability) {
    }

    /** The top-k predictions per [MASK], in the order the masks appear. */
    public static List<List<Prediction>> predict(LoadedBert bert, String text, int k) {
        if (!bert.model().hasMlmHead()) {
            throw new IllegalArgumentException(bert.checkpoint().source() + " has no masked-LM head "
                    + "(cls.predictions.*); fill-mask needs a pre-training checkpoint");
        }
        Encoding e = bert.tokenizer().encode(text);
        int maskId = bert.tokenizer().vocabulary().maskId();
        List<Integer> positions = new ArrayList<>();
        for (int p = 0; p < e.realLength(); p++) {
            if (e.ids()[p] == maskId) {
                positions.add(p);
            }
        }
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("the sentence has no [MASK] token: \"" + text + "\"");
        }
        float[][] logits = bert.model().mlmLogits(bert.batch(List.of(e)),
                new int[][] {positions.stream().mapToInt(Integer::intValue).toArray()})[0];
        List<List<Prediction>> out = new ArrayList<>();
        for (float[] row : logits) {
            double[] p = Logits.softmax(row);
            int n = Math.min(k, bert.tokenizer().vocabulary().size());
            int[] best = topIndices(row, n, bert.tokenizer().vocabulary().size());
            List<Prediction> preds = new ArrayList<>();
            for (int id : best) {
                preds.add(new Prediction(bert.tokenizer().vocabulary().token(id), p[id]));
            }
            out.add(preds);
        }
        return out;
    }

    private static int[] topIndices(float[] row, int k, int limit) {
        int[] best = new int[k];
        java.util.Arrays.fill(best, -1);
        for (int i = 0; i < limit; i++) {
            for (int j = 0; j < k; j++) {
                if (best[j] < 0 || row[i] > row[best[j]]) {
                    System.arraycopy(best, j, best, j + 1, k - j - 1);
                    best[j] = i;
                    break;
                }
            }
        }
        return best;
    }
}
