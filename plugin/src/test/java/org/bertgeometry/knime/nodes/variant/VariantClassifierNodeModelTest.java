package org.bertgeometry.knime.nodes.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bertgeometry.knime.port.BertModelPortObject;
import org.bertgeometry.knime.port.BertModelPortObjectSpec;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.HuggingFaceFolder;
import org.bertgeometry.variants.VariantClass;
import org.bertgeometry.variants.abstention.AbstentionRule;
import org.bertgeometry.variants.reference.SarsCov2Reference;
import org.bertgeometry.variants.simulation.NoiseModel;
import org.bertgeometry.variants.simulation.SimulatedGenome;
import org.bertgeometry.variants.simulation.VariantSimulator;
import org.bertgeometry.knime.testing.FlowVariablesOf;
import java.awt.image.BufferedImage;
import org.bertgeometry.knime.testing.Pictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.bertgeometry.knime.testing.ShimExecution;
import org.bertgeometry.knime.testing.ShimNodeRunner;
import org.knime.core.node.port.PortObjectSpec;

class VariantClassifierNodeModelTest {

    @TempDir
    Path tmp;

    private static final DataTableSpec SPEC = new DataTableSpec(
        new DataColumnSpecCreator("sequence", StringCell.TYPE).createSpec(),
        new DataColumnSpecCreator("variant", StringCell.TYPE).createSpec(),
        new DataColumnSpecCreator("n", IntCell.TYPE).createSpec());

    /** Noise-free simulated spikes, {@code perClass} of each of the given classes, labelled by class key. */
    private static BufferedDataTable simulated(final ExecutionContext exec, final int perClass, final long seed,
        final VariantClass... classes) {
        Map<VariantClass, Integer> sizes = new java.util.EnumMap<>(VariantClass.class);
        for (VariantClass c : classes) {
            sizes.put(c, perClass);
        }
        List<SimulatedGenome> g =
            VariantSimulator.withDefaults().withNoise(NoiseModel.none()).simulateDataset(sizes, seed);
        BufferedDataContainer c = exec.createDataContainer(SPEC);
        for (int i = 0; i < g.size(); i++) {
            c.addRowToTable(new DefaultRow(g.get(i).id(), new StringCell(g.get(i).spike()),
                new StringCell(g.get(i).variantClass().key()), new IntCell(i)));
        }
        c.close();
        return c.getTable();
    }

    private static VariantClassifierNodeModel tinyNode() {
        VariantClassifierNodeModel m = new VariantClassifierNodeFactory().createNodeModel();
        m.settings().setColumns("sequence", "variant");
        m.settings().setPreset(org.bertgeometry.variants.classifier.VariantPreset.TINY);
        m.settings().setEpochs(1);
        m.settings().setBatchSize(2);
        return m;
    }

    @Test
    void tinyPresetTrainsAModelWithSortedLabelsAndOneHistoryRowPerEpoch() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        BufferedDataTable train = simulated(exec, 3, 1, VariantClass.DELTA, VariantClass.ALPHA);
        BufferedDataTable val = simulated(exec, 1, 2, VariantClass.DELTA, VariantClass.ALPHA);
        VariantClassifierNodeModel m = tinyNode();
        PortObjectSpec[] specs = ShimNodeRunner.configure(m, null, train.getDataTableSpec(), val.getDataTableSpec());
        assertNull(specs[0], "the model spec depends on the data");
        assertEquals(VariantClassifierNodeModel.historySpec(), specs[1]);
        var out = ShimNodeRunner.execute(m, exec, null, train, val);
        BertModelPortObject model = (BertModelPortObject)out[0];
        // class keys in ascending string order: "alpha" < "delta"
        assertEquals(List.of("alpha", "delta"), model.getSpec().config().labels());
        BertCheckpoint saved = HuggingFaceFolder.load(model.getModelFolder());
        assertEquals(model.getSpec().config(), saved.config());
        assertEquals("kmer", saved.tokenizerConfig().get(org.bertgeometry.tokenize.TokenizerFactory.KIND));
        List<DataRow> history = new ArrayList<>();
        ((BufferedDataTable)out[1]).forEach(history::add);
        assertEquals(1, history.size());
        assertEquals(1, ((IntValue)history.get(0).getCell(0)).getIntValue());
        double acc = ((DoubleValue)history.get(0).getCell(3)).getDoubleValue();
        // 2 validation rows: accuracy is 0, 0.5 or 1
        assertTrue(acc == 0 || acc == 0.5 || acc == 1, "accuracy " + acc);
        // the flow variables are the history row marked best (the only epoch here)
        assertEquals(java.util.Map.of("variant_best_epoch", 1, "variant_validation_accuracy", acc,
            "variant_validation_loss", ((DoubleValue)history.get(0).getCell(2)).getDoubleValue()),
            FlowVariablesOf.model(m));
        assertTrue(((BooleanValue)history.get(0).getCell(6)).getBooleanValue(), "epoch 1 is marked best");
        // the picture: training curves of the chosen size beside the 2 x 2 validation confusion matrix
        BufferedImage picture = Pictures.decode(out[2]);
        assertTrue(picture.getWidth() > 800 && picture.getHeight() >= 480, picture.getWidth() + " x " + picture.getHeight());
        assertTrue(Pictures.colours(picture) > 3, "curves, matrix and text");
        assertTrue(((DoubleValue)history.get(0).getCell(1)).getDoubleValue() > 0, "cross-entropy is positive");
        List<Double> progress = ShimExecution.progress(exec);
        // 6 training rows, batch 2: 3 batches, each reporting progress
        assertTrue(progress.size() >= 3, "progress per batch: " + progress);

