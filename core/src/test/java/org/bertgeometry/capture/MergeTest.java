package org.bertgeometry.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Sink states merge exactly: sums do not depend on the order of terms or parts, "first" samples are
 * chosen by global index, and snapshots round-trip. Expected sums come from BigDecimal, an exact
 * arithmetic independent of {@link ExactSums}.
 */
class MergeTest {

    static final int SEP = 2;

    @Test
    void exactSumsEqualTheBigDecimalSumTruncatedBelowTwoToTheMinus64() {
        Random r = new Random(5);
        double[] terms = new double[2000];
        for (int i = 0; i < terms.length; i++) {
            // mixed magnitudes and signs, where double summation loses bits
            terms[i] = (r.nextBoolean() ? 1 : -1) * r.nextDouble() * Math.pow(10, r.nextInt(20) - 10);
        }
        ExactSums s = new ExactSums(1);
        BigDecimal exact = BigDecimal.ZERO;
        for (double t : terms) {
            s.add(0, t);
            exact = exact.add(new BigDecimal(t));
        }
        // each term is cut to a multiple of 2^-64 toward zero: at most 2000 * 2^-64 off in total
        assertEquals(exact.doubleValue(), s.get(0), 2000 * 0x1p-64 + Math.ulp(exact.doubleValue()));
    }

    @Test
    void exactSumsDoNotDependOnOrderOrGroupingWhereDoublesDo() {
        double[] terms = {1e16, 1.0, -1e16, 1.0, 0.1, 3e-18, -0.7};
        ExactSums forward = new ExactSums(1);
        ExactSums backward = new ExactSums(1);
        double dForward = 0;
        double dBackward = 0;
        for (int i = 0; i < terms.length; i++) {
            forward.add(0, terms[i]);
            backward.add(0, terms[terms.length - 1 - i]);
            dForward += terms[i];
            dBackward += terms[terms.length - 1 - i];
        }
        assertNotEquals(dForward, dBackward, "plain doubles depend on the order here");
        assertEquals(forward, backward);
        ExactSums left = new ExactSums(1);
        ExactSums right = new ExactSums(1);
        for (int i = 0; i < terms.length; i++) {
            (i < 3 ? left : right).add(0, terms[i]);
        }
        left.addAll(right);
        assertEquals(forward, left);
        // 1 + 1 + 0.1 - 0.7 + 3e-18 = 1.4 + 3e-18
        assertEquals(1.4, forward.get(0), 1e-15);
    }

    @Test
    void theFloatPathGivesTheSumsOfTheGeneralPath() {
        Random r = new Random(6);
        ExactSums viaFloat = new ExactSums(4);
        ExactSums viaDouble = new ExactSums(4);
        for (int k = 0; k < 100_000; k++) {
            // probabilities of every magnitude, plus the edges of the fast path and values outside it
            float v = switch (k % 5) {
                case 0 -> r.nextFloat();
                case 1 -> (float) Math.pow(2, -60 * r.nextDouble());
                case 2 -> Math.nextDown(1f);
                case 3 -> 0x1p-40f * (1 + r.nextFloat());
                default -> (r.nextFloat() - 0.5f) * 4;
            };
            viaFloat.add(k % 4, v);
            viaDouble.add(k % 4, (double) v);
        }
        assertEquals(viaDouble, viaFloat);
    }

