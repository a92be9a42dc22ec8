package org.bertgeometry.capture;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads and writes the small values that state snapshots share: capture specs and arrays ({@link Snapshots}). */
public final class SnapshotIo {

    private SnapshotIo() {
    }

    public static void writeSelection(DataOutput out, CaptureSpec spec) throws IOException {
        out.writeInt(spec.patterns().size());
        for (String p : spec.patterns()) {
            out.writeUTF(p);
        }
        writeSet(out, spec.layers());
        writeSet(out, spec.heads());
    }

    public static CaptureSpec readSelection(DataInput in) throws IOException {
        int n = in.readInt();
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            patterns.add(in.readUTF());
        }
        return new CaptureSpec(patterns, readSet(in), readSet(in));
    }

    private static void writeSet(DataOutput out, Set<Integer> values) throws IOException {
        writeInts(out, new TreeSet<>(values).stream().mapToInt(Integer::intValue).toArray());
    }

    private static Set<Integer> readSet(DataInput in) throws IOException {
        Set<Integer> s = new TreeSet<>();
        for (int v : readInts(in)) {
            s.add(v);
        }
        return s;
    }

    /** Writes the values of an array whose length the reader already knows (from what was written before it). */
    public static void writeFixed(DataOutput out, long[] values) throws IOException {
        for (long v : values) {
            out.writeLong(v);
        }
    }

    /** Reads what {@link #writeFixed(DataOutput, long[])} wrote into {@code into}, of the same length. */
    public static void readFixed(DataInput in, long[] into) throws IOException {
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readLong();
        }
    }

    /** Writes the values of an array whose length the reader already knows (from what was written before it). */
    public static void writeFixed(DataOutput out, int[] values) throws IOException {
        for (int v : values) {
            out.writeInt(v);
        }
    }

    /** Reads what {@link #writeFixed(DataOutput, int[])} wrote into {@code into}, of the same length. */
    public static void readFixed(DataInput in, int[] into) throws IOException {
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readInt();
        }
    }

    public static void writeInts(DataOutput out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    public static int[] readInts(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("corrupt snapshot: negative array length " + n);
        }
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readInt();
        }
        return v;
    }

    public static void writeFloats(DataOutput out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    public static float[] readFloats(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("corrupt snapshot: negative array length " + n);
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }

    public static void writeDoubles(DataOutput out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    public static double[] readDoubles(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("corrupt snapshot: negative array length " + n);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }
}
