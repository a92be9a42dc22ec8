package org.bertgeometry.knime.nodes.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.bertgeometry.capture.CaptureSink;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.CapturedTensor;
import org.bertgeometry.capture.SampleContext;
import org.bertgeometry.checkpoint.HuggingFaceFolder;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.knime.port.AttentionCapturePortObject.HeadStatRow;
import org.bertgeometry.knime.port.AttentionCapturePortObject.StoredSample;
import org.bertgeometry.knime.port.CaptureFolder;
import org.bertgeometry.knime.testing.ModelFolders;
import org.bertgeometry.knime.testing.ShimExecution;
import org.bertgeometry.model.BertConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.collection.ListDataValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;

/**
 * Length bucketing in the Infer node. The reference is the same code with a window of one batch: every batch then
 * holds exactly the rows the node ran together before bucketing (consecutive rows in table order), so it computes
 * what the unbucketed node computed. Bucketed and reference runs must agree on the output table (row order exactly,
 * values within 1e-5) and on everything the capture stores. Why 1e-5 and not equality: a row's outputs depend on
 * the padded length of its batch only through float rounding (padded keys get probability exactly 0, but the
 * kernels run on differently shaped arrays); 1e-5 is the batch-versus-alone tolerance of the engine's own tests.
 */
class SortedWindowTest {

    private static final double TOL = 1e-5;
    private static final int BATCH = 2;
    /** The longest row, 10 words plus [CLS] and [SEP]: the side of the class-mean maps. */
    private static final int LONGEST = 12;
    /** Token counts 1..10 in an order that puts long and short rows into the same table-order batches. */
    private static final int[] WORDS = {9, 1, 2, 8, 10, 3, 1, 7, 4, 6, 5, 2};

    @TempDir
    Path tmp;