    @Test
    void exactSumsRefuseNonFiniteTerms() {
        ExactSums s = new ExactSums(1);
        assertThrows(IllegalArgumentException.class, () -> s.add(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> s.add(0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> s.add(0, 0x1p63));
    }

    /** A data set of random maps: sample i has label i % 3, predicted right unless i % 5 == 4. */
    record Sample(SampleContext context, CapturedTensor probs) {
    }

    static List<Sample> dataSet(int n, long seed) {
        Random r = new Random(seed);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int t = 3 + r.nextInt(4);
            int[] ids = new int[t];
            ids[0] = 1;
            for (int k = 1; k < t; k++) {
                ids[k] = 5 + r.nextInt(10);
            }
            ids[t - 1 - r.nextInt(2)] = SEP;
            int heads = 2;
            float[] data = new float[heads * t * t];
            for (int k = 0; k < data.length; k++) {
                data[k] = r.nextFloat();
            }
            int label = i % 3;
            out.add(new Sample(new SampleContext(0, ids, label, i % 5 == 4 ? (label + 1) % 3 : label, i),
                    new CapturedTensor(new int[] {heads, t, t}, data, new int[] {0, 1})));
        }
        return out;
    }

    /** Feeds samples[from, to) in batches of 3, each sample carrying its global index. */
    static <S extends CaptureSink> S feed(S sink, List<Sample> samples, int from, int to) {
        for (int b = from; b < to; b += 3) {
            int end = Math.min(to, b + 3);
            List<SampleContext> batch = new ArrayList<>();
            for (int i = b; i < end; i++) {
                SampleContext c = samples.get(i).context();
                batch.add(new SampleContext(i - b, c.inputIds(), c.label(), c.predicted(), c.index()));
            }
            for (int layer = 0; layer < 2; layer++) {
                for (int i = b; i < end; i++) {
                    sink.accept(batch.get(i - b), HookNames.attentionProbs(layer), samples.get(i).probs());
                }
            }
            batch.forEach(sink::sampleDone);
        }
        return sink;
    }

    /** Splits [0, n) into {@code parts} contiguous ranges, some of them empty when parts > n. */
    static int[] bounds(int n, int parts) {
        int[] b = new int[parts + 1];
        for (int p = 0; p <= parts; p++) {
            b[p] = (int) ((long) n * p / parts);
        }
        return b;
    }

    static <S extends CaptureSink & MergeableState<S>> void assertMergesLikeOnePass(Supplier<S> fresh, String tag,
            List<Sample> data) {
        byte[] onePass = Snapshots.toBytes(tag, feed(fresh.get(), data, 0, data.size()));
        for (int parts : new int[] {1, 3, 7, 40}) {
            int[] b = bounds(data.size(), parts);
            List<S> states = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                states.add(feed(fresh.get(), data, b[p], b[p + 1]));
            }
            // left to right
            S leftToRight = fresh.get();
            states.forEach(leftToRight::merge);
            assertArrayEquals(onePass, Snapshots.toBytes(tag, leftToRight), parts + " parts, merged in order");
            // right to left, regrouped as (last ∘ (… ∘ first)): commutativity and associativity together
            S rightToLeft = fresh.get();
            for (int p = parts - 1; p >= 0; p--) {
                S pair = fresh.get();
                pair.merge(states.get(p));
                pair.merge(rightToLeft);
                rightToLeft = pair;
            }
            assertArrayEquals(onePass, Snapshots.toBytes(tag, rightToLeft), parts + " parts, merged in reverse");
        }
    }

    @Test
    void classMeanStateOfPartsMergesIntoTheStateOfOnePass() {
        List<Sample> data = dataSet(30, 7);
        assertMergesLikeOnePass(() -> new ClassMeanAttentionSink(CaptureSpec.none(), 6, SEP, 0.3, true),
                ClassMeanAttentionSink.SNAPSHOT_TAG, data);
    }

