package org.bertgeometry.knime.nodes.infer;

import java.util.Locale;

/**
 * How much Java heap an attention capture will hold, computed before any weight is loaded, so that
 * a capture that cannot fit fails at once with advice instead of running out of memory hours later.
 * Two parts grow with the settings, not with the table: the class-mean sums (two double maps per
 * class, layer and head) and the per-sample maps kept up to the user's bound (one float map per
 * layer and head and sample). Native memory of one batch is not counted: it is released per batch.
 *
 * @param classes       classes that get class means
 * @param layers        encoder layers
 * @param heads         heads per layer
 * @param mapSide       longest encoding, the side of every stored map
 * @param storedSamples per-sample maps that will be kept (the bound, or fewer rows)
 */
record CaptureMemoryEstimate(int classes, int layers, int heads, int mapSide, long storedSamples) {

    /** Bytes of the class-mean sums: classes x layers x heads x side^2 x 2 doubles. */
    long classMeanBytes() {
        return (long) classes * layers * heads * mapSide * mapSide * 16L;
    }

    /** Bytes of the kept per-sample maps: samples x layers x heads x side^2 floats. */
    long storedSampleBytes() {
        return storedSamples * layers * heads * (long) mapSide * mapSide * 4L;
    }

    long totalBytes() {
        return classMeanBytes() + storedSampleBytes();
    }

    /**
     * Throws when the estimate exceeds {@code availableBytes}, naming both parts and what to change.
     *
     * @param availableBytes heap the capture may use (e.g. 80 % of the free maximum heap)
     */
    void requireFits(long availableBytes) {
        if (totalBytes() <= availableBytes) {
            return;
        }
        throw new IllegalStateException(String.format(Locale.ROOT,
                "The attention capture needs about %s of memory (class means %s for %d classes, stored maps %s for "
                        + "%d samples, %d layers x %d heads of %dx%d) but only %s is available. Lower 'Samples with full "
                        + "attention maps', the maximum sequence length, or the number of classes, or give KNIME "
                        + "more memory (-Xmx in knime.ini).",
                human(totalBytes()), human(classMeanBytes()), classes, human(storedSampleBytes()), storedSamples,
                layers, heads, mapSide, mapSide, human(availableBytes)));
    }

    /** 80 % of the heap this JVM can still grow into. */
    static long availableHeap() {
        Runtime r = Runtime.getRuntime();
        long used = r.totalMemory() - r.freeMemory();
        return (long) ((r.maxMemory() - used) * 0.8);
    }

    static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }
}
