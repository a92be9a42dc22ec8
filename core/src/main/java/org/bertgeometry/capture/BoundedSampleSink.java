package org.bertgeometry.capture;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the full captures of the first {@code maxSamples} samples and counts, rather than keeps, the
 * rest, so that per-sample inspection (heatmaps of individual sequences) cannot exhaust memory.
 * {@link #summary()} says how many were dropped; nothing is dropped silently. "First" means smallest
 * global index ({@link SampleContext#index()}, arrival order when none is given), so that the
 * {@link #merge} of the sinks of several parts of a data set keeps the same samples as one pass.
 */
public final class BoundedSampleSink implements CaptureSink, MergeableState<BoundedSampleSink> {

    /** Tag of this sink's snapshots ({@link Snapshots}). */
    public static final String SNAPSHOT_TAG = "bounded-samples";

    /**
     * One kept sample: its global index, its context (with batch row 0: the row it had in its batch
     * depends on how the data set was split, and the state must not) and its captures by hook name.
     */
    public record StoredSample(long index, SampleContext context, Map<String, CapturedTensor> captures) {
    }

    private final CaptureSpec spec;
    private final int maxSamples;
    private final TreeMap<Long, StoredSample> kept = new TreeMap<>();
    private final Map<Integer, Map<String, CapturedTensor>> pending = new HashMap<>();
    private long done;

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
        if (wouldKeep(sample.indexOr(done + sample.batchRow()))) {
            pending.computeIfAbsent(sample.batchRow(), r -> new LinkedHashMap<>()).put(name, value);
        }
    }

    /** Whether a sample with this index belongs among the first {@code maxSamples} seen so far. */
    private boolean wouldKeep(long index) {
        return kept.size() < maxSamples || (maxSamples > 0 && index < kept.lastKey());
    }

    @Override
    public void sampleDone(SampleContext sample) {
        long index = sample.indexOr(done);   // sampleDone comes in row order, so arrival = samples done
        done++;
        Map<String, CapturedTensor> m = pending.remove(sample.batchRow());
        if (wouldKeep(index)) {
            SampleContext c = new SampleContext(0, sample.inputIds(), sample.label(), sample.predicted(), index);
            keep(new StoredSample(index, c, Collections.unmodifiableMap(m == null ? Map.of() : m)));
        }
    }

    private void keep(StoredSample s) {
        kept.put(s.index(), s);
        if (kept.size() > maxSamples) {
            kept.pollLastEntry();
        }
    }

    /** The kept samples by ascending global index. */
    public List<StoredSample> samples() {
        return List.copyOf(kept.values());
    }

    /** Samples seen but not kept because the limit was reached. */
    public long dropped() {
        return done - kept.size();
    }

    /** Samples seen in total. */
    public long seen() {
        return done;
    }

    /** A one-line account, e.g. "kept 100 of 250 samples; 150 dropped (limit 100)". */
    public String summary() {
        return "kept " + kept.size() + " of " + done + " samples; " + dropped() + " dropped (limit " + maxSamples + ")";
    }

    @Override
    public void merge(BoundedSampleSink other) {
        if (other.maxSamples != maxSamples || !other.spec.equals(spec)) {
            throw new IllegalArgumentException("cannot merge bounded sample sinks made with different settings");
        }
        other.kept.values().forEach(this::keep);
        done += other.done;
    }

    @Override
    public void write(DataOutput out) throws IOException {
        SnapshotIo.writeSelection(out, spec);
        out.writeInt(maxSamples);
        out.writeLong(done);
        out.writeInt(kept.size());
        for (StoredSample s : kept.values()) {
            out.writeLong(s.index());
            SampleContext c = s.context();
            SnapshotIo.writeInts(out, c.inputIds());
            out.writeInt(c.label());
            out.writeInt(c.predicted());
            out.writeInt(s.captures().size());
            for (Map.Entry<String, CapturedTensor> e : s.captures().entrySet()) {
                out.writeUTF(e.getKey());
                SnapshotIo.writeInts(out, e.getValue().shape());
                SnapshotIo.writeInts(out, e.getValue().heads());
                SnapshotIo.writeFloats(out, e.getValue().data());
            }
        }
    }

    /** Reads what {@link #write} wrote. */
    public static BoundedSampleSink read(DataInput in) throws IOException {
        BoundedSampleSink s = new BoundedSampleSink(SnapshotIo.readSelection(in), in.readInt());
        s.done = in.readLong();
        int n = in.readInt();
        List<StoredSample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long index = in.readLong();
            SampleContext c = new SampleContext(0, SnapshotIo.readInts(in), in.readInt(), in.readInt(),
                    index);
            int captures = in.readInt();
            Map<String, CapturedTensor> m = new LinkedHashMap<>();
            for (int k = 0; k < captures; k++) {
                String name = in.readUTF();
                int[] shape = SnapshotIo.readInts(in);
                int[] heads = SnapshotIo.readInts(in);
                m.put(name, new CapturedTensor(shape, SnapshotIo.readFloats(in), heads));
            }
            samples.add(new StoredSample(index, c, Collections.unmodifiableMap(m)));
        }
        samples.forEach(s::keep);
        return s;
    }
}
