package org.bertgeometry.knime.nodes.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bertgeometry.variants.abstention.AbstentionRule;
import org.bertgeometry.variants.abstention.KmerSignatures;
import org.bertgeometry.variants.abstention.MahalanobisScorer;
import org.bertgeometry.variants.abstention.SignatureCheck;

import org.bertgeometry.knime.port.AttentionCapturePortObject;
import org.bertgeometry.knime.port.AttentionCapturePortObjectSpec;
import org.bertgeometry.knime.port.BertModelPortObject;
import org.bertgeometry.knime.port.BertModelPortObjectSpec;
import org.bertgeometry.knime.testing.ModelFolders;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.knime.testing.FlowVariablesOf;
import java.awt.image.BufferedImage;
import org.bertgeometry.knime.testing.Pictures;
import org.bertgeometry.knime.workflows.PictureSizes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.collection.ListDataValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.bertgeometry.knime.testing.ShimFileStores;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.bertgeometry.knime.testing.ShimExecution;
import org.bertgeometry.knime.testing.ShimNodeRunner;
import org.bertgeometry.knime.testing.InferNodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortUtil;

class InferNodeModelTest {

    private static final String[] TEXTS = {"tok5 tok6", "tok7", "tok8 tok9 tok10", "tok11 tok5", "tok6 tok6 tok6"};
    private static final String[] LABELS = {"neg", "pos", "neg", "pos", "neg"};

    @TempDir
    Path tmp;

    private BertModelPortObject model() throws Exception {
        BertConfig c = ModelFolders.tinyConfig();
        Path folder = ModelFolders.writeRandomModel(tmp.resolve("m"), c, 11, false);
        return new BertModelPortObject(new BertModelPortObjectSpec("m", c, "vocab.txt"),
            ShimFileStores.newFileStore(folder.toFile()));
    }

    private static BufferedDataTable table(final ExecutionContext exec, final int rows) {
        String[][] textsAndLabels = new String[rows][];
        for (int i = 0; i < rows; i++) {
            textsAndLabels[i] = new String[]{TEXTS[i % TEXTS.length], LABELS[i % LABELS.length]};
        }
        return table(exec, textsAndLabels);
    }

    /** @return rows r0, r1, ... of the given text and label */
    private static BufferedDataTable table(final ExecutionContext exec, final String[]... textsAndLabels) {
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("text", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("label", StringCell.TYPE).createSpec());
        BufferedDataContainer c = exec.createDataContainer(spec);
        for (int i = 0; i < textsAndLabels.length; i++) {
            c.addRowToTable(new DefaultRow("r" + i, new StringCell(textsAndLabels[i][0]),
                new StringCell(textsAndLabels[i][1])));
        }
        c.close();
        return c.getTable();
    }

    private static InferNodeModel node(final int batch, final int stored) {
        InferNodeModel m = new InferNodeFactory().createNodeModel();
        m.settings().textModel().setStringValue("text");
        m.settings().labelModel().setStringValue("label");
        m.settings().batchModel().setIntValue(batch);
        m.settings().storedModel().setIntValue(stored);
        m.settings().onlyCorrectModel().setBooleanValue(false);
        return m;
    }

    @Test
    void predictsAndCapturesWithinTheSampleBound() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        InferNodeModel node = node(2, 2);
        PortObject[] out = ShimNodeRunner.execute(node, exec, model(), table(exec, 5));
        assertEquals(java.util.Map.of("infer_rows", 5, "infer_captured_samples", 2), FlowVariablesOf.model(node),
            "5 rows in, at most 2 samples stored");
        BufferedDataTable predictions = (BufferedDataTable)out[0];
        AttentionCapturePortObject capture = (AttentionCapturePortObject)out[1];
        List<DataRow> rows = new ArrayList<>();
        predictions.forEach(rows::add);
        assertEquals(5, rows.size());
        for (DataRow r : rows) {
            double sum = 0;
            for (DataCell p : (ListDataValue)r.getCell(3)) {
                sum += ((DoubleValue)p).getDoubleValue();
            }
            assertEquals(1.0, sum, 1e-9, "probabilities are a softmax");
            assertEquals(8, ((ListDataValue)r.getCell(4)).size(), "[CLS] embedding has hidden size 8");
            assertTrue(r.getCell(5).isMissing(), "a model without abstention.json cannot abstain");
        }

