package org.bertgeometry.knime.port;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.bertgeometry.knime.port.AttentionCapturePortObject.HeadStatRow;
import org.bertgeometry.knime.port.AttentionCapturePortObject.StoredSample;

/**
 * The one owner of the attention capture's file format, in both directions: the folder of an
 * {@link AttentionCapturePortObject} with its three files of big-endian {@link DataOutputStream} primitives.
 * <ul>
 * <li>{@value #SAMPLES}: sample count, then per sample its row key (UTF), label, prediction, token count t, the
 * t token ids and the {@code [layer][head][query][key]} maps as floats;</li>
 * <li>{@value #CLASS_MEANS}: class count, then per class its id and, per (layer, head), the mean map and the
 * thresholded sum, each {@code mapSize x mapSize} doubles;</li>
 * <li>{@value #HEAD_STATS}: until the end of the file, rows of sample (long), layer, head, label, prediction and
 * one double per statistic.</li>
 * </ul>
 * Writers take plain values (and stream them), so the format can be tested with hand-made content; readers
 * stream the files and cache nothing.
 *
 * @param dir the folder holding the three files
 * @param layers the model's layers
 * @param heads the model's heads per layer
 */
public record CaptureFolder(Path dir, int layers, int heads) {

    /** File of the bounded per-sample maps. */
    public static final String SAMPLES = "samples.bin";

    /** File of the class-mean sums. */
    public static final String CLASS_MEANS = "class-means.bin";

    /** File of the per-sample per-head statistics. */
    public static final String HEAD_STATS = "head-stats.bin";

    /** The three files, in the order above. */
    public static final List<String> FILES = List.of(SAMPLES, CLASS_MEANS, HEAD_STATS);

    /** A class map by (class id, layer, head): the mean, or with {@code threshold} the sum above theta. */
    @FunctionalInterface
    public interface ClassMaps {
        /** @return the {@code mapSize x mapSize} map */
        double[][] map(int cls, int layer, int head, boolean threshold);
    }

    /** Appends per-head statistic rows to {@value #HEAD_STATS}; close it when the capture ends. */
    public final class HeadStatWriter implements AutoCloseable {
        private final DataOutputStream m_out;

        private HeadStatWriter(final DataOutputStream out) {
            m_out = out;
        }

        /** Appends one row. */
        public void write(final HeadStatRow r) throws IOException {
            m_out.writeLong(r.sample());
            m_out.writeInt(r.layer());
            m_out.writeInt(r.head());
            m_out.writeInt(r.label());
            m_out.writeInt(r.predicted());
            for (double v : r.values()) {
                m_out.writeDouble(v);
            }
        }

        @Override
        public void close() throws IOException {
            m_out.close();
        }
    }

    /**
     * Writes {@value #SAMPLES}.
     *
     * @param count how many samples follow
     * @param samples exactly {@code count} samples, each with {@code [layers][heads][t][t]} maps for its t tokens
     * @throws IllegalArgumentException if the count or a sample's shape does not match
     */
    public void writeSamples(final int count, final Iterator<StoredSample> samples) throws IOException {
        try (DataOutputStream out = output(SAMPLES)) {
            out.writeInt(count);
            int written = 0;
            while (samples.hasNext()) {
                writeSample(out, samples.next());
                written++;
            }
            if (written != count) {
                throw new IllegalArgumentException("announced " + count + " stored samples but got " + written);
            }
        }
    }

    private void writeSample(final DataOutputStream out, final StoredSample s) throws IOException {
        int t = s.tokenIds().length;
        out.writeUTF(s.rowKey());
        out.writeInt(s.label());
        out.writeInt(s.predicted());
        out.writeInt(t);
        for (int id : s.tokenIds()) {
            out.writeInt(id);
        }
        if (s.maps().length != layers) {
            throw new IllegalArgumentException("sample " + s.rowKey() + " has maps of " + s.maps().length
                + " layers, expected " + layers);
        }
        for (int l = 0; l < layers; l++) {
            if (s.maps()[l].length != heads) {
                throw new IllegalArgumentException("sample " + s.rowKey() + " layer " + l + " has "
                    + s.maps()[l].length + " heads, expected " + heads);
            }
            for (int h = 0; h < heads; h++) {
                float[][] m = s.maps()[l][h];
                if (m.length != t) {
                    throw new IllegalArgumentException("captured map of layer " + l + " head " + h + " has "
                        + m.length + " rows for " + t + " tokens");
                }
                for (float[] row : m) {
                    if (row.length != t) {
                        throw new IllegalArgumentException("captured map of layer " + l + " head " + h
                            + " has a row of " + row.length + " entries for " + t + " tokens");
                    }
                    for (float v : row) {
                        out.writeFloat(v);
                    }
                }
            }
        }
    }

