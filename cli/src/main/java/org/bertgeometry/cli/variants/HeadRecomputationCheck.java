package org.bertgeometry.cli.variants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.CapturedTensor;
import org.bertgeometry.capture.HookNames;
import org.bertgeometry.geometry.Convention;
import org.bertgeometry.geometry.HeadRecomputation;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.model.ForwardResult;
import org.bertgeometry.tokenize.Encoding;

/**
 * The report's recomputation check (docs/methods.md, "Conventions for recomputing a head"): for one
 * sequence, every head's attention probabilities and context vectors are recomputed in double precision
 * from the captured layer input and the model's weights ({@link HeadRecomputation}, HF_EXACT) and compared
 * with what the PyTorch forward pass produced. A largest absolute difference near float32 rounding shows
 * that the analyses read the model the way it computes. The same captures feed {@link MultiheadOutputCheck}.
 */
final class HeadRecomputationCheck {

    /** Largest absolute differences of one head between the forward pass and the recomputation. */
    record Row(int layer, int head, int tokens, double maxAbsDiffProbs, double maxAbsDiffContext) {
    }

    /**
     * Both checks of one sequence.
     *
     * @param heads  per layer and head, the recomputed attention against the forward pass
     * @param layers per layer, the recomputed multi-head output and feed-forward sublayer against the layer output
     */
    record Result(List<Row> heads, List<MultiheadOutputCheck.Row> layers) {
        Result {
            heads = List.copyOf(heads);
            layers = List.copyOf(layers);
        }
    }

    private HeadRecomputationCheck() {
    }

    /**
     * What both checks read from one forward pass.
     *
     * @param tensors the embeddings output and every layer's output, attention probabilities and context
     * @param tokens  the sequence's real tokens ([CLS] and [SEP] included)
     */
    record Captured(Map<String, CapturedTensor> tensors, int tokens) {
    }

    /** One forward pass over {@code sequence} with the captures both checks need. */
    static Captured capture(LoadedBert bert, String sequence) {
        List<String> names = new ArrayList<>(List.of(HookNames.EMBEDDINGS_OUTPUT));
        for (int l = 0; l < bert.checkpoint().config().numHiddenLayers(); l++) {
            names.add(HookNames.layerOutput(l));
            names.add(HookNames.attentionProbs(l));
            names.add(HookNames.attentionContext(l));
        }
        Encoding e = bert.tokenizer().encode(sequence);
        ForwardResult r = bert.model().forward(bert.batch(List.of(e)), CaptureSpec.of(names.toArray(String[]::new)),
                false);
        return new Captured(r.captures().get(0), e.realLength());
    }

    /** Runs both checks on {@code sequence} for every layer and head. */
    static Result run(LoadedBert bert, String sequence) {
        int layers = bert.checkpoint().config().numHiddenLayers();
        int heads = bert.checkpoint().config().numAttentionHeads();
        Captured captured = capture(bert, sequence);
        Map<String, CapturedTensor> c = captured.tensors();
        int n = captured.tokens();
        List<Row> rows = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            String input = l == 0 ? HookNames.EMBEDDINGS_OUTPUT : HookNames.layerOutput(l - 1);
            double[][] x = rows(c.get(input), n);
            for (int h = 0; h < heads; h++) {
                HeadRecomputation.Activations a = HeadRecomputation.of(bert.checkpoint().weights(), l, h, heads, x,
                        null, Convention.HF_EXACT);
                rows.add(new Row(l, h, n, maxAbsDiff(a.p(), c.get(HookNames.attentionProbs(l)).headMatrix(h), n),
                        maxAbsDiff(a.y(), c.get(HookNames.attentionContext(l)).headMatrix(h), n)));
            }
        }
        return new Result(rows, MultiheadOutputCheck.run(bert.checkpoint().weights(), bert.checkpoint().config(), c, n));
    }

    /** The first {@code n} rows of a {@code (T, d)} capture. */
    static double[][] rows(CapturedTensor t, int n) {
        int d = t.shape()[t.shape().length - 1];
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = t.data()[i * d + j];
            }
        }
        return x;
    }

    private static double maxAbsDiff(double[][] a, float[][] b, int n) {
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }
}
