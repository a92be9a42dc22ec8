package org.bertgeometry.knime.nodes.infer;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bertgeometry.capture.BoundedSampleSink;
import org.bertgeometry.capture.CapturedTensor;
import org.bertgeometry.capture.ClassMeanAttentionSink;
import org.bertgeometry.knime.port.AttentionCapturePortObject;

/**
 * Writes the sample and class-mean files of an {@link AttentionCapturePortObject} in the layout its readers
 * expect (big-endian {@link DataOutputStream} primitives; see the reader methods for the order).
 */
final class CaptureFiles {
    private CaptureFiles() {
    }

    static void writeSamples(final Path dir, final BoundedSampleSink sink, final List<String> keys,
        final int layers, final int heads) throws IOException {
        try (DataOutputStream out = open(dir.resolve(AttentionCapturePortObject.SAMPLES))) {
            out.writeInt(sink.samples().size());
            for (BoundedSampleSink.StoredSample s : sink.samples()) {
                int t = s.context().validLength();
                out.writeUTF(keys.get((int)s.index()));
                out.writeInt(s.context().label());
                out.writeInt(s.context().predicted());
                out.writeInt(t);
                for (int i = 0; i < t; i++) {
                    out.writeInt(s.context().tokenAt(i));
                }
                for (int l = 0; l < layers; l++) {
                    CapturedTensor probs = s.captures().get(InferNodeModel.probsHook(l));
                    for (int h = 0; h < heads; h++) {
                        float[][] m = probs.headMatrix(h);
                        if (m.length != t) {
                            throw new IllegalStateException("captured map of layer " + l + " head " + h + " has "
                                + m.length + " rows for " + t + " tokens");
                        }
                        for (float[] row : m) {
                            for (float v : row) {
                                out.writeFloat(v);
                            }
                        }
                    }
                }
            }
        }
    }

    /** @return the accepted sample count per class id */
    static long[] writeClassMeans(final Path dir, final ClassMeanAttentionSink sink, final int numClasses,
        final int layers, final int heads) throws IOException {
        long[] counts = new long[numClasses];
        try (DataOutputStream out = open(dir.resolve(AttentionCapturePortObject.CLASS_MEANS))) {
            out.writeInt(sink.classes().size());
            for (int c : sink.classes()) {
                counts[c] = sink.count(c);
                out.writeInt(c);
                for (int l = 0; l < layers; l++) {
                    for (int h = 0; h < heads; h++) {
                        writeMatrix(out, sink.mean(c, l, h));
                        writeMatrix(out, sink.thresholdSum(c, l, h));
                    }
                }
            }
        }
        return counts;
    }

    private static void writeMatrix(final DataOutputStream out, final double[][] m) throws IOException {
        for (double[] row : m) {
            for (double v : row) {
                out.writeDouble(v);
            }
        }
    }

    private static DataOutputStream open(final Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }
}
