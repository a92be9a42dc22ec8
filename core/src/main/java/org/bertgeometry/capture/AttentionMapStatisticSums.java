package org.bertgeometry.capture;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Per-head sums and counts of the rows of a {@link AttentionMapStatisticSink}, from which per-head means over
 * samples follow; mergeable across parts of a data set because the sums are {@link ExactSums}.
 * With {@code onlyCorrect}, rows of mispredicted samples are left out (the paper aggregates correctly
 * predicted samples only).
 */
public final class AttentionMapStatisticSums implements Consumer<AttentionMapStatisticSink.Row>, MergeableState<AttentionMapStatisticSums> {

    /** Tag of these sums' snapshots ({@link Snapshots}). */
    public static final String SNAPSHOT_TAG = "head-statistic-sums";

    private final List<String> names;
    private final int layers;
    private final int heads;
    private final boolean onlyCorrect;
    private final List<ExactSums> sums = new ArrayList<>();
    private final long[] counts;

    /**
     * @param names       statistic names, in the order of the rows' values
     * @param layers      layers of the model
     * @param heads       heads per layer
     * @param onlyCorrect count only rows whose label equals the prediction
     */
    public AttentionMapStatisticSums(List<String> names, int layers, int heads, boolean onlyCorrect) {
        this.names = List.copyOf(names);
        this.layers = layers;
        this.heads = heads;
        this.onlyCorrect = onlyCorrect;
        for (int i = 0; i < names.size(); i++) {
            sums.add(new ExactSums(layers * heads));
        }
        this.counts = new long[layers * heads];
    }

    @Override
    public void accept(AttentionMapStatisticSink.Row row) {
        if (onlyCorrect && row.label() != row.predicted()) {
            return;
        }
        int cell = row.layer() * heads + row.head();
        for (int s = 0; s < names.size(); s++) {
            sums.get(s).add(cell, row.values()[s]);
        }
        counts[cell]++;
    }

    /** Per layer and head, the mean of statistic {@code name} over the counted rows (NaN where none). */
    public double[][] means(String name) {
        int s = names.indexOf(name);
        if (s < 0) {
            throw new IllegalArgumentException("no statistic '" + name + "'; there are " + names);
        }
        double[][] out = new double[layers][heads];
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                int cell = l * heads + h;
                out[l][h] = counts[cell] == 0 ? Double.NaN : sums.get(s).get(cell) / counts[cell];
            }
        }
        return out;
    }

    /** Rows counted for (layer, head). */
    public long count(int layer, int head) {
        return counts[layer * heads + head];
    }

    @Override
    public void merge(AttentionMapStatisticSums other) {
        if (!other.names.equals(names) || other.layers != layers || other.heads != heads
                || other.onlyCorrect != onlyCorrect) {
            throw new IllegalArgumentException("cannot merge head statistic sums made with different settings");
        }
        for (int s = 0; s < names.size(); s++) {
            sums.get(s).addAll(other.sums.get(s));
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeInt(names.size());
        for (String n : names) {
            out.writeUTF(n);
        }
        out.writeInt(layers);
        out.writeInt(heads);
        out.writeBoolean(onlyCorrect);
        for (ExactSums s : sums) {
            s.write(out);
        }
        SnapshotIo.writeFixed(out, counts);
    }

    /** Reads what {@link #write} wrote. */
    public static AttentionMapStatisticSums read(DataInput in) throws IOException {
        int n = in.readInt();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(in.readUTF());
        }
        AttentionMapStatisticSums s = new AttentionMapStatisticSums(names, in.readInt(), in.readInt(), in.readBoolean());
        for (int i = 0; i < n; i++) {
            s.sums.set(i, ExactSums.read(in));
        }
        SnapshotIo.readFixed(in, s.counts);
        return s;
    }
}