        // memory bound: 5 rows seen, only 2 keep full maps
        assertEquals(5, capture.contents().samplesSeen());
        List<AttentionCapturePortObject.StoredSample> samples = capture.readSamples();
        assertEquals(2, samples.size());
        assertEquals("r0", samples.get(0).rowKey());
        // "tok5 tok6" -> [CLS] tok5 tok6 [SEP] = 4 real tokens; every attention row is a distribution
        assertArrayEquals(new int[]{2, 5, 6, 3}, samples.get(0).tokenIds());
        for (float[][][] layer : samples.get(0).maps()) {
            for (float[][] head : layer) {
                for (float[] row : head) {
                    double s = 0;
                    for (float v : row) {
                        s += v;
                    }
                    assertEquals(1.0, s, 1e-5, "softmax rows sum to 1 (float32 tolerance)");
                }
            }
        }

        // per-sample per-head statistics for all 5 samples: 5 x 2 layers x 2 heads rows; the [CLS] statistic
        // of sample 0 equals the column-0 mean of its stored map
        List<AttentionCapturePortObject.HeadStatRow> stats = new ArrayList<>();
        capture.forEachHeadStatistic(stats::add);
        assertEquals(5 * 2 * 2, stats.size());
        AttentionCapturePortObject.HeadStatRow s0 = stats.stream()
            .filter(r -> r.sample() == 0 && r.layer() == 1 && r.head() == 0).findFirst().orElseThrow();
        float[][] map = samples.get(0).maps()[1][0];
        double colMean = 0;
        for (float[] row : map) {
            colMean += row[0];
        }
        assertEquals(colMean / map.length, s0.values()[1], 1e-6);

