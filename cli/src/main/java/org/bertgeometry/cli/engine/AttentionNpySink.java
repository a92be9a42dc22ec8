package org.bertgeometry.cli.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bertgeometry.capture.CaptureSink;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.CapturedTensor;
import org.bertgeometry.capture.HookNames;
import org.bertgeometry.capture.SampleContext;
import org.bertgeometry.cli.geometry.NpyMatrixWriter;

/**
 * Writes every attention map of one batch as it is captured: batch row r becomes input line
 * {@code firstLine + r}, and its map of layer l, head h (0-based in the engine) goes to
 * {@code root/sentence-<line>/layer<l+1>-head<h+1>.npy}, n x n over the line's real tokens. The
 * captured maps are already cropped to the real tokens (docs/capture.md), so no padding reaches a
 * file. Nothing is kept after a map is written; write errors surface as {@link UncheckedIOException}
 * because the sink interface cannot throw checked exceptions.
 */
final class AttentionNpySink implements CaptureSink {

    private final Path root;
    private final int firstLine;

    /**
     * @param root      folder that receives one {@code sentence-<line>} folder per sample
     * @param firstLine line number of batch row 0 (the CSV's {@code sentence} number)
     */
    AttentionNpySink(Path root, int firstLine) {
        this.root = root;
        this.firstLine = firstLine;
    }

    /** The folder of input line {@code line}. */
    static Path sentenceFolder(Path root, int line) {
        return root.resolve("sentence-" + line);
    }

    /** The file name of a map, layer and head 0-based as in the engine. */
    static String fileName(int layer, int head) {
        return "layer" + (layer + 1) + "-head" + (head + 1) + ".npy";
    }

    @Override
    public CaptureSpec requires() {
        return CaptureSpec.attentionProbs();
    }

    @Override
    public void accept(SampleContext sample, String name, CapturedTensor value) {
        int layer = HookNames.layerOf(name);
        if (layer < 0 || !name.equals(HookNames.attentionProbs(layer))) {
            return;
        }
        int[] shape = value.shape();
        int n = sample.validLength();
        if (shape.length != 3 || shape[1] != n || shape[2] != n) {
            throw new IllegalStateException(name + " of batch row " + sample.batchRow() + " has shape "
                    + Arrays.toString(shape) + ", expected (heads, " + n + ", " + n + ")");
        }
        Path folder = sentenceFolder(root, firstLine + sample.batchRow());
        int[] heads = value.heads();
        float[] data = value.data();
        try {
            Files.createDirectories(folder);
            for (int k = 0; k < heads.length; k++) {
                NpyMatrixWriter.write(folder.resolve(fileName(layer, heads[k])), data, k * n * n, n, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot write attention maps: " + e.getMessage(), e);
        }
    }
}
