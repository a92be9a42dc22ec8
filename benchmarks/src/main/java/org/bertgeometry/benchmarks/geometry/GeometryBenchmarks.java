package org.bertgeometry.benchmarks.geometry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bertgeometry.benchmarks.RandomAttentionMaps;
import org.bertgeometry.geometry.Directionality;
import org.bertgeometry.geometry.GateClassifier;
import org.bertgeometry.geometry.HeadWeights;
import org.bertgeometry.geometry.SpecialPositions;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertWeights;
import org.bertgeometry.model.HostTensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Costs of the geometry analyses at real sizes, each next to baselines measured in the same JVM
 * (docs/performance.md, "Geometry"): the full directionality table of a BERT-Base-sized model
 * (12 layers x 12 heads, hidden 768, random weights) and the gate statistics of 144 heads of
 * 427 x 427 maps (one case-study sequence), against one EJML 768 x 768 matrix product and one
 * 768 x 768 singular-value decomposition. Run by hand, never by the test command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class GeometryBenchmarks {

    private static final int HIDDEN = 768;
    private static final int LAYERS = 12;
    private static final int HEADS = 12;
    private static final int SEQ = 427;
    private static final int DISTINCT_MAPS = 12;

    private BertConfig config;
    private BertWeights weights;
    private DMatrixRMaj a;
    private DMatrixRMaj b;
    private double[][][] maps;

    @Setup
    public void setUp() {
        Random r = new Random(42);
        config = BertConfig.fromJson("{\"hidden_size\":768,\"num_hidden_layers\":12,\"num_attention_heads\":12,"
                + "\"intermediate_size\":3072,\"vocab_size\":30522}");
        Map<String, HostTensor> m = new HashMap<>();
        for (int l = 0; l < LAYERS; l++) {
            for (String which : List.of("query", "key")) {
                float[] d = new float[HIDDEN * HIDDEN];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (float) (0.02 * r.nextGaussian());
                }
                m.put(HeadWeights.weightName(l, which), new HostTensor(new int[] {HIDDEN, HIDDEN}, d));
            }
        }
        weights = new BertWeights(m);
        a = new DMatrixRMaj(HIDDEN, HIDDEN);
        b = new DMatrixRMaj(HIDDEN, HIDDEN);
        for (int i = 0; i < HIDDEN * HIDDEN; i++) {
            a.data[i] = r.nextGaussian();
            b.data[i] = r.nextGaussian();
        }
        // softmax rows of random scores: realistic, full-rank attention maps
        maps = new double[DISTINCT_MAPS][][];
        for (int k = 0; k < DISTINCT_MAPS; k++) {
            maps[k] = RandomAttentionMaps.softmaxOfGaussian(SEQ, r);
        }
    }

    /** Baseline: one 768 x 768 x 768 matrix product. */
    @Benchmark
    public DMatrixRMaj baselineMatrixMultiply768() {
        DMatrixRMaj c = new DMatrixRMaj(HIDDEN, HIDDEN);
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }

    /** Baseline: singular values of one 768 x 768 matrix. */
    @Benchmark
    public double[] baselineSingularValues768() {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(HIDDEN, HIDDEN, false, false, true);
        svd.decompose(a.copy());
        return svd.getSingularValues();
    }

    /** The directionality table of all 144 heads. */
    @Benchmark
    public List<Directionality.HeadResult> directionalityTable144Heads() {
        return Directionality.ofModel(config, weights, Directionality.Params.defaults());
    }

    /** The directionality table with heads spread over the available cores. */
    @Benchmark
    public List<Directionality.HeadResult> directionalityTable144HeadsParallel() {
        return Directionality.ofModel(config, weights, Directionality.Params.defaults(), true);
    }

    /**
     * Gate labels of 144 heads with the default rank policy (rank only where the directional rule
     * reads it; none of these random maps reaches it), maps spread over the available cores.
     */
    @Benchmark
    public int headStatistics144HeadsRankWhenNeededParallel() {
        List<double[][]> all = new java.util.ArrayList<>();
        for (int h = 0; h < LAYERS * HEADS; h++) {
            all.add(maps[h % DISTINCT_MAPS]);
        }
        return GateClassifier.classifyAll(all, SpecialPositions.bert(SEQ), GateClassifier.Params.defaults(), true)
                .size();
    }

    /** Gate statistics and labels of 144 heads of 427 x 427 maps, rank always computed. */
    @Benchmark
    public int headStatistics144HeadsRankAlways() {
        return classifyAll(GateClassifier.Params.defaults().withRankPolicy(GateClassifier.RankPolicy.ALWAYS));
    }

    /** The same with the default: the rank computed only when the directional-gate rule needs it. */
    @Benchmark
    public int headStatistics144HeadsRankWhenNeeded() {
        return classifyAll(GateClassifier.Params.defaults());
    }

    private int classifyAll(GateClassifier.Params p) {
        int sum = 0;
        SpecialPositions sp = SpecialPositions.bert(SEQ);
        for (int h = 0; h < LAYERS * HEADS; h++) {
            sum += GateClassifier.classify(maps[h % DISTINCT_MAPS], sp, p).label().ordinal();
        }
        return sum;
    }
}