        // class means over all labelled samples: neg = rows 0, 2, 4 and pos = rows 1, 3
        assertEquals(List.of("neg", "pos"), capture.contents().classNames());
        assertArrayEquals(new long[]{3, 2}, capture.contents().classCounts());
        // their values: classMeansAreTheSepCutMeansOfTheStoredSampleMaps
    }

    /**
     * The abstention column applies the rule stored in the model folder. A hand-made rule whose distance can never
     * exceed its threshold (zero precision matrix) and whose two classes share the 3-mer signature {CAT} at
     * threshold 1: a text holding "cat" keeps the prediction, one without it is unassigned for its missing
     * signature whatever the model predicts; a probability threshold above 1 adds "low probability" to every row.
     */
    @Test
    void abstentionColumnAppliesTheRuleThatTravelsInTheModelFolder() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        BertModelPortObject model = model();
        SignatureCheck cat = new SignatureCheck(new KmerSignatures(3, 0.5, List.of(Set.of("CAT"), Set.of("CAT"))), 1.0);
        MahalanobisScorer never = new MahalanobisScorer(new double[2][8], new double[8][8]);
        new AbstentionRule(0, 1, never, cat).save(model.getModelFolder());
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("text", StringCell.TYPE).createSpec());
        BufferedDataContainer c = exec.createDataContainer(spec);
        c.addRowToTable(new DefaultRow("a", new StringCell("cat tok5")));
        c.addRowToTable(new DefaultRow("b", new StringCell("tok6 tok7")));
        c.addRowToTable(new DefaultRow("c", DataType.getMissingCell()));
        c.close();
        assertEquals(List.of("assigned", "unassigned: missing signature", "?"),
            abstentionCells(ShimNodeRunner.execute(unlabelled(), exec, model, c.getTable())));

        // each run needs its own execution context (its file store names are unique per context)
        new AbstentionRule(1.01, 1, never, cat).save(model.getModelFolder());
        assertEquals(List.of("unassigned: low probability", "unassigned: low probability; missing signature", "?"),
            abstentionCells(ShimNodeRunner.execute(unlabelled(), ShimExecution.createContext(tmp.resolve("fs2")), model,
                c.getTable())));

        new AbstentionRule(0, 1, new MahalanobisScorer(new double[3][8], new double[8][8]), SignatureCheck.none())
            .save(model.getModelFolder());
        Exception e = assertThrows(Exception.class, () -> ShimNodeRunner.execute(unlabelled(),
            ShimExecution.createContext(tmp.resolve("fs3")), model, c.getTable()));
        assertTrue(e.getMessage().contains("describes 3 classes, the model 2"), e.getMessage());
    }

    private static InferNodeModel unlabelled() {
        InferNodeModel m = node(2, 1);
        m.settings().labelModel().setStringValue("");
        return m;
    }

    private static List<String> abstentionCells(final PortObject[] out) {
        BufferedDataTable t = (BufferedDataTable)out[0];
        int col = t.getDataTableSpec().findColumnIndex("abstention");
        List<String> cells = new ArrayList<>();
        t.forEach(r -> cells.add(r.getCell(col).isMissing() ? "?" : ((StringValue)r.getCell(col)).getStringValue()));
        return cells;
    }

    /**
     * The class means and thresholded sums, recomputed here from the per-sample maps (all five kept) by
     * the rule of docs/capture.md, "Class-mean attention": each map of class c is cut at its [SEP] (that
     * row and column and everything after them count as 0, [CLS] stays, rows are not renormalised) and
     * summed; the mean divides by the class count, the thresholded sum keeps entries of at least theta
     * (0.3) and is not divided. The per-sample maps come from another sink than the class means.
     */
    @Test
    void classMeansAreTheSepCutMeansOfTheStoredSampleMaps() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        AttentionCapturePortObject capture =
            (AttentionCapturePortObject)ShimNodeRunner.execute(node(2, 5), exec, model(), table(exec, 5))[1];
        List<AttentionCapturePortObject.StoredSample> samples = capture.readSamples();
        assertEquals(5, samples.size(), "every sample keeps its maps");
        int sepId = 3; // vocab.txt of ModelFolders: [PAD] [UNK] [CLS] [SEP] ...
        int k = capture.contents().mapSize();
        boolean someBelowTheta = false;
        boolean someAboveTheta = false;
        for (int cls = 0; cls < 2; cls++) {
            for (int layer = 0; layer < 2; layer++) {
                for (int head = 0; head < 2; head++) {
                    double[][] sum = new double[k][k];
                    double[][] high = new double[k][k];
                    int count = 0;
                    for (AttentionCapturePortObject.StoredSample smp : samples) {
                        if (smp.label() != cls) {
                            continue;
                        }
                        count++;
                        int sep = 0;
                        while (smp.tokenIds()[sep] != sepId) {
                            sep++;
                        }
                        float[][] a = smp.maps()[layer][head];
                        for (int i = 0; i < sep; i++) {
                            for (int j = 0; j < sep; j++) {
                                sum[i][j] += a[i][j];
                                high[i][j] += a[i][j] >= 0.3 ? a[i][j] : 0;
                                someBelowTheta |= a[i][j] < 0.3;
                                someAboveTheta |= a[i][j] >= 0.3;
                            }
                        }
                    }
                    assertEquals(cls == 0 ? 3 : 2, count);
                    double[][] mean = capture.classMean(cls, layer, head).orElseThrow();
                    double[][] thresholded = capture.classThresholdSum(cls, layer, head).orElseThrow();
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            assertEquals(sum[i][j] / count, mean[i][j], 1e-9,
                                "class " + cls + " layer " + layer + " head " + head + " mean at " + i + "," + j);
                            assertEquals(high[i][j], thresholded[i][j], 1e-9,
                                "class " + cls + " layer " + layer + " head " + head + " sum >= theta at " + i + "," + j);
                        }
                    }
                }
            }
        }
        assertTrue(someBelowTheta && someAboveTheta, "the threshold must keep some entries and drop others for the "
            + "thresholded sums to test anything");
    }

    @Test
    void thePictureDrawsTheRequestedStoredSamplesOnlyOnRequest() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        BufferedImage none = Pictures.decode(ShimNodeRunner.execute(node(2, 2), exec, model(), table(exec, 3))[2]);
        assertTrue(none.getHeight() <= 40, "by default only a one-line note");
        InferNodeModel drawn = node(2, 2);
        drawn.settings().picture().samplesModel().setIntValue(2);
        drawn.settings().picture().heads().model().setStringValue("0:0, 1:1");
        ExecutionContext second = ShimExecution.createContext(tmp.resolve("fs2"));
        BufferedImage two = Pictures.decode(ShimNodeRunner.execute(drawn, second, model(), table(second, 3))[2]);
        // 2 samples x 2 heads in 2 columns of equal cells with 12-pixel gaps
        assertEquals(0, (two.getWidth() - 3 * 12) % 2, "2 columns: " + two.getWidth());
        assertEquals(0, (two.getHeight() - 3 * 12) % 2, "2 rows: " + two.getHeight());
        assertTrue(Pictures.colours(two) > 10, "attention maps are not uniform");
    }

    @Test
    void aDrawnSampleShowsOnlyItsOwnTokensThoughItSharesABatchWithALongerRow() throws Exception {
        // one batch of two rows: r0 has 5 tokens, r1 9, so r0 runs padded to 9; only r0 is drawn (one head), and
        // its map must be its own 5 x 5 tokens, not the padded 9 x 9 (on a sheet, only the largest chart's size
        // is checked, so this must be the only chart)
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        BufferedDataTable rows = table(exec, new String[]{"tok5 tok6 tok7", "neg"},
            new String[]{"tok5 tok6 tok7 tok8 tok9 tok10 tok11", "pos"});
        InferNodeModel m = node(2, 2);
        m.settings().picture().samplesModel().setIntValue(1);
        m.settings().picture().heads().model().setStringValue("1:0");
        BufferedImage picture = Pictures.decode(ShimNodeRunner.execute(m, exec, model(), rows)[2]);
        PictureSizes.Size own = PictureSizes.of("infer(pixels=512; layer=1; heads=0; r0=[CLS] tok5 tok6 tok7 [SEP])");
        assertEquals(own, new PictureSizes.Size(picture.getWidth(), picture.getHeight()));
    }

    @Test
    void settingsSavedBeforePicturesExistedLoadWithNoHeatmaps() throws Exception {
        NodeSettings old = InferNodeSettings.firstRelease();
        InferNodeModel m = new InferNodeFactory().createNodeModel();
        ShimNodeRunner.loadSettings(m, old);
        assertEquals(0, m.settings().picture().samples());
        assertEquals(512, m.settings().picture().look().pixelBudgetModel().getIntValue());
    }

    @Test
    void captureSurvivesPortSerialisation() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        AttentionCapturePortObject capture =
            (AttentionCapturePortObject)ShimNodeRunner.execute(node(4, 1), exec, model(), table(exec, 3))[1];
        ByteArrayOutputStream specBytes = new ByteArrayOutputStream();
        try (PortObjectSpecZipOutputStream o = PortUtil.getPortObjectSpecZipOutputStream(specBytes)) {
            new AttentionCapturePortObjectSpec.Serializer().savePortObjectSpec(capture.getSpec(), o);
        }
        AttentionCapturePortObjectSpec spec;
        try (PortObjectSpecZipInputStream i =
            PortUtil.getPortObjectSpecZipInputStream(new ByteArrayInputStream(specBytes.toByteArray()))) {
            spec = new AttentionCapturePortObjectSpec.Serializer().loadPortObjectSpec(i);
        }
        assertEquals(capture.getSpec(), spec);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream o = PortUtil.getPortObjectZipOutputStream(bytes)) {
            new AttentionCapturePortObject.Serializer().savePortObject(capture, o, new ExecutionMonitor());
        }
        AttentionCapturePortObject loaded;
        try (PortObjectZipInputStream i =
            PortUtil.getPortObjectZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            loaded = new AttentionCapturePortObject.Serializer().loadPortObject(i, spec, new ExecutionMonitor());
        }
        ShimFileStores.attach(loaded, ShimFileStores.fileStoresOf(capture));
        assertEquals(capture.getSummary(), loaded.getSummary());
        assertArrayEquals(capture.readSamples().get(0).maps()[0][1][0], loaded.readSamples().get(0).maps()[0][1][0]);
    }

    @Test
    void cancelBetweenBatchesLeavesNoOutputAndNoCaptureFiles() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        BufferedDataTable in = table(exec, 5);
        BertModelPortObject m = model();
        ShimExecution.cancelAfterProgressReports(exec, 2);
        assertThrows(CanceledExecutionException.class, () -> ShimNodeRunner.execute(node(1, 2), exec, m, in));
        assertFalse(Files.exists(tmp.resolve("fs").resolve("attention-capture")));
    }

    @Test
    void badSettingsAreRejected() {
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("text", StringCell.TYPE).createSpec());
        BertModelPortObjectSpec ms = new BertModelPortObjectSpec("m", ModelFolders.tinyConfig(), "vocab.txt");
        InferNodeModel m = node(1, 1);
        // label column "label" does not exist in this table
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.configure(m, ms, spec));
        assertTrue(e.getMessage().contains("label"), e.getMessage());
        NodeSettings s = ShimNodeRunner.saveSettings(m);
        s.addDouble(InferSettings.CFG_THETA, 1.5);
        assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.loadSettings(node(1, 1), s));
        InferNodeModel tooLong = node(1, 1);
        tooLong.settings().labelModel().setStringValue("");
        tooLong.settings().maxLengthModel().setIntValue(64); // tiny model has 32 positions
        e = assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.configure(tooLong, ms, spec));
        assertTrue(e.getMessage().contains("32 positions"), e.getMessage());
    }

    @Test
    void missingLabelFailsNamingTheRow() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("text", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("label", StringCell.TYPE).createSpec());
        BufferedDataContainer c = exec.createDataContainer(spec);
        c.addRowToTable(new DefaultRow("first", new StringCell("tok5"), new StringCell("neg")));
        c.addRowToTable(new DefaultRow("unlabelled", new StringCell("tok6"),
            org.knime.core.data.DataType.getMissingCell()));
        c.close();
        BertModelPortObject m = model();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ShimNodeRunner.execute(node(2, 1), exec, m, c.getTable()));
        assertTrue(e.getMessage().contains("unlabelled"), e.getMessage());
    }

    @Test
    void unknownLabelForALabelledModelFailsNamingTheLabels() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("text", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("label", StringCell.TYPE).createSpec());
        BufferedDataContainer c = exec.createDataContainer(spec);
        c.addRowToTable(new DefaultRow("r0", new StringCell("tok5"), new StringCell("neutral")));
        c.close();
        BertModelPortObject m = model();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ShimNodeRunner.execute(node(2, 1), exec, m, c.getTable()));
        assertTrue(e.getMessage().contains("[neg, pos]"), e.getMessage());
    }

    @Test
    void settingsRoundTrip() throws Exception {
        InferNodeModel other = new InferNodeFactory().createNodeModel();
        ShimNodeRunner.loadSettings(other, ShimNodeRunner.saveSettings(node(3, 7)));
        assertEquals(3, other.settings().batchSize());
        assertEquals(7, other.settings().maxStoredSamples());
        assertFalse(other.settings().onlyCorrect());
        assertEquals("label", other.settings().labelModel().getStringValue());
    }
}
