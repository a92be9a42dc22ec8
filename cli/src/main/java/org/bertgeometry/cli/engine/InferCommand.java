package org.bertgeometry.cli.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.HookNames;
import org.bertgeometry.checkpoint.ModelLoader;
import org.bertgeometry.cli.OptionChecks;
import org.bertgeometry.cli.ThreadsOption;
import org.bertgeometry.cli.io.LongRunningCommand;
import org.bertgeometry.cli.io.ProgressBar;
import org.bertgeometry.cli.io.Stdio;
import org.bertgeometry.inference.BucketedRun;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.report.table.CsvWriter;
import org.bertgeometry.tokenize.Encoding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bertgeo infer}: hidden states per token. One CSV row per token of every input line,
 * special tokens included: {@code sentence,position,token,h0,h1,...}. Without {@code --layer} the
 * last layer's output; {@code --layer 0} is the embedding output and {@code --layer N} the output of
 * encoder layer N (1-based, Hugging Face's {@code hidden_states[N]}). With {@code --attention-dir}
 * every attention map of every line is written as a {@code .npy} file as well (see
 * {@link AttentionNpySink}), for the file-based geometry commands; the folder is staged and appears
 * only when every line succeeded ({@link StagedFolder}).
 */
@Command(name = "infer", description = "Hidden states of every token of every input line as CSV "
        + "sentence,position,token,h0,h1,...")
public final class InferCommand extends LongRunningCommand {

    @Option(names = "--model", required = true, paramLabel = "PATH", description = "The model (any importable format).")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "TEXT_FILE", description = "One text per line; - for standard input.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "CSV", description = "Where to write the CSV; - for standard output.")
    Path output;

    @Option(names = "--layer", paramLabel = "N", description = "0 = embedding output, N = output of layer N "
            + "(1-based); default: the last layer.")
    Integer layer;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "16", description = "Lines per forward pass "
            + "(default ${DEFAULT-VALUE}).")
    int batchSize;

    /** Batches sorted by length together when only hidden states are kept (a window's rows wait in memory). */
    private static final int WINDOW_BATCHES = 8;

    @Option(names = "--attention-dir", paramLabel = "DIR", description = "Also write every attention map: "
            + "DIR/sentence-<k>/layer<L>-head<H>.npy (k = the CSV's sentence number, L and H 1-based), n x n "
            + "float32 over the line's real tokens. DIR must not exist or be empty; it appears only when all "
            + "lines succeeded.")
    Path attentionDir;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        OptionChecks.atLeast("--batch-size", 1, batchSize);
        List<String> lines = InputLines.read(input);
        // checked before the model loads, so that a refused folder costs nothing
        try (StagedFolder maps = attentionDir == null ? null : StagedFolder.create(attentionDir, "--attention-dir")) {
            try (LoadedBert bert = LoadedBert.open(ModelLoader.load(model))) {
                writeCsv(bert, lines, maps == null ? null : maps.staging());
            } catch (UncheckedIOException e) {
                throw new IOException(e.getMessage(), e.getCause());
            }
            if (maps != null) {
                maps.commit();
            }
        }
        return 0;
    }

    /** The hidden-state CSV, and the attention maps into {@code mapsRoot} unless it is null. */
    private void writeCsv(LoadedBert bert, List<String> lines, Path mapsRoot) throws IOException {
        int layers = bert.checkpoint().config().numHiddenLayers();
        if (layer != null && (layer < 0 || layer > layers)) {
            throw new IllegalArgumentException("--layer must lie in 0.." + layers + " for this " + layers
                    + "-layer model, got " + layer);
        }
        String hook = layer == null ? null
                : layer == 0 ? HookNames.EMBEDDINGS_OUTPUT : HookNames.layerOutput(layer - 1);
        int hidden = bert.checkpoint().config().hiddenSize();
        ProgressBar bar = bar("infer");
        boolean complete = false;
        try (CsvWriter w = Stdio.csv(output, spec)) {
            List<Object> header = new ArrayList<>(List.of("sentence", "position", "token"));
            for (int h = 0; h < hidden; h++) {
                header.add("h" + h);
            }
            w.record(header);
            List<Encoding> enc = new ArrayList<>();
            for (String line : lines) {
                enc.add(bert.tokenizer().encode(line));
            }
            int[] lengths = enc.stream().mapToInt(Encoding::realLength).toArray();
            CaptureSpec capture = hook == null ? CaptureSpec.none() : CaptureSpec.of(hook);
            if (mapsRoot != null) {
                capture = capture.union(CaptureSpec.attentionProbs());
            }
            // batches of similar length, rows still in input order; with maps a window holds every map
            // of its lines, so the window is one batch then
            new BucketedRun(bert.model(), batchSize, mapsRoot == null ? WINDOW_BATCHES : 1).run(lengths,
                    indices -> bert.batch(Arrays.stream(indices).mapToObj(enc::get).toList()), capture, o -> {
                        if (mapsRoot != null) {
                            o.replayTo(new AttentionNpySink(mapsRoot, o.index() + 1));
                        }
                        float[] flat = hook == null ? null : o.captures().get(hook).data();
                        Encoding e = enc.get(o.index());
                        try {
                            for (int p = 0; p < e.realLength(); p++) {
                                List<Object> row = new ArrayList<>(hidden + 3);
                                row.add(o.index() + 1);
                                row.add(p);
                                row.add(e.tokens().get(p));
                                for (int h = 0; h < hidden; h++) {
                                    row.add(flat == null ? o.hidden()[p][h] : flat[p * hidden + h]);
                                }
                                w.record(row);
                            }
                        } catch (IOException ex) {
                            throw new UncheckedIOException(Stdio.name(output, false) + ": " + ex.getMessage(), ex);
                        }
                    }, done -> bar.items(done, lines.size(), "lines"));
            complete = true;
        } finally {
            if (!complete && !Stdio.isDash(output)) {
                Files.deleteIfExists(output); // a CSV cut short must not stay behind looking like a result
            }
        }
        bar.done();
    }
}
