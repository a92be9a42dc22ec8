package org.bertgeometry.knime.nodes.variant;

import org.bertgeometry.knime.nodes.NodeSettingsGroup;
import org.bertgeometry.knime.picture.PicturePort;
import org.bertgeometry.knime.nodes.SettingsNodeModel;
import org.bertgeometry.knime.port.FileStoreFolders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.bertgeometry.knime.engine.DjlContext;
import org.bertgeometry.knime.port.BertModelPortObject;
import org.bertgeometry.knime.port.BertModelPortObjectSpec;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.HuggingFaceFolder;
import org.bertgeometry.checkpoint.ModelFormatException;
import org.bertgeometry.training.EpochReport;
import org.bertgeometry.training.TrainingCancelledException;
import org.bertgeometry.training.TrainingMonitor;
import org.bertgeometry.variants.classifier.LabelledSpikes;
import org.bertgeometry.variants.classifier.VariantClassifierTrainer;
import org.bertgeometry.variants.classifier.VariantPreset;
import org.bertgeometry.variants.evaluation.SplitIndices;
import org.bertgeometry.variants.evaluation.StratifiedSplit;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.filestore.FileStore;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * Variant Classifier: trains a BERT sequence classifier on labelled nucleotide sequences with the engine's
 * {@link VariantClassifierTrainer} (k = 12, stride 9 k-mers, vocabulary from the training rows only) and puts the
 * trained model, in Hugging Face layout inside a file store, on its model port, with the per-epoch training
 * history as a table. Presets TINY and SMALL train a new model from scratch and ignore the optional model input;
 * BASE fine-tunes the connected model (the paper's BERT-Base Cased recipe). Validation rows come from the optional
 * second table or, without one, from a stratified hold-out of the training table. Class names are the distinct
 * label values in ascending string order. The model folder also holds the abstention rule fitted on the validation
 * rows ({@link AbstentionFit}), which the Infer node applies.
 */
public final class VariantClassifierNodeModel extends SettingsNodeModel {

    static final String[] HISTORY_COLUMNS =
        {"epoch", "train_loss", "validation_loss", "validation_accuracy", "learning_rate", "seconds", "best"};

    static final PortType OPTIONAL_MODEL =
        PortTypeRegistry.getInstance().getPortType(BertModelPortObject.class, true);

    static final PortType OPTIONAL_TABLE =
        PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class, true);

    private final VariantClassifierSettings m_settings = new VariantClassifierSettings();

    VariantClassifierNodeModel() {
        super(new PortType[]{OPTIONAL_MODEL, BufferedDataTable.TYPE, OPTIONAL_TABLE},
            new PortType[]{BertModelPortObject.TYPE, BufferedDataTable.TYPE, PicturePort.TYPE});
    }

    VariantClassifierSettings settings() {
        return m_settings;
    }

    static DataTableSpec historySpec() {
        return new DataTableSpec(new DataColumnSpecCreator("epoch", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("train_loss", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("validation_loss", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("validation_accuracy", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("learning_rate", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("seconds", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("best", BooleanCell.TYPE).createSpec());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        VariantPreset preset = m_settings.preset();
        if (preset.needsBaseModel() && !(inSpecs[0] instanceof BertModelPortObjectSpec)) {
            throw new InvalidSettingsException("Preset BASE fine-tunes a pre-trained model: connect one (for example"
                + " BERT-Base Cased from the BERT Loader) or choose TINY or SMALL to train from scratch.");
        }
        if (!preset.needsBaseModel() && inSpecs[0] != null) {
            setWarningMessage("Preset " + preset + " trains a new model from scratch; the connected model is ignored."
                + " Choose BASE to fine-tune it.");
        }
        if (!(inSpecs[1] instanceof DataTableSpec train)) {
            throw new InvalidSettingsException("Connect a table with a sequence column and a label column.");
        }
        m_settings.columnIndices(train, "training table");
        if (inSpecs[2] instanceof DataTableSpec validation) {
            m_settings.columnIndices(validation, "validation table");
        }
        m_settings.training(); // surfaces invalid combinations as early as possible
        // the model's spec (vocabulary size, labels) depends on the data, known only after execution
        return new PortObjectSpec[]{null, historySpec(), PicturePort.spec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        VariantPreset preset = m_settings.preset();
        BufferedDataTable trainTable = (BufferedDataTable)inObjects[1];
        BufferedDataTable validationTable = (BufferedDataTable)inObjects[2];
        List<String[]> trainRows = readRows(trainTable, "training table");
        List<String[]> validationRows = validationTable == null ? null : readRows(validationTable, "validation table");
        List<String> classNames = classNames(trainRows);
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("The label column '" + m_settings.labelColumnModel().getStringValue()
                + "' holds a single class (" + classNames.get(0) + "); a classifier needs at least two classes.");
        }
        LabelledSpikes all = labelled(trainRows, classNames, "training table");
        LabelledSpikes train;
        LabelledSpikes validation;
        if (validationRows == null) {
            SplitIndices split;
            try {
                split = StratifiedSplit.holdOut(all.labels(), m_settings.validationFraction(), m_settings.seed());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Cannot hold out a stratified validation set: " + e.getMessage()
                    + ". Add rows or connect a separate validation table.", e);
            }
            train = all.subset(split.train());
            validation = all.subset(split.validation());
        } else {
            train = all;
            validation = labelled(validationRows, classNames, "validation table");
        }
        BertCheckpoint base = null;
        if (preset.needsBaseModel()) {
            if (!(inObjects[0] instanceof BertModelPortObject model)) {
                throw new InvalidSettingsException("Preset BASE needs a connected model to fine-tune.");
            }
            try {
                base = HuggingFaceFolder.load(model.getModelFolder());
            } catch (ModelFormatException e) {
                throw new IllegalArgumentException("Cannot read the connected model: " + e.getMessage(), e);
            }
        }
        VariantClassifierTrainer trainer = new VariantClassifierTrainer(m_settings.training());
        TrainingMonitor monitor = monitor(exec);
        VariantClassifierTrainer.Outcome outcome;
        try {
            BertCheckpoint baseModel = base;
            outcome = DjlContext.call(() -> baseModel == null
                ? trainer.trainFromScratch(train, validation, preset, monitor)
                : trainer.fineTune(baseModel, train, validation, monitor));
        } catch (TrainingCancelledException e) {
            throw new CanceledExecutionException("Training canceled: " + e.getMessage());
        }
        exec.checkCanceled();
        exec.setMessage("Drawing training curves and the validation confusion matrix");
        long[][] confusion = TrainingPicture.validationConfusion(outcome.checkpoint(), validation, monitor::isCancelled);
        FileStore store = exec.createFileStore("variant-classifier");
        Path target = store.getFile().toPath();
        try {
            exec.setMessage("Saving the model in Hugging Face layout");
            HuggingFaceFolder.save(outcome.checkpoint(), target);
            exec.checkCanceled();
            exec.setMessage("Fitting the abstention rule on the validation rows");
            AbstentionFit.fitAndSave(outcome.checkpoint(), train, validation, target);
            exec.checkCanceled();
        } catch (Exception e) {
            FileStoreFolders.deleteRecursively(target);
            throw e;
        }
        if (outcome.truncatedSequences() > 0) {
            setWarningMessage(outcome.truncatedSequences() + " training sequence(s) were longer than "
                + (outcome.checkpoint().config().maxPositionEmbeddings() - 2) + " k-mers and were truncated; their ends were not learned from.");
        }
        BertModelPortObjectSpec spec = new BertModelPortObjectSpec("variant-classifier-" + preset.name().toLowerCase(
            java.util.Locale.ROOT), outcome.checkpoint().config(), HuggingFaceFolder.VOCAB);
        pushFlowVariables(TrainingFlowVariables.of(outcome.training()));
        return new PortObject[]{new BertModelPortObject(spec, store), history(outcome, exec), PicturePort.of(
            TrainingPicture.draw(outcome.training(), confusion, validation.classNames(), m_settings.picture()))};
    }

    /** Progress per batch from the trainer; cancellation is polled per batch through checkCanceled. */
    private static TrainingMonitor monitor(final ExecutionMonitor exec) {
        return new TrainingMonitor() {
            @Override
            public void progress(final double fraction, final String message) {
                exec.setProgress(fraction, message);
            }

            @Override
            public boolean isCancelled() {
                try {
                    exec.checkCanceled();
                    return false;
                } catch (CanceledExecutionException e) {
                    return true;
                }
            }
        };
    }

    private static BufferedDataTable history(final VariantClassifierTrainer.Outcome outcome,
        final ExecutionContext exec) {
        BufferedDataContainer c = exec.createDataContainer(historySpec());
        for (EpochReport r : outcome.training().history()) {
            c.addRowToTable(new DefaultRow("Epoch " + r.epoch(), new IntCell(r.epoch()), new DoubleCell(r.trainLoss()),
                new DoubleCell(r.validationLoss()), new DoubleCell(r.validationAccuracy()),
                new DoubleCell(r.learningRate()), new DoubleCell(r.millis() / 1000.0),
                BooleanCell.get(r.epoch() == outcome.training().bestEpoch())));
        }
        c.close();
        return c.getTable();
    }

    /** {row key, sequence, label} per row; a missing or empty cell is an error naming the row. */
    private List<String[]> readRows(final BufferedDataTable table, final String tableName)
        throws InvalidSettingsException {
        int[] cols = m_settings.columnIndices(table.getDataTableSpec(), tableName);
        List<String[]> rows = new ArrayList<>();
        for (DataRow row : table) {
            DataCell seq = row.getCell(cols[0]);
            DataCell label = row.getCell(cols[1]);
            if (seq.isMissing() || label.isMissing()) {
                throw new IllegalArgumentException("Row '" + row.getKey() + "' of the " + tableName
                    + " has a missing " + (seq.isMissing() ? "sequence" : "label")
                    + "; remove or fill it (for example with Missing Value) first.");
            }
            String s = ((StringValue)seq).getStringValue().strip();
            if (s.isEmpty()) {
                throw new IllegalArgumentException("Row '" + row.getKey() + "' of the " + tableName
                    + " has an empty sequence.");
            }
            rows.add(new String[]{row.getKey().getString(), s, ((StringValue)label).getStringValue()});
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("The " + tableName + " is empty.");
        }
        return rows;
    }

    /** The distinct labels of the training rows, ascending. */
    static List<String> classNames(final List<String[]> rows) {
        TreeSet<String> names = new TreeSet<>();
        rows.forEach(r -> names.add(r[2]));
        return List.copyOf(names);
    }

    private static LabelledSpikes labelled(final List<String[]> rows, final List<String> classNames,
        final String tableName) {
        List<String> ids = new ArrayList<>();
        List<String> seqs = new ArrayList<>();
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            int label = classNames.indexOf(r[2]);
            if (label < 0) {
                throw new IllegalArgumentException("Row '" + r[0] + "' of the " + tableName + " has label '" + r[2]
                    + "', which is not among the training classes " + classNames + ".");
            }
            ids.add(r[0]);
            seqs.add(r[1]);
            labels[i] = label;
        }
        return new LabelledSpikes(ids, seqs, labels, classNames);
    }

    @Override
    protected NodeSettingsGroup settingsGroup() {
        return m_settings;
    }
}
