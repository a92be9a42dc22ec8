package org.bertgeometry.knime.nodes.infer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.bertgeometry.capture.BoundedSampleSink;
import org.bertgeometry.capture.CaptureSink;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.CapturedTensor;
import org.bertgeometry.capture.ClassMeanAttentionSink;
import org.bertgeometry.capture.AttentionMapStatisticSink;
import org.bertgeometry.capture.HookNames;
import org.bertgeometry.capture.SampleContext;
import org.bertgeometry.knime.port.AttentionCapturePortObject;
import org.bertgeometry.knime.port.CaptureFolder;

/**
 * What the Infer node captures while it runs: the full maps of the first samples (bounded) and the streaming
 * class means; the per-head statistics go straight to their file. {@link #write} stores the first two in the
 * capture folder once the run is over.
 *
 * @param bounded keeps the full maps of at most the node's bound of samples
 * @param classMeans sums the [SEP]-cut maps per class (the paper's analysis A1)
 */
record CaptureSinks(BoundedSampleSink bounded, ClassMeanAttentionSink classMeans) {

    /**
     * @param maxStoredSamples samples whose full maps are kept
     * @param survey the first pass, for the map size
     * @param sepId the [SEP] token id at which maps are cut
     * @param theta the threshold of the thresholded sums
     * @param onlyCorrect whether class means take only correctly predicted samples
     */
    static CaptureSinks of(final int maxStoredSamples, final InferInput.Survey survey, final int sepId,
        final double theta, final boolean onlyCorrect) {
        return new CaptureSinks(new BoundedSampleSink(CaptureSpec.attentionProbs(), maxStoredSamples),
            new ClassMeanAttentionSink(CaptureSpec.none(), survey.longest(), sepId, theta, onlyCorrect));
    }

    /** One sink for the run: both sinks here plus per-head statistics streamed to {@code stats}. */
    CaptureSink fanOut(final CaptureFolder.HeadStatWriter stats) {
        AttentionMapStatisticSink statSink = new AttentionMapStatisticSink(CaptureSpec.none(), InferMapStatistics.all(),
            r -> writeStat(stats, r));
        return CaptureSink.fanOut(List.of(bounded, labelledOnly(classMeans), statSink));
    }

    /**
     * Writes the kept samples and the class means into {@code files}.
     *
     * @param keys the row key of every sample run, by sample number
     * @param survey the first pass: class names and map size
     * @return what the capture holds
     */
    AttentionCapturePortObject.Contents write(final CaptureFolder files, final List<String> keys,
        final InferInput.Survey survey) throws IOException {
        files.writeSamples(bounded.samples().size(), bounded.samples().stream()
            .map(s -> stored(s, keys, files.layers(), files.heads())).iterator());
        files.writeClassMeans(classMeans.classes(), survey.longest(),
            (c, l, h, threshold) -> threshold ? classMeans.thresholdSum(c, l, h) : classMeans.mean(c, l, h));
        List<String> classNames = new ArrayList<>(survey.classes().keySet());
        long[] counts = new long[classNames.size()];
        classMeans.classes().forEach(c -> counts[c] = classMeans.count(c));
        return new AttentionCapturePortObject.Contents(keys.size(), bounded.samples().size(), classNames, counts,
            survey.longest());
    }

    /** Class means need a label: without a label column no sample is aggregated. */
    private static CaptureSink labelledOnly(final CaptureSink inner) {
        return new CaptureSink() {
            @Override
            public CaptureSpec requires() {
                return inner.requires();
            }

            @Override
            public void accept(final SampleContext sample, final String name, final CapturedTensor value) {
                if (sample.label() >= 0) {
                    inner.accept(sample, name, value);
                }
            }

            @Override
            public void sampleDone(final SampleContext sample) {
                if (sample.label() >= 0) {
                    inner.sampleDone(sample);
                }
            }
        };
    }

    private static void writeStat(final CaptureFolder.HeadStatWriter out, final AttentionMapStatisticSink.Row r) {
        try {
            out.write(new AttentionCapturePortObject.HeadStatRow(r.sample(), r.layer(), r.head(), r.label(),
                r.predicted(), r.values()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A kept sample as the capture port stores it: its row key and the maps over its real tokens. */
    private static AttentionCapturePortObject.StoredSample stored(final BoundedSampleSink.StoredSample s,
        final List<String> keys, final int layers, final int heads) {
        int t = s.context().validLength();
        int[] ids = new int[t];
        for (int i = 0; i < t; i++) {
            ids[i] = s.context().tokenAt(i);
        }
        float[][][][] maps = new float[layers][heads][][];
        for (int l = 0; l < layers; l++) {
            CapturedTensor probs = s.captures().get(HookNames.attentionProbs(l));
            for (int h = 0; h < heads; h++) {
                maps[l][h] = probs.headMatrix(h);
            }
        }
        return new AttentionCapturePortObject.StoredSample(keys.get((int)s.index()), s.context().label(),
            s.context().predicted(), ids, maps);
    }
}