    @Test
    void aWindowIsRunShortestFirstInBatchesOfTheBatchSize() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        BufferedDataTable table = table(exec);
        InferInput input = input(table, modelFolder());
        List<DataRow> rows = new ArrayList<>();
        table.forEach(rows::add);
        SortedWindow w = SortedWindow.of(rows, input, java.util.Map.of("neg", 0, "pos", 1), 40);
        assertEquals(WORDS.length, w.liveRows(), "row 6 (no text) is not run: " + w.liveRows());
        List<int[]> batches = w.batches(BATCH);
        // rows with text by token count ([CLS] + words + [SEP]); row 6 has none, so live index 6 is table row 7
        int[] expectedOrder = {1, 6, 2, 11, 5, 8, 10, 9, 7, 3, 0, 4};
        int[] flat = batches.stream().flatMapToInt(java.util.Arrays::stream).toArray();
        assertArrayEquals(expectedOrder, flat);
        assertTrue(batches.stream().allMatch(b -> b.length == BATCH));
        assertArrayEquals(new long[]{41, 46}, w.samples(batches.get(0)), "sample numbers follow input order");
    }

    @Test
    void bucketedRunEqualsTheTableOrderBatchesRowForRowAndInTheCapture() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        BufferedDataTable table = table(exec);
        Path model = modelFolder();
        Run plain = run(exec, table, model, 1, "plain");
        Run bucketed = run(exec, table, model, BatchInference.WINDOW_BATCHES, "bucketed");

        // the bucketed run really ran rows out of table order
        List<Long> sorted = new ArrayList<>(bucketed.arrival);
        sorted.sort(Comparator.naturalOrder());
        assertNotEquals(sorted, bucketed.arrival);
        assertEquals(sorted, new ArrayList<>(plain.arrival).stream().sorted().toList());

        // output table: same rows in the same order, missing cells for the row without text, values within TOL
        assertEquals(WORDS.length + 1, plain.rows.size());
        assertEquals(plain.rows.size(), bucketed.rows.size());
        for (int i = 0; i < plain.rows.size(); i++) {
            DataRow a = plain.rows.get(i);
            DataRow b = bucketed.rows.get(i);
            assertEquals(a.getKey(), b.getKey());
            assertEquals(a.getNumCells(), b.getNumCells());
            for (int c = 0; c < a.getNumCells(); c++) {
                assertCellsClose(a.getCell(c), b.getCell(c), a.getKey() + " column " + c);
            }
        }
        assertTrue(plain.rows.get(6).getCell(2).isMissing(), "the row without text passes through");
        assertEquals(plain.keys, bucketed.keys);

        // stored samples: the same rows (smallest sample numbers), tokens, labels, predictions and maps
        List<StoredSample> sa = plain.files.readSamples();
        List<StoredSample> sb = bucketed.files.readSamples();
        assertEquals(5, sa.size());
        assertEquals(sa.size(), sb.size());
        for (int s = 0; s < sa.size(); s++) {
            assertEquals(sa.get(s).rowKey(), sb.get(s).rowKey());
            assertArrayEquals(sa.get(s).tokenIds(), sb.get(s).tokenIds());
            assertEquals(sa.get(s).label(), sb.get(s).label());
            assertEquals(sa.get(s).predicted(), sb.get(s).predicted());
            assertMapsClose(sa.get(s).maps(), sb.get(s).maps(), sa.get(s).rowKey());
        }

        // class means and thresholded sums of both classes
        for (int cls = 0; cls < 2; cls++) {
            for (int l = 0; l < 2; l++) {
                for (int h = 0; h < 2; h++) {
                    for (boolean threshold : new boolean[]{false, true}) {
                        Optional<double[][]> a = plain.files.readClassMap(cls, l, h, threshold, LONGEST);
                        Optional<double[][]> b = bucketed.files.readClassMap(cls, l, h, threshold, LONGEST);
                        assertTrue(a.isPresent() && b.isPresent());
                        for (int i = 0; i < a.get().length; i++) {
                            assertArrayEquals(a.get()[i], b.get()[i], TOL, "class " + cls + " " + l + ":" + h);
                        }
                    }
                }
            }
        }

        // per-head statistics: the same rows (their file order follows the run order), values within TOL
        List<HeadStatRow> ha = plain.stats();
        List<HeadStatRow> hb = bucketed.stats();
        assertEquals(WORDS.length * 2 * 2, ha.size());
        assertEquals(ha.size(), hb.size());
        for (int i = 0; i < ha.size(); i++) {
            assertEquals(List.of(ha.get(i).sample(), ha.get(i).layer(), ha.get(i).head(), ha.get(i).label(),
                ha.get(i).predicted()), List.of(hb.get(i).sample(), hb.get(i).layer(), hb.get(i).head(),
                    hb.get(i).label(), hb.get(i).predicted()));
            assertArrayEquals(ha.get(i).values(), hb.get(i).values(), TOL);
        }
    }

    /** What one run leaves: output rows, sample keys, the capture folder and the order samples reached the sinks. */
    private record Run(List<DataRow> rows, List<String> keys, CaptureFolder files, List<Long> arrival) {
        List<HeadStatRow> stats() throws Exception {
            List<HeadStatRow> out = new ArrayList<>();
            files.forEachHeadStatistic(InferMapStatistics.all().size(), out::add);
            out.sort(Comparator.comparingLong(HeadStatRow::sample).thenComparingInt(HeadStatRow::layer)
                .thenComparingInt(HeadStatRow::head));
            return out;
        }
    }

    private Run run(final ExecutionContext exec, final BufferedDataTable table, final Path model,
        final int windowBatches, final String name) throws Exception {
        BertConfig c = ModelFolders.tinyConfig();
        InferInput input = input(table, model);
        InferInput.Survey survey = input.survey(c.labels(), exec);
        CaptureSinks sinks = CaptureSinks.of(5, survey, 3, 0.3, false);
        CaptureFolder files = new CaptureFolder(tmp.resolve(name), c.numHiddenLayers(), c.numAttentionHeads());
        Files.createDirectories(files.dir());
        BufferedDataContainer out = exec.createDataContainer(InferNodeModel.outputSpec(table.getDataTableSpec()));
        List<String> keys = new ArrayList<>();
        List<Long> arrival = new ArrayList<>();
        try (CaptureFolder.HeadStatWriter stats = files.headStatWriter();
                LoadedBert bert = LoadedBert.open(HuggingFaceFolder.load(model), 32)) {
            CaptureSink sink = CaptureSink.fanOut(List.of(sinks.fanOut(stats), arrivalOrder(arrival)));
            new BatchInference(input, bert.model(), survey.classes(), sink, out, keys, new AbstentionColumn(null))
                .runAll(BATCH, windowBatches, exec);
        }
        out.close();
        sinks.write(files, keys, survey);
        List<DataRow> rows = new ArrayList<>();
        out.getTable().forEach(rows::add);
        return new Run(rows, keys, files, arrival);
    }

    private static CaptureSink arrivalOrder(final List<Long> into) {
        return new CaptureSink() {
            @Override
            public CaptureSpec requires() {
                return CaptureSpec.none();
            }

            @Override
            public void accept(final SampleContext sample, final String name, final CapturedTensor value) {
            }

            @Override
            public void sampleDone(final SampleContext sample) {
                into.add(sample.index());
            }
        };
    }

    private Path modelFolder() throws Exception {
        Path folder = tmp.resolve("model");
        if (!Files.exists(folder)) {
            ModelFolders.writeRandomModel(folder, ModelFolders.tinyConfig(), 11, false);
        }
        return folder;
    }

    private static InferInput input(final BufferedDataTable table, final Path model) throws Exception {
        return new InferInput(table, 0, 1, LoadedBert.openTokenizer(model, 32));
    }

    /** Rows of WORDS[i] words, labels alternating, and one row without text after the sixth. */
    private static BufferedDataTable table(final ExecutionContext exec) {
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("text", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("label", StringCell.TYPE).createSpec());
        BufferedDataContainer c = exec.createDataContainer(spec);
        int row = 0;
        for (int i = 0; i < WORDS.length; i++) {
            if (i == 6) {
                c.addRowToTable(new DefaultRow("r" + row++, DataType.getMissingCell(), new StringCell("neg")));
            }
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < WORDS[i]; w++) {
                text.append(w == 0 ? "" : " ").append("tok").append(5 + (i + 3 * w) % 7);
            }
            c.addRowToTable(new DefaultRow("r" + row++, new StringCell(text.toString()),
                new StringCell(i % 2 == 0 ? "neg" : "pos")));
        }
        c.close();
        return c.getTable();
    }

    private static void assertCellsClose(final DataCell a, final DataCell b, final String what) {
        assertEquals(a.isMissing(), b.isMissing(), what);
        if (a instanceof ListDataValue la) {
            ListDataValue lb = (ListDataValue)b;
            assertEquals(la.size(), lb.size(), what);
            for (int i = 0; i < la.size(); i++) {
                assertCellsClose(la.get(i), lb.get(i), what + "[" + i + "]");
            }
        } else if (a instanceof DoubleValue da) {
            assertEquals(da.getDoubleValue(), ((DoubleValue)b).getDoubleValue(), TOL, what);
        } else {
            assertEquals(a, b, what);
        }
    }

    private static void assertMapsClose(final float[][][][] a, final float[][][][] b, final String what) {
        for (int l = 0; l < a.length; l++) {
            for (int h = 0; h < a[l].length; h++) {
                for (int i = 0; i < a[l][h].length; i++) {
                    assertArrayEquals(a[l][h][i], b[l][h][i], (float)TOL, what + " " + l + ":" + h + " row " + i);
                }
            }
        }
    }
}