        // the abstention rule travels in the model folder; each class's signature holds exactly the 12-mers that
        // are absent from the reference spike and occur in at least 2 of its 3 training spikes (counted here with
        // String.contains, independently of the k-mer sets the engine builds)
        AbstentionRule rule = AbstentionRule.load(model.getModelFolder());
        assertTrue(rule.signature().present());
        List<String> spikes = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        train.forEach(r -> {
            spikes.add(((org.knime.core.data.StringValue)r.getCell(0)).getStringValue());
            keys.add(((org.knime.core.data.StringValue)r.getCell(1)).getStringValue());
        });
        String reference = SarsCov2Reference.load().spike();
        for (int c = 0; c < 2; c++) {
            String label = List.of("alpha", "delta").get(c);
            java.util.Set<String> expected = new java.util.TreeSet<>();
            for (int i = 0; i < spikes.size(); i++) {
                String s = spikes.get(i);
                for (int p = 0; keys.get(i).equals(label) && p + 12 <= s.length(); p++) {
                    String kmer = s.substring(p, p + 12);
                    long carriers = java.util.stream.IntStream.range(0, spikes.size())
                        .filter(j -> keys.get(j).equals(label) && spikes.get(j).contains(kmer)).count();
                    if (!reference.contains(kmer) && kmer.matches("[ACGT]+") && carriers >= 2) {
                        expected.add(kmer);
                    }
                }
            }
            assertFalse(expected.isEmpty(), label + " differs from the reference");
            assertEquals(expected, rule.signature().signatures().classes().get(c), label);
        }