    @Test
    void headBlocksOfPartsMergeIntoTheMapsOfOnePass() {
        List<Sample> data = dataSet(30, 13);
        Supplier<ClassMeanAttentionSink> fresh = () -> new ClassMeanAttentionSink(CaptureSpec.none(), 6, SEP, 0.3, true);
        ClassMeanAttentionSink onePass = feed(fresh.get(), data, 0, data.size());
        byte[] before = onePass.snapshot();
        int[] b = bounds(data.size(), 7);
        for (int layer = 0; layer < 2; layer++) {
            for (int head = 0; head < 2; head++) {
                // each part's block of this head, through its snapshot, merged last part first (as a reduce might)
                ClassMeanAttentionSink merged = fresh.get();
                for (int p = 6; p >= 0; p--) {
                    merged.merge(ClassMeanAttentionSink.fromSnapshot(
                            feed(fresh.get(), data, b[p], b[p + 1]).head(layer, head).snapshot()));
                }
                for (int c = 0; c < 3; c++) {
                    assertEquals(onePass.count(c), merged.count(c));
                    assertEquals(onePass.firstSampleIndex(c), merged.firstSampleIndex(c));
                    for (int i = 0; i < 6; i++) {
                        assertArrayEquals(onePass.mean(c, layer, head)[i], merged.mean(c, layer, head)[i], 0.0);
                        assertArrayEquals(onePass.thresholdSum(c, layer, head)[i],
                                merged.thresholdSum(c, layer, head)[i], 0.0);
                    }
                }
                int l = layer;
                int other = 1 - head;
                assertThrows(IllegalArgumentException.class, () -> merged.mean(0, l, other), "only its own head");
                merged.merge(onePass.head(layer, head));
            }
        }
        assertArrayEquals(before, onePass.snapshot(), "blocks are copies: merging into them leaves the source alone");
        ClassMeanAttentionSink rest = onePass.withoutMaps();
        assertEquals(onePass.count(2), rest.count(2));
        assertEquals(onePass.skippedIncorrect(), rest.skippedIncorrect());
        assertArrayEquals(onePass.firstSampleIds(1), rest.firstSampleIds(1));
        assertThrows(IllegalArgumentException.class, () -> rest.mean(0, 0, 0), "no maps");
    }

    @Test
    void firstSampleOfAClassIsTheSmallestGlobalIndexWhateverTheArrivalOrder() {
        List<Sample> data = dataSet(12, 8);
        // parts fed last-first: sample 0 (class 0) arrives after samples 6..11
        ClassMeanAttentionSink late = feed(new ClassMeanAttentionSink(CaptureSpec.none(), 6, SEP, 0.3, true),
                data, 0, 6);
        ClassMeanAttentionSink merged = feed(new ClassMeanAttentionSink(CaptureSpec.none(), 6, SEP, 0.3, true),
                data, 6, 12);
        merged.merge(late);
        assertEquals(0, merged.firstSampleIndex(0));
        assertArrayEquals(data.get(0).context().inputIds(), merged.firstSampleIds(0));
        // class 1: samples 1, 4 (mispredicted: 4 % 5 == 4), 7, 10 -> first accepted is 1
        assertEquals(1, merged.firstSampleIndex(1));
        assertEquals(12 - 2, merged.count(0) + merged.count(1) + merged.count(2), "samples 4 and 9 mispredicted");
        assertEquals(2, merged.skippedIncorrect());
    }

