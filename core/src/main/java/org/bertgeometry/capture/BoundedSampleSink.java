package org.bertgeometry.capture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the full captures of the first {@code maxSamples} samples and counts, rather than keeps, the
 * rest, so that per-sample inspection (heatmaps of individual sequences) cannot exhaust memory.
 * {@link #summary()} says how many were dropped; nothing is dropped silently.
 */
public final class BoundedSampleSink implements CaptureSink {

    /** One kept sample: its number in arrival order, its context and its captures by hook name. */
    public record StoredSample(long index, SampleContext context, Map<String, CapturedTensor> captures) {
    }

    private final CaptureSpec spec;
    private final int maxSamples;
    private final List<StoredSample> kept = new ArrayList<>();
    private final Map<Integer, Map<String, CapturedTensor>> pending = new HashMap<>();
    private long done;
    private long dropped;

    /**
     * @param spec       what to keep per sample
     * @param maxSamples how many samples to keep at most (&gt;= 0)
     */
    public BoundedSampleSink(CaptureSpec spec, int maxSamples) {
        if (maxSamples < 0) {
            throw new IllegalArgumentException("maxSamples must be >= 0, got " + maxSamples);
        }
        this.spec = spec;
        this.maxSamples = maxSamples;
    }

    @Override
    public CaptureSpec requires() {
        return spec;
    }

    @Override
    public void accept(SampleContext sample, String name, CapturedTensor value) {
        if (done + sample.batchRow() < maxSamples) {
            pending.computeIfAbsent(sample.batchRow(), r -> new LinkedHashMap<>()).put(name, value);
        }
    }

    @Override
    public void sampleDone(SampleContext sample) {
        long index = done++;
        Map<String, CapturedTensor> m = pending.remove(sample.batchRow());
        if (index < maxSamples) {
            kept.add(new StoredSample(index, sample, Collections.unmodifiableMap(m == null ? Map.of() : m)));
        } else {
            dropped++;
        }
    }

    /** The kept samples in arrival order. */
    public List<StoredSample> samples() {
        return Collections.unmodifiableList(kept);
    }

    /** Samples seen but not kept because the limit was reached. */
    public long dropped() {
        return dropped;
    }

    /** Samples seen in total. */
    public long seen() {
        return done;
    }

    /** A one-line account, e.g. "kept 100 of 250 samples; 150 dropped (limit 100)". */
    public String summary() {
        return "kept " + kept.size() + " of " + done + " samples; " + dropped + " dropped (limit " + maxSamples + ")";
    }
}
