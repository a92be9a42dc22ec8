package org.bertgeometry.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.bertgeometry.capture.AttentionMapStatistic;
import org.bertgeometry.capture.AttentionMapStatisticSink;
import org.bertgeometry.capture.BoundedSampleSink;
import org.bertgeometry.capture.CaptureSink;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.CapturedTensor;
import org.bertgeometry.capture.ClassMeanAttentionSink;
import org.bertgeometry.capture.HookNames;
import org.bertgeometry.checkpoint.ModelLoader;
import org.bertgeometry.checkpoint.onnx.MiniLmModelFile;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.model.BatchInput;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.HostTensor;
import org.bertgeometry.tokenize.Encoding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every geometry analysis run on a real model, all-MiniLM-L6-v2 (6 layers, 12 heads, hidden 384),
 * over 30 sentences in two classes, checked against properties that hold whatever the weights: rows
 * of P are probability distributions, cone indices lie in [sqrt(n), n] for non-negative rows and
 * [0, n] otherwise, delta in [0, 1], ranks within the matrix dimensions, entropies within their
 * maxima, rollout rows stochastic, class-mean maps equal to the mean of the per-sample maps, and the
 * per-head recomputation from the weights reproducing the captured probabilities. One forward pass
 * feeds every check; the per-sample maps come from a {@link BoundedSampleSink} fed in the same pass as
 * the streaming sinks, so sink and collected values are compared on identical inputs.
 */
class RealModelPropertiesTest {

    /** Class 0: cooking and food; class 1: weather and sky. Two topics so that class means differ. */
    static final List<String> COOKING = List.of(
            "Knead the dough for ten minutes before letting it rise.",
            "She roasted the vegetables with olive oil and garlic.",
            "The soup needs more salt and a little pepper.",
            "Bake the bread until the crust is golden brown.",
            "He chopped the onions and fried them in butter.",
            "Fresh pasta cooks in about three minutes.",
            "The recipe calls for two eggs and a cup of flour.",
            "Simmer the sauce gently while stirring.",
            "Our chef prepares risotto with wild mushrooms.",
            "Let the cake cool before adding the icing.",
            "Grill the fish on both sides.",
            "A pinch of cinnamon improves the apple pie.",
            "Whisk the cream until it forms soft peaks.",
            "They served dumplings with a spicy dipping sauce.",
            "Marinate the chicken overnight in yoghurt and spices.");
    static final List<String> WEATHER = List.of(
            "Heavy rain is expected across the north tonight.",
            "The sky cleared and the stars came out.",
            "A cold front will bring snow to the mountains.",
            "Thunderstorms rolled in late in the afternoon.",
            "The forecast says sunshine all weekend.",
            "Strong winds knocked down several trees.",
            "Fog covered the valley until noon.",
            "The full moon rose over the quiet sea.",
            "Temperatures will drop below freezing overnight.",
            "A rainbow appeared after the shower.",
            "The hurricane weakened as it moved inland.",
            "Hail damaged cars in the city centre.",
            "Clouds gathered over the hills before the storm.",
            "It was the hottest summer on record.",
            "Light drizzle fell throughout the morning.");

    static final int SAMPLES = COOKING.size() + WEATHER.size();
    /** Samples for the (costlier) recomputation and rollout checks; every layer and head of each. */
    static final int RECOMPUTED_SAMPLES = 6;

    static LoadedBert bert;
    static BertConfig config;
    static BertWeights weights;
    static List<BoundedSampleSink.StoredSample> samples;
    static ClassMeanAttentionSink classMeans;
    static List<AttentionMapStatisticSink.Row> statRows = new ArrayList<>();
    static int[] labels;
    static int mapSize;
    static int sepId;

    /** Largest |row sum - 1| of a map, streamed by the statistics sink. */
    static final AttentionMapStatistic ROW_SUM_ERROR = statistic("row_sum_error", RealModelPropertiesTest::rowSumError);
    /** Weight of the first query on [CLS], streamed by the statistics sink. */
    static final AttentionMapStatistic CLS_OF_CLS = statistic("a00", map -> map[0][0]);