        // the trained model survives KNIME's save/load of the port: spec (with labels) and file store reattached
        BertModelPortObject loaded = roundTrip(model);
        assertEquals(model.getSpec(), loaded.getSpec());
        assertEquals(model.getModelFolder(), loaded.getModelFolder());
    }

    private static BertModelPortObject roundTrip(final BertModelPortObject po) throws Exception {
        var specBytes = new java.io.ByteArrayOutputStream();
        try (var out = org.knime.core.node.port.PortUtil.getPortObjectSpecZipOutputStream(specBytes)) {
            new BertModelPortObjectSpec.Serializer().savePortObjectSpec(po.getSpec(), out);
        }
        BertModelPortObjectSpec spec;
        try (var in = org.knime.core.node.port.PortUtil.getPortObjectSpecZipInputStream(
            new java.io.ByteArrayInputStream(specBytes.toByteArray()))) {
            spec = new BertModelPortObjectSpec.Serializer().loadPortObjectSpec(in);
        }
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = org.knime.core.node.port.PortUtil.getPortObjectZipOutputStream(bytes)) {
            new BertModelPortObject.Serializer().savePortObject(po, out, new org.knime.core.node.ExecutionMonitor());
        }
        BertModelPortObject loaded;
        try (var in = org.knime.core.node.port.PortUtil.getPortObjectZipInputStream(
            new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            loaded = new BertModelPortObject.Serializer().loadPortObject(in, spec,
                new org.knime.core.node.ExecutionMonitor());
        }
        org.bertgeometry.knime.testing.ShimFileStores.attach(loaded,
            org.bertgeometry.knime.testing.ShimFileStores.fileStoresOf(po));
        return loaded;
    }

    @Test
    void withoutValidationTableAStratifiedShareIsHeldOut() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        BufferedDataTable train = simulated(exec, 4, 3, VariantClass.GAMMA, VariantClass.BETA);
        VariantClassifierNodeModel m = tinyNode();
        m.settings().setValidationFraction(0.25);
        var out = ShimNodeRunner.execute(m, exec, null, train, null);
        assertEquals(List.of("beta", "gamma"), ((BertModelPortObject)out[0]).getSpec().config().labels());
        double acc = ((DoubleValue)((BufferedDataTable)out[1]).iterator().next().getCell(3)).getDoubleValue();
        // ceil(0.25 * 8) = 2 held-out rows, one per class: accuracy in {0, 0.5, 1}, never NaN
        assertTrue(acc == 0 || acc == 0.5 || acc == 1, "accuracy " + acc);
    }

    @Test
    void basePresetFineTunesTheConnectedModelGrowingItsVocabularyAndWarnsAboutTruncation() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        // the connected model: 2 layers, hidden 8, 12 WordPiece tokens, labels neg/pos, only 32 positions
        var config = org.bertgeometry.knime.testing.ModelFolders.tinyConfig();
        Path folder = org.bertgeometry.knime.testing.ModelFolders.writeRandomModel(tmp.resolve("base"), config, 3,
            false);
        BertModelPortObject base = new BertModelPortObject(new BertModelPortObjectSpec("base", config, "vocab.txt"),
            org.bertgeometry.knime.testing.ShimFileStores.newFileStore(folder.toFile()));
        BufferedDataTable train = simulated(exec, 2, 1, VariantClass.OMICRON, VariantClass.MU);
        BufferedDataTable val = simulated(exec, 1, 2, VariantClass.OMICRON, VariantClass.MU);
        VariantClassifierNodeModel m = tinyNode();
        m.settings().setPreset(org.bertgeometry.variants.classifier.VariantPreset.BASE);
        var out = ShimNodeRunner.execute(m, exec, base, train, val);
        var tuned = ((BertModelPortObject)out[0]).getSpec().config();
        assertEquals(2, tuned.numHiddenLayers(), "the base model's architecture is kept");
        assertEquals(8, tuned.hiddenSize());
        assertEquals(List.of("mu", "omicron"), tuned.labels(), "a new head for the training classes");
        assertTrue(tuned.vocabSize() > 12, "k-mers appended to the 12 base tokens: " + tuned.vocabSize());
        List<String> vocab = HuggingFaceFolder.load(((BertModelPortObject)out[0]).getModelFolder()).vocabulary();
        assertEquals(org.bertgeometry.knime.testing.ModelFolders.vocabulary(12), vocab.subList(0, 12),
            "the base vocabulary comes first, unchanged");
        // a spike of ~3,800 nt has ~420 12-mers at stride 9, far more than the 30 that 32 positions allow
        assertTrue(ShimNodeRunner.warning(m).orElse("").contains("4 training sequence(s)"),
            ShimNodeRunner.warning(m).orElse("no warning"));
    }

    @Test
    void singleClassIsAnErrorNamingTheClass() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        BufferedDataTable train = simulated(exec, 3, 1, VariantClass.ALPHA);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ShimNodeRunner.execute(tinyNode(), exec, null, train, null));
        assertTrue(e.getMessage().contains("single class (alpha)"), e.getMessage());
    }

    @Test
    void missingLabelIsAnErrorNamingTheRow() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        BufferedDataContainer c = exec.createDataContainer(SPEC);
        c.addRowToTable(new DefaultRow("r0", new StringCell("ACGT"), new StringCell("a"), new IntCell(0)));
        c.addRowToTable(new DefaultRow("r1", new StringCell("ACGT"), DataType.getMissingCell(), new IntCell(1)));
        c.close();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ShimNodeRunner.execute(tinyNode(), exec, null, c.getTable(), null));
        assertTrue(e.getMessage().contains("'r1'") && e.getMessage().contains("missing label"), e.getMessage());
    }

    @Test
    void configureRejectsMissingAndNonStringColumnsAndBaseWithoutModel() {
        VariantClassifierNodeModel unset = new VariantClassifierNodeFactory().createNodeModel();
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> ShimNodeRunner.configure(unset, null, SPEC, null));
        assertTrue(e.getMessage().contains("Choose the sequence column"), e.getMessage());
        VariantClassifierNodeModel wrongType = tinyNode();
        wrongType.settings().setColumns("sequence", "n");
        e = assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.configure(wrongType, null, SPEC, null));
        assertTrue(e.getMessage().contains("'n'") && e.getMessage().contains("does not hold strings"),
            e.getMessage());
        VariantClassifierNodeModel absent = tinyNode();
        absent.settings().setColumns("seq", "variant");
        e = assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.configure(absent, null, SPEC, null));
        assertTrue(e.getMessage().contains("no column 'seq'"), e.getMessage());
        DataTableSpec valSpec = new DataTableSpec(new DataColumnSpecCreator("sequence", StringCell.TYPE).createSpec());
        e = assertThrows(InvalidSettingsException.class,
            () -> ShimNodeRunner.configure(tinyNode(), null, SPEC, valSpec));
        assertTrue(e.getMessage().contains("validation table has no column 'variant'"), e.getMessage());
        VariantClassifierNodeModel base = tinyNode();
        base.settings().setPreset(org.bertgeometry.variants.classifier.VariantPreset.BASE);
        e = assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.configure(base, null, SPEC, null));
        assertTrue(e.getMessage().contains("BASE"), e.getMessage());
    }

    @Test
    void connectedModelIsIgnoredWithAWarningForFromScratchPresets() throws Exception {
        VariantClassifierNodeModel m = tinyNode();
        BertModelPortObjectSpec ms =
            new BertModelPortObjectSpec("m", org.bertgeometry.knime.testing.ModelFolders.tinyConfig(), "vocab.txt");
        ShimNodeRunner.configure(m, ms, SPEC, null);
        assertTrue(ShimNodeRunner.warning(m).orElse("").contains("ignored"));
    }

    @Test
    void badSettingsAreRejected() {
        NodeSettings s = ShimNodeRunner.saveSettings(tinyNode());
        s.addString(VariantClassifierSettings.CFG_PRESET, "HUGE");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> ShimNodeRunner.loadSettings(new VariantClassifierNodeFactory().createNodeModel(), s));
        assertTrue(e.getMessage().contains("HUGE"), e.getMessage());
        NodeSettings f = ShimNodeRunner.saveSettings(tinyNode());
        f.addDouble(VariantClassifierSettings.CFG_VALIDATION_FRACTION, 1.0);
        assertThrows(InvalidSettingsException.class,
            () -> ShimNodeRunner.loadSettings(new VariantClassifierNodeFactory().createNodeModel(), f));
        NodeSettings lr = ShimNodeRunner.saveSettings(tinyNode());
        lr.addDouble(VariantClassifierSettings.CFG_LEARNING_RATE, -1e-3);
        assertThrows(InvalidSettingsException.class,
            () -> ShimNodeRunner.loadSettings(new VariantClassifierNodeFactory().createNodeModel(), lr));
        NodeSettings epochs = ShimNodeRunner.saveSettings(tinyNode());
        epochs.addInt(VariantClassifierSettings.CFG_EPOCHS, -1);
        assertThrows(InvalidSettingsException.class,
            () -> ShimNodeRunner.loadSettings(new VariantClassifierNodeFactory().createNodeModel(), epochs));
    }

    @Test
    void settingsRoundTripAndZeroMeansThePresetsValue() throws Exception {
        VariantClassifierNodeModel m = tinyNode();
        m.settings().setLearningRate(5e-4);
        m.settings().setSeed(7);
        m.settings().setPatience(2);
        VariantClassifierNodeModel other = new VariantClassifierNodeFactory().createNodeModel();
        ShimNodeRunner.loadSettings(other, ShimNodeRunner.saveSettings(m));
        var t = other.settings().training();
        assertEquals(1, t.epochs());
        assertEquals(2, t.batchSize());
        assertEquals(5e-4, t.optimizer().learningRate());
        assertEquals(7, t.seed());
        assertEquals(2, t.earlyStoppingPatience());
        assertEquals("variant", other.settings().labelColumnModel().getStringValue());
        VariantClassifierNodeModel defaults = new VariantClassifierNodeFactory().createNodeModel();
        // defaults: SMALL's own schedule (VariantPreset.SMALL: 10 epochs, batch 8, lr 2e-3)
        assertEquals(10, defaults.settings().training().epochs());
        assertEquals(8, defaults.settings().training().batchSize());
        assertEquals(2e-3, defaults.settings().training().optimizer().learningRate());
    }

    @Test
    void cancelMidTrainingLeavesNoOutputAndNoModelFiles() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        BufferedDataTable train = simulated(exec, 3, 1, VariantClass.DELTA, VariantClass.ALPHA);
        BufferedDataTable val = simulated(exec, 1, 2, VariantClass.DELTA, VariantClass.ALPHA);
        ShimExecution.cancelAfterProgressReports(exec, 1);
        assertThrows(CanceledExecutionException.class,
            () -> ShimNodeRunner.execute(tinyNode(), exec, null, train, val));
        if (!Files.exists(tmp.resolve("fs"))) {
            return; // no file store was even created
        }
        try (var files = Files.walk(tmp.resolve("fs"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().equals("config.json")),
                "no model was written");
        }
    }
}