    /**
     * Writes {@value #CLASS_MEANS}: for each class id in {@code classes}, its maps from {@code maps}.
     *
     * @param mapSize side of every map
     * @throws IllegalArgumentException if a map is not {@code mapSize} square
     */
    public void writeClassMeans(final Collection<Integer> classes, final int mapSize, final ClassMaps maps)
        throws IOException {
        try (DataOutputStream out = output(CLASS_MEANS)) {
            out.writeInt(classes.size());
            for (int c : classes) {
                out.writeInt(c);
                for (int l = 0; l < layers; l++) {
                    for (int h = 0; h < heads; h++) {
                        writeMatrix(out, maps.map(c, l, h, false), mapSize);
                        writeMatrix(out, maps.map(c, l, h, true), mapSize);
                    }
                }
            }
        }
    }

    private static void writeMatrix(final DataOutputStream out, final double[][] m, final int size)
        throws IOException {
        if (m.length != size) {
            throw new IllegalArgumentException("a class map has " + m.length + " rows, expected " + size);
        }
        for (double[] row : m) {
            if (row.length != size) {
                throw new IllegalArgumentException("a class map row has " + row.length + " entries, expected " + size);
            }
            for (double v : row) {
                out.writeDouble(v);
            }
        }
    }

    /** Opens {@value #HEAD_STATS} for writing (replacing what was there). */
    public HeadStatWriter headStatWriter() throws IOException {
        return new HeadStatWriter(output(HEAD_STATS));
    }

    /** @return the stored samples with their full maps, in the order written */
    public List<StoredSample> readSamples() throws IOException {
        List<StoredSample> out = new ArrayList<>();
        try (DataInputStream in = input(SAMPLES)) {
            int n = in.readInt();
            for (int s = 0; s < n; s++) {
                String key = in.readUTF();
                int label = in.readInt();
                int predicted = in.readInt();
                int t = in.readInt();
                int[] ids = new int[t];
                for (int i = 0; i < t; i++) {
                    ids[i] = in.readInt();
                }
                float[][][][] maps = new float[layers][heads][t][t];
                for (float[][][] layer : maps) {
                    for (float[][] head : layer) {
                        for (float[] row : head) {
                            for (int j = 0; j < t; j++) {
                                row[j] = in.readFloat();
                            }
                        }
                    }
                }
                out.add(new StoredSample(key, label, predicted, ids, maps));
            }
        }
        return out;
    }

    /**
     * @return the mean map ({@code threshold} false) or the thresholded sum of class {@code cls} at (layer, head),
     *         {@code mapSize} square, or empty when the file holds no such class
     */
    public Optional<double[][]> readClassMap(final int cls, final int layer, final int head, final boolean threshold,
        final int mapSize) throws IOException {
        long matrixBytes = (long)mapSize * mapSize * Double.BYTES;
        try (DataInputStream in = input(CLASS_MEANS)) {
            int classes = in.readInt();
            for (int c = 0; c < classes; c++) {
                int id = in.readInt();
                if (id != cls) {
                    in.skipNBytes((long)layers * heads * 2 * matrixBytes);
                    continue;
                }
                long before = ((long)layer * heads + head) * 2 + (threshold ? 1 : 0);
                in.skipNBytes(before * matrixBytes);
                double[][] m = new double[mapSize][mapSize];
                for (double[] row : m) {
                    for (int j = 0; j < mapSize; j++) {
                        row[j] = in.readDouble();
                    }
                }
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Streams the per-head statistic rows, {@code statistics} values each, to {@code consumer} in file order. */
    public void forEachHeadStatistic(final int statistics, final Consumer<HeadStatRow> consumer) throws IOException {
        try (DataInputStream in = input(HEAD_STATS)) {
            while (true) {
                long sample;
                try {
                    sample = in.readLong();
                } catch (EOFException e) {
                    return;
                }
                int layer = in.readInt();
                int head = in.readInt();
                int label = in.readInt();
                int predicted = in.readInt();
                double[] v = new double[statistics];
                for (int i = 0; i < statistics; i++) {
                    v[i] = in.readDouble();
                }
                consumer.accept(new HeadStatRow(sample, layer, head, label, predicted, v));
            }
        }
    }

    private DataOutputStream output(final String file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(file)), 1 << 16));
    }

    private DataInputStream input(final String file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve(file)), 1 << 16));
    }
}