    static AttentionMapStatistic statistic(String name, ToDoubleFunction<float[][]> f) {
        return new AttentionMapStatistic() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double compute(float[][] map, int validLength) {
                return f.applyAsDouble(map);
            }
        };
    }

    @BeforeAll
    static void runTheModelOnce() throws Exception {
        bert = LoadedBert.open(ModelLoader.load(MiniLmModelFile.path()));
        config = bert.checkpoint().config();
        weights = bert.checkpoint().weights();
        sepId = bert.tokenizer().vocabulary().sepId();
        List<Encoding> encodings = new ArrayList<>();
        labels = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            boolean cooking = i < COOKING.size();
            encodings.add(bert.tokenizer().encode(cooking ? COOKING.get(i) : WEATHER.get(i - COOKING.size())));
            labels[i] = cooking ? 0 : 1;
        }
        BatchInput unlabelled = bert.batch(encodings);
        BatchInput in = new BatchInput(unlabelled.inputIds(), unlabelled.attentionMask(),
                unlabelled.tokenTypeIds(), labels);
        mapSize = in.length();

        BoundedSampleSink all = new BoundedSampleSink(CaptureSpec.of(HookNames.EMBEDDINGS_OUTPUT, "layer.*.output",
                "layer.*.attention.probs", "layer.*.attention.context"), SAMPLES);
        // MiniLM has no classification head, so every labelled sample is aggregated (onlyCorrect=false)
        classMeans = new ClassMeanAttentionSink(CaptureSpec.none(), mapSize, sepId,
                ClassMeanAttentionSink.PAPER_THETA, false);
        AttentionMapStatisticSink stats = new AttentionMapStatisticSink(CaptureSpec.none(), List.of(ROW_SUM_ERROR, CLS_OF_CLS),
                statRows::add);
        bert.model().forward(in, CaptureSink.fanOut(List.of(all, classMeans, stats)), false);
        samples = all.samples();
        assertEquals(SAMPLES, samples.size());
        assertEquals(0, all.dropped());
    }

    @AfterAll
    static void close() {
        if (bert != null) {
            bert.close();
        }
    }

    // ---- helpers over the captured tensors -------------------------------------------------------

    static Map<String, CapturedTensor> captures(int sample) {
        return samples.get(sample).captures();
    }

    static int length(int sample) {
        return samples.get(sample).context().validLength();
    }

    static float[][] probs(int sample, int layer, int head) {
        return captures(sample).get(HookNames.attentionProbs(layer)).headMatrix(head);
    }

    /** A (rows, cols) capture without a head axis as a double matrix. */
    static double[][] plain(CapturedTensor t) {
        int[] s = t.shape();
        double[][] m = new double[s[0]][s[1]];
        for (int i = 0; i < s[0]; i++) {
            for (int j = 0; j < s[1]; j++) {
                m[i][j] = t.data()[i * s[1] + j];
            }
        }
        return m;
    }

    /** hidden_states[l] in Hugging Face numbering: 0 = embeddings, l = output of layer l-1. */
    static double[][] hiddenState(int sample, int index) {
        String name = index == 0 ? HookNames.EMBEDDINGS_OUTPUT : HookNames.layerOutput(index - 1);
        return plain(captures(sample).get(name));
    }

    static double rowSumError(float[][] map) {
        double worst = 0;
        for (float[] row : map) {
            double s = 0;
            for (float v : row) {
                s += v;
            }
            worst = Math.max(worst, Math.abs(s - 1));
        }
        return worst;
    }

    static String where(int sample, int layer, int head) {
        return "sample " + sample + ", layer " + layer + ", head " + head;
    }

    // ---- the properties ---------------------------------------------------------------------------

    @Test
    void everyAttentionRowIsAProbabilityDistribution() {
        int heads = config.numAttentionHeads();
        for (int s = 0; s < SAMPLES; s++) {
            int n = length(s);
            for (int l = 0; l < config.numHiddenLayers(); l++) {
                for (int h = 0; h < heads; h++) {
                    float[][] p = probs(s, l, h);
                    assertEquals(n, p.length, "map cropped to the real tokens");
                    for (float[] row : p) {
                        for (float v : row) {
                            assertTrue(v >= 0 && v <= 1, "entry " + v + " outside [0, 1] at " + where(s, l, h));
                        }
                    }
                    // float32 softmax over at most ~20 keys: the sum is off by a few ulps of 1 (~1e-7 each)
                    assertTrue(rowSumError(p) <= 1e-5, "row sum off by " + rowSumError(p) + " at " + where(s, l, h));
                }
            }
        }
    }

    @Test
    void recomputedHeadsReproduceTheCapturedProbabilitiesAndContext() {
        int heads = config.numAttentionHeads();
        double worstP = 0;
        double worstY = 0;
        for (int s = 0; s < RECOMPUTED_SAMPLES; s++) {
            for (int l = 0; l < config.numHiddenLayers(); l++) {
                double[][] x = hiddenState(s, Convention.HF_EXACT.hiddenStateIndex(l, Convention.Use.SPECTRAL));
                CapturedTensor context = captures(s).get(HookNames.attentionContext(l));
                for (int h = 0; h < heads; h++) {
                    HeadRecomputation.Activations a = HeadRecomputation.of(weights, l, h, heads, x, null,
                            Convention.HF_EXACT);
                    float[][] captured = probs(s, l, h);
                    float[][] y = context.headMatrix(h);
                    for (int i = 0; i < captured.length; i++) {
                        for (int j = 0; j < captured.length; j++) {
                            worstP = Math.max(worstP, Math.abs(a.p()[i][j] - captured[i][j]));
                        }
                        for (int j = 0; j < y[i].length; j++) {
                            worstY = Math.max(worstY, Math.abs(a.y()[i][j] - y[i][j]));
                        }
                    }
                }
            }
        }
        // The engine computes in float32 (scores from 384-term dot products, relative rounding ~1e-6 of
        // scores of size ~10), the recomputation in double from the same float32 layer input: the
        // probabilities agree to ~1e-6; 1e-5 leaves a margin. Context values are O(1): same bound x 10.
        System.out.println("MiniLM HF_EXACT recomputation: max |dP| = " + worstP + ", max |dY| = " + worstY);
        assertTrue(worstP <= 1e-5, "recomputed P differs from the captured one by " + worstP);
        assertTrue(worstY <= 1e-4, "recomputed P V differs from the captured context by " + worstY);
    }

    @Test
    void coneIndicesLieBetweenTheirBounds() {
        for (int s = 0; s < SAMPLES; s++) {
            int n = length(s);
            for (int l = 0; l < config.numHiddenLayers(); l++) {
                for (int h = 0; h < config.numAttentionHeads(); h++) {
                    ConeIndex.Result r = ConeIndex.of(MatrixChecks.toDouble(probs(s, l, h)));
                    // rows are non-negative, so pairwise cosines are >= 0 and ||sum u_i||^2 >= n
                    assertEquals(n, r.n());
                    assertTrue(r.index() >= Math.sqrt(n) - 1e-9 && r.index() <= n + 1e-9,
                            "attention-row cone index " + r.index() + " outside [sqrt(n), n] at " + where(s, l, h));
                    assertTrue(r.normalized() >= 0 && r.normalized() <= 1 + 1e-12);
                }
                ConeIndex.Result tokens = ConeIndex.of(hiddenState(s, l + 1));
                assertTrue(tokens.index() >= 0 && tokens.index() <= n + 1e-9, "token cone index " + tokens.index());
                assertEquals(0, tokens.zeroRows(), "LayerNorm outputs are not zero vectors");
            }
        }
        for (int cls = 0; cls <= 1; cls++) {
            List<double[]> clsVectors = new ArrayList<>();
            for (int s = 0; s < SAMPLES; s++) {
                if (labels[s] == cls) {
                    clsVectors.add(hiddenState(s, config.numHiddenLayers())[0]);
                }
            }
            ConeIndex.Result r = ConeIndex.of(clsVectors.toArray(new double[0][]));
            assertTrue(r.index() >= 0 && r.index() <= clsVectors.size() + 1e-9, "CLS cone index " + r.index());
        }
    }

    @Test
    void metastableSizesAreMinimalCountsWithinTheRowLength() {
        MetastableK.Params params = MetastableK.Params.defaults();
        for (int s = 0; s < SAMPLES; s++) {
            int n = length(s);
            for (int l = 0; l < config.numHiddenLayers(); l++) {
                for (int h = 0; h < config.numAttentionHeads(); h++) {
                    float[][] p = probs(s, l, h);
                    MetastableK.Summary k = MetastableK.ofRows(p, params);
                    assertTrue(k.min() >= 1 && k.max() <= n && k.min() <= k.median() && k.median() <= k.max());
                    for (int i = 0; i < n; i++) {
                        // independent check: the k largest reach the threshold, the k-1 largest do not
                        // (float32 accumulation in the implementation: allow 1e-6 either way)
                        double[] sorted = MatrixChecks.toDouble(new float[][] {p[i]})[0];
                        java.util.Arrays.sort(sorted);
                        double top = 0;
                        for (int j = 1; j < k.perRow()[i]; j++) {
                            top += sorted[n - j];
                        }
                        assertTrue(top < params.threshold() + 1e-6, "k - 1 keys already reach the threshold");
                        top += sorted[n - k.perRow()[i]];
                        assertTrue(top >= params.threshold() - 1e-6 || k.perRow()[i] == n, "k keys miss the threshold");
                    }
                }
            }
        }
    }

    @Test
    void ranksAndSingularValuesStayWithinTheMatrixBounds() {
        for (int s = 0; s < SAMPLES; s++) {
            int n = length(s);
            for (int l = 0; l < config.numHiddenLayers(); l++) {
                for (int h = 0; h < config.numAttentionHeads(); h++) {
                    SingularValues.Summary sv = SingularValues.summary(MatrixChecks.toDouble(probs(s, l, h)), 1e-3,
                            SingularValues.FLOAT32_EPS);
                    assertTrue(sv.rankNumpy() >= 1 && sv.rankNumpy() <= n, "rank " + sv.rankNumpy() + " of an "
                            + n + "x" + n + " map at " + where(s, l, h));
                    assertEquals(n, sv.atLeastCut() + sv.belowCut());
                    // P 1 = 1 gives ||P||_2 >= 1; ||P||_2 <= sqrt(||P||_1 ||P||_inf) = sqrt(max column sum) <= sqrt(n)
                    assertTrue(sv.values()[0] >= 1 - 1e-5 && sv.values()[0] <= Math.sqrt(n) + 1e-9,
                            "largest singular value " + sv.values()[0] + " at " + where(s, l, h));
                    for (int i = 1; i < sv.values().length; i++) {
                        assertTrue(sv.values()[i] >= 0 && sv.values()[i] <= sv.values()[i - 1]);
                    }
                }
                double[][] out = hiddenState(s, l + 1);
                SingularValues.Summary o = SingularValues.summary(out, 1e-3, SingularValues.FLOAT32_EPS);
                assertTrue(o.rankNumpy() >= 1 && o.rankNumpy() <= Math.min(n, config.hiddenSize()));
            }
        }
    }

    @Test
    void entropiesStayWithinTheirMaxima() {
        ShannonEntropy.Params bins = ShannonEntropy.Params.defaults();
        for (int s = 0; s < SAMPLES; s++) {
            int n = length(s);
            SpecialPositions special = SpecialPositions.bert(n);
            for (int l = 0; l < config.numHiddenLayers(); l++) {
                for (int h = 0; h < config.numAttentionHeads(); h++) {
                    double[][] p = MatrixChecks.toDouble(probs(s, l, h));
                    double l1 = VonNeumannEntropy.of(p, VonNeumannEntropy.Normalization.L1);
                    assertTrue(l1 >= -1e-12 && l1 <= Math.log(n) + 1e-9,
                            "L1 von Neumann " + l1 + " at " + where(s, l, h));
                    // with L2 weights each p_i <= 1, so every term -p ln p is in [0, 1/e]
                    double l2 = VonNeumannEntropy.of(p);
                    assertTrue(l2 >= -1e-12 && l2 <= n / Math.E + 1e-9,
                            "L2 von Neumann " + l2 + " at " + where(s, l, h));
                    double shannon = ShannonEntropy.of(p, bins);
                    assertTrue(shannon >= 0 && shannon <= Math.log(bins.bins()) + 1e-12, "Shannon " + shannon);

                    ClarkHeadMetrics c = ClarkHeadMetrics.of(p, special, ClarkHeadMetrics.DEFAULT_EPSILON);
                    for (double v : new double[] {c.self(), c.next(), c.previous(), c.cls(), c.sep()}) {
                        assertTrue(v >= 0 && v <= 1 + 1e-6, "Clark mean weight " + v + " at " + where(s, l, h));
                    }
                    // [CLS] and [SEP] are different columns of stochastic rows
                    assertTrue(c.cls() + c.sep() <= 1 + 1e-5, "CLS + SEP mass above 1 at " + where(s, l, h));
                    // eps inside the log adds at most n * eps
                    assertTrue(c.entropy() >= -1e-6 && c.entropy() <= Math.log(n) + 1e-6,
                            "Clark entropy " + c.entropy());
                }
            }
        }
    }

    @Test
    void gateClassifierLabelsEveryHeadWithStatisticsInRange() {
        // every rank computed, so that its bounds can be checked; the default (rank only where the
        // directional rule reads it) must give the same label and rule on every real head
        GateClassifier.Params params = GateClassifier.Params.defaults().withRankPolicy(GateClassifier.RankPolicy.ALWAYS);
        int classified = 0;
        for (int s = 0; s < SAMPLES; s++) {
            int n = length(s);
            SpecialPositions special = SpecialPositions.bert(n);
            for (int l = 0; l < config.numHiddenLayers(); l++) {
                for (int h = 0; h < config.numAttentionHeads(); h++) {
                    GateClassifier.Classification c = GateClassifier.classify(probs(s, l, h), special, params);
                    assertNotNull(c.label());
                    GateClassifier.Classification lazy = GateClassifier.classify(probs(s, l, h), special,
                            GateClassifier.Params.defaults());
                    assertEquals(c.label(), lazy.label(), where(s, l, h));
                    assertEquals(c.rule(), lazy.rule(), where(s, l, h));
                    GateStatistics st = c.statistics();
                    int kept = n - 1; // [SEP] removed, [CLS] kept
                    assertEquals(kept, st.n(), where(s, l, h));
                    for (double v : new double[] {st.selfMass(), st.backLocal(), st.forwardLocal(), st.backGlobal(),
                        st.forwardGlobal(), st.clsMass(), st.specialMass(), st.strongestKeyMass(), st.rowCone(),
                        st.kappa(), st.rowEntropy()}) {
                        assertTrue(v >= -1e-9 && v <= 1 + 1e-9, "gate statistic " + v + " outside [0, 1] at "
                                + where(s, l, h) + ": " + st);
                    }
                    // backward, self and forward mass are disjoint parts of renormalised rows
                    assertTrue(st.backGlobal() + st.selfMass() + st.forwardGlobal() <= 1 + 1e-9, where(s, l, h));
                    assertTrue(st.k90Median() >= 1 && st.k90Median() <= kept);
                    assertTrue(st.rank() >= 1 && st.rank() <= kept, "rank " + st.rank());
                    assertTrue(st.highCount() >= 0 && st.highCount() <= kept * kept);
                    assertTrue(st.strongestKey() >= 0 && st.strongestKey() < n);
                    classified++;
                }
            }
        }
        assertEquals(SAMPLES * config.numHiddenLayers() * config.numAttentionHeads(), classified);
    }

    @Test
    void directionalityIsBoundedAndItsNormsSplitOrthogonally() {
        List<Directionality.HeadResult> all = Directionality.ofModel(config, weights, Directionality.Params.defaults());
        int d = config.hiddenSize();
        int dk = config.headDim();
        assertEquals(config.numHiddenLayers() * config.numAttentionHeads(), all.size());
        for (Directionality.HeadResult r : all) {
            String at = "layer " + r.layer() + ", head " + r.head();
            assertTrue(r.delta() >= 0 && r.delta() <= 1, "delta " + r.delta() + " at " + at);
            // S and K are orthogonal in the Frobenius inner product: ||M||^2 = ||S||^2 + ||K||^2
            assertEquals(r.normM() * r.normM(), r.normSymmetric() * r.normSymmetric() + r.normSkew() * r.normSkew(),
                    1e-9 * r.normM() * r.normM(), at);
            assertEquals(d, r.positive() + r.negative() + r.zero(), at);
            // rank S <= rank M + rank M^T <= 2 dk
            assertTrue(r.positive() + r.negative() <= 2 * dk, at);
            assertEquals(dk, r.principalAngles().length, at);
            for (int i = 0; i < dk; i++) {
                double a = r.principalAngles()[i];
                assertTrue(a >= -1e-12 && a <= Math.PI / 2 + 1e-12, "angle " + a + " at " + at);
                assertTrue(i == 0 || a >= r.principalAngles()[i - 1] - 1e-12, "angles ascending at " + at);
            }
        }
        // independent check of one head by forming M = P_Q^T P_K explicitly (d x d) and its parts
        int layer = 2;
        int head = 5;
        double[][] pq = HeadWeights.projection(weights.require(HeadWeights.weightName(layer, "query"), d, d), head,
                config.numAttentionHeads(), Convention.HF_EXACT);
        double[][] pk = HeadWeights.projection(weights.require(HeadWeights.weightName(layer, "key"), d, d), head,
                config.numAttentionHeads(), Convention.HF_EXACT);
        double[][] m = new double[d][d];
        for (int r = 0; r < dk; r++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    m[i][j] += pq[r][i] * pk[r][j];
                }
            }
        }
        double mm = 0;
        double kk = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                mm += m[i][j] * m[i][j];
                double skew = (m[i][j] - m[j][i]) / 2;
                kk += skew * skew;
            }
        }
        Directionality.HeadResult r = all.get(layer * config.numAttentionHeads() + head);
        assertEquals(layer, r.layer());
        assertEquals(head, r.head());
        assertEquals(Math.sqrt(mm), r.normM(), 1e-9 * Math.sqrt(mm));
        assertEquals(Math.sqrt(kk / mm), r.delta(), 1e-9);
    }

    @Test
    void rolloutRowsStayStochastic() {
        for (int s = 0; s < RECOMPUTED_SAMPLES; s++) {
            List<List<double[][]>> layers = new ArrayList<>();
            for (int l = 0; l < config.numHiddenLayers(); l++) {
                List<double[][]> heads = new ArrayList<>();
                for (int h = 0; h < config.numAttentionHeads(); h++) {
                    heads.add(MatrixChecks.toDouble(probs(s, l, h)));
                }
                layers.add(heads);
                assertStochastic(AttentionRollout.augmented(heads), "augmented layer " + l + " of sample " + s);
            }
            // a product of row-stochastic matrices is row-stochastic
            assertStochastic(AttentionRollout.rollout(layers), "rollout of sample " + s);
        }
    }

    static void assertStochastic(double[][] a, String what) {
        for (double[] row : a) {
            double sum = 0;
            for (double v : row) {
                assertTrue(v >= 0, what + " has a negative entry");
                sum += v;
            }
            // inputs are float32 rows summing to 1 within ~1e-6; 6 products keep that order
            assertEquals(1.0, sum, 1e-5, what);
        }
    }

    @Test
    void pcaOfClsVectorsExplainsAllVarianceWithAllComponents() {
        int layer = config.numHiddenLayers();
        double[][] x = new double[SAMPLES][];
        for (int s = 0; s < SAMPLES; s++) {
            x[s] = hiddenState(s, layer)[0];
        }
        Pca.Result full = Pca.of(x, SAMPLES);
        assertEquals(SAMPLES, full.explainedVarianceRatio().length, "min(30 rows, 384 dims) components");
        double sum = 0;
        for (int i = 0; i < full.explainedVarianceRatio().length; i++) {
            double v = full.explainedVarianceRatio()[i];
            assertTrue(v >= 0 && v <= 1 && (i == 0 || v <= full.explainedVarianceRatio()[i - 1] + 1e-15));
            sum += v;
        }
        assertEquals(1.0, sum, 1e-9, "every component kept, so the ratios add up to 1");
        // scikit-learn's explained_variance_ uses ddof=1: their sum is the total sample variance
        double total = 0;
        for (int j = 0; j < x[0].length; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j] / SAMPLES;
            }
            for (double[] row : x) {
                total += (row[j] - mean) * (row[j] - mean) / (SAMPLES - 1);
            }
        }
        assertEquals(total, java.util.Arrays.stream(full.explainedVariance()).sum(), 1e-9 * total);
        Pca.Result eight = Pca.of(x, 8);
        assertTrue(java.util.Arrays.stream(eight.explainedVarianceRatio()).sum() <= 1 + 1e-12);
        assertEquals(full.explainedVarianceRatio()[0], eight.explainedVarianceRatio()[0], 1e-12);
    }

    @Test
    void dataDistributionSummariesAccountForEveryValue() {
        int h = config.hiddenSize();
        double[][] out = hiddenState(0, 3);
        double[] sums = DataDistribution.sumOverRows(out);
        assertEquals(h, sums.length);
        for (int j = 0; j < h; j++) {
            double s = 0;
            for (double[] row : out) {
                s += row[j];
            }
            assertEquals(s, sums[j], 1e-9);
        }
        ValueHistogram hist = DataDistribution.layerOutputHistogram(out, DataDistribution.DEFAULT_LAYER_OUTPUT_BINS);
        assertEquals(DataDistribution.DEFAULT_LAYER_OUTPUT_BINS, hist.counts().length);
        assertEquals(h, hist.total(), "one count per hidden dimension");
        assertEquals(length(0), DataDistribution.rowMeans(hiddenState(0, 0)).length);
        // embeddings LayerNorm plus two per layer, each with weight and bias
        List<DataDistribution.ParameterStats> ln = DataDistribution.layerNormStats(weights);
        assertEquals(2 * (1 + 2 * config.numHiddenLayers()), ln.size());
        for (DataDistribution.ParameterStats p : ln) {
            assertTrue(Double.isFinite(p.mean()) && p.std() >= 0 && p.sampleStd() >= p.std(), p.toString());
        }
        HostTensor wq = weights.require(HeadWeights.weightName(0, "query"), h, h);
        double[][] heat = DataDistribution.weightHeatmap(wq);
        double max = 0;
        for (double[] row : heat) {
            for (double v : row) {
                assertTrue(v >= -100 && v <= 100);
                max = Math.max(max, Math.abs(v));
            }
        }
        assertEquals(100.0, max, 1e-9, "the largest |w| maps to 100");
    }

    @Test
    void classMeanMapsEqualTheMeanOfThePerSampleMaps() {
        double theta = ClassMeanAttentionSink.PAPER_THETA;
        for (int cls = 0; cls <= 1; cls++) {
            assertEquals(15, classMeans.count(cls));
            for (int l = 0; l < config.numHiddenLayers(); l++) {
                for (int h = 0; h < config.numAttentionHeads(); h++) {
                    double[][] mean = new double[mapSize][mapSize];
                    double[][] high = new double[mapSize][mapSize];
                    int count = 0;
                    for (int s = 0; s < SAMPLES; s++) {
                        if (labels[s] != cls) {
                            continue;
                        }
                        float[][] p = probs(s, l, h);
                        int sep = length(s) - 1; // one sentence: [CLS] ... [SEP]
                        assertEquals(sepId, samples.get(s).context().tokenAt(sep));
                        for (int i = 0; i < sep; i++) {
                            for (int j = 0; j < sep; j++) {
                                mean[i][j] += p[i][j];
                                high[i][j] += p[i][j] >= theta ? p[i][j] : 0;
                            }
                        }
                        count++;
                    }
                    double[][] streamed = classMeans.mean(cls, l, h);
                    double[][] streamedHigh = classMeans.thresholdSum(cls, l, h);
                    for (int i = 0; i < mapSize; i++) {
                        for (int j = 0; j < mapSize; j++) {
                            double expected = mean[i][j] / count;
                            // sums of at most 15 values in [0, 1] in double: differences only from order
                            assertEquals(expected, streamed[i][j], 1e-12,
                                    "sink mean, class " + cls + ", layer " + l + ", head " + h);
                            assertEquals(high[i][j], streamedHigh[i][j], 1e-12, "sink thresholded sum");
                        }
                    }
                }
            }
        }
    }

    @Test
    void attentionMapStatisticSinkStreamsTheValuesOfTheCollectedMaps() {
        assertEquals(SAMPLES * config.numHiddenLayers() * config.numAttentionHeads(), statRows.size());
        for (AttentionMapStatisticSink.Row r : statRows) {
            int s = (int) r.sample();
            float[][] p = probs(s, r.layer(), r.head());
            assertEquals(labels[s], r.label());
            assertEquals(rowSumError(p), r.values()[0], 0.0, where(s, r.layer(), r.head()));
            assertEquals(p[0][0], r.values()[1], 0.0, where(s, r.layer(), r.head()));
            assertTrue(r.values()[0] <= 1e-5);
        }
    }
}