    @Test
    void boundedSamplesOfPartsMergeIntoTheFirstSamplesOfOnePass() {
        List<Sample> data = dataSet(20, 9);
        assertMergesLikeOnePass(() -> new BoundedSampleSink(CaptureSpec.attentionProbs(), 5),
                BoundedSampleSink.SNAPSHOT_TAG, data);
        BoundedSampleSink back = feed(new BoundedSampleSink(CaptureSpec.attentionProbs(), 5), data, 10, 20);
        back.merge(feed(new BoundedSampleSink(CaptureSpec.attentionProbs(), 5), data, 0, 10));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), back.samples().stream().map(BoundedSampleSink.StoredSample::index)
                .toList());
        assertEquals(15, back.dropped());
        assertArrayEquals(data.get(3).probs().data(),
                back.samples().get(3).captures().get(HookNames.attentionProbs(1)).data());
    }

    @Test
    void attentionMapStatisticSumsOfPartsMergeIntoTheSumsOfOnePass() {
        List<Sample> data = dataSet(25, 10);
        AttentionMapStatistic corner = new AttentionMapStatistic() {
            @Override
            public String name() {
                return "corner";
            }

            @Override
            public double compute(float[][] map, int validLength) {
                return map[0][validLength - 1] * 1e3 + map[0][0] * 1e-9;
            }
        };
        class Summing implements ForwardingSink, MergeableState<Summing> {
            final AttentionMapStatisticSums sums = new AttentionMapStatisticSums(List.of("corner"), 2, 2, true);
            final AttentionMapStatisticSink sink = new AttentionMapStatisticSink(CaptureSpec.none(), List.of(corner), sums);

            @Override
            public CaptureSink target() {
                return sink;
            }

            @Override
            public void merge(Summing other) {
                sums.merge(other.sums);
            }

            @Override
            public void write(java.io.DataOutput out) throws java.io.IOException {
                sums.write(out);
            }
        }
        assertMergesLikeOnePass(Summing::new, AttentionMapStatisticSums.SNAPSHOT_TAG, data);
        Summing all = feed(new Summing(), data, 0, data.size());
        assertEquals(20, all.sums.count(1, 0), "25 samples, 5 mispredicted");
    }

    @Test
    void snapshotsRoundTripAndRefuseOtherTypesAndDamage() {
        List<Sample> data = dataSet(9, 11);
        ClassMeanAttentionSink sink = feed(new ClassMeanAttentionSink(CaptureSpec.none().withLayers(1), 6, SEP, 0.3,
                false), data, 0, 9);
        byte[] bytes = sink.snapshot();
        ClassMeanAttentionSink back = ClassMeanAttentionSink.fromSnapshot(bytes);
        assertArrayEquals(bytes, back.snapshot());
        for (int c = 0; c < 3; c++) {
            assertEquals(sink.count(c), back.count(c));
            for (int h = 0; h < 2; h++) {
                for (int i = 0; i < 6; i++) {
                    assertArrayEquals(sink.mean(c, 1, h)[i], back.mean(c, 1, h)[i], 0.0);
                    assertArrayEquals(sink.thresholdSum(c, 1, h)[i], back.thresholdSum(c, 1, h)[i], 0.0);
                }
            }
        }
        // restored sinks keep accepting samples
        feed(back, data, 0, 3);
        assertEquals(sink.count(0) + 1, back.count(0));
        assertEquals(ClassMeanAttentionSink.SNAPSHOT_TAG, Snapshots.tagOf(bytes));
        assertThrows(IllegalArgumentException.class,
                () -> Snapshots.fromBytes(BoundedSampleSink.SNAPSHOT_TAG, bytes, BoundedSampleSink::read));
        byte[] damaged = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        assertThrows(IllegalArgumentException.class, () -> ClassMeanAttentionSink.fromSnapshot(damaged));
        assertThrows(IllegalArgumentException.class, () -> Snapshots.tagOf(new byte[] {1, 2, 3}), "not a snapshot");
        assertThrows(IllegalArgumentException.class, () -> sink.merge(
                new ClassMeanAttentionSink(CaptureSpec.none(), 6, SEP, 0.3, false)), "different layer selection");
    }

    @Test
    void emptyStatesAreNeutral() {
        List<Sample> data = dataSet(6, 12);
        ClassMeanAttentionSink full = feed(new ClassMeanAttentionSink(CaptureSpec.none(), 6, SEP, 0.3, true), data, 0, 6);
        byte[] before = full.snapshot();
        full.merge(new ClassMeanAttentionSink(CaptureSpec.none(), 6, SEP, 0.3, true));
        assertArrayEquals(before, full.snapshot());
        ClassMeanAttentionSink empty = new ClassMeanAttentionSink(CaptureSpec.none(), 6, SEP, 0.3, true);
        empty.merge(full);
        assertArrayEquals(before, empty.snapshot());
    }
}
