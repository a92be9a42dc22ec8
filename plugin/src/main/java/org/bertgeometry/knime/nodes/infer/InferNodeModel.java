package org.bertgeometry.knime.nodes.infer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bertgeometry.capture.CaptureSink;
import org.bertgeometry.capture.ClassMeanAttentionSink;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.knime.engine.DjlContext;
import org.bertgeometry.knime.nodes.NodeSettingsGroup;
import org.bertgeometry.knime.nodes.SettingsNodeModel;
import org.bertgeometry.knime.picture.PicturePort;
import org.bertgeometry.knime.port.AttentionCapturePortObject;
import org.bertgeometry.knime.port.AttentionCapturePortObjectSpec;
import org.bertgeometry.knime.port.BertModelPortObject;
import org.bertgeometry.knime.port.BertModelPortObjectSpec;
import org.bertgeometry.knime.port.CaptureFolder;
import org.bertgeometry.knime.port.FileStoreFolders;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.checkpoint.HuggingFaceFolder;
import org.bertgeometry.tokenize.Tokenizer;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.collection.ListCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.filestore.FileStore;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;

/**
 * Infer with Attention Capture: runs the model over a text column in batches (DJL/PyTorch, inside
 * {@link DjlContext}), appends predictions, class probabilities, the [CLS] embedding and the abstention answer
 * ({@link AbstentionColumn}), and captures every layer's and head's attention into an
 * {@link AttentionCapturePortObject}: full maps for at most a bounded number of samples, streaming class-mean maps
 * (the paper's analysis A1, {@link ClassMeanAttentionSink}) and per-sample per-head statistics. Rows run in batches
 * of similar length, sorted within windows of a few batches, and are written in input order. Memory does not grow
 * with the number of rows: one batch's captures, one window's output cells.
 */
public final class InferNodeModel extends SettingsNodeModel {

    static final String[] NEW_COLUMNS = {"prediction", "probabilities", "cls_embedding", AbstentionColumn.NAME};

    private final InferSettings m_settings = new InferSettings();

    InferNodeModel() {
        super(new PortType[]{BertModelPortObject.TYPE, BufferedDataTable.TYPE},
            new PortType[]{BufferedDataTable.TYPE, AttentionCapturePortObject.TYPE, PicturePort.TYPE});
    }

    InferSettings settings() {
        return m_settings;
    }

    static DataTableSpec outputSpec(final DataTableSpec in) throws InvalidSettingsException {
        for (String c : NEW_COLUMNS) {
            if (in.containsName(c)) {
                throw new InvalidSettingsException("The input table already has a column '" + c
                    + "'; rename it first.");
            }
        }
        List<DataColumnSpec> cols = new ArrayList<>();
        in.forEach(cols::add);
        cols.add(new DataColumnSpecCreator("prediction", StringCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator("probabilities", ListCell.getCollectionType(DoubleCell.TYPE))
            .createSpec());
        cols.add(new DataColumnSpecCreator("cls_embedding", ListCell.getCollectionType(DoubleCell.TYPE))
            .createSpec());
        cols.add(AbstentionColumn.spec());
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    private AttentionCapturePortObjectSpec captureSpec(final BertConfig config) {
        return new AttentionCapturePortObjectSpec(config.numHiddenLayers(), config.numAttentionHeads(),
            m_settings.maxStoredSamples(), m_settings.theta(),
            InferMapStatistics.all().stream().map(s -> s.name()).toList());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        if (!(inSpecs[0] instanceof BertModelPortObjectSpec model)) {
            throw new InvalidSettingsException("Connect a BERT model (for example from the BERT Loader node).");
        }
        DataTableSpec table = (DataTableSpec)inSpecs[1];
        m_settings.textIndex(table);
        m_settings.labelIndex(table);
        int max = m_settings.maxLength();
        if (max > model.config().maxPositionEmbeddings()) {
            throw new InvalidSettingsException("Maximum length " + max + " exceeds the model's "
                + model.config().maxPositionEmbeddings() + " positions.");
        }
        m_settings.picture().heads().heads(model.config().numHiddenLayers(), model.config().numAttentionHeads());
        return new PortObjectSpec[]{outputSpec(table), captureSpec(model.config()), PicturePort.spec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BertModelPortObject model = (BertModelPortObject)inObjects[0];
        BufferedDataTable table = (BufferedDataTable)inObjects[1];
        BertConfig config = model.getSpec().config();
        DataTableSpec inSpec = table.getDataTableSpec();
        int maxLength = maxLength(model.getModelFolder(), config);
        InferInput input = new InferInput(table, m_settings.textIndex(inSpec), m_settings.labelIndex(inSpec),
            LoadedBert.openTokenizer(model.getModelFolder(), maxLength));
        exec.setMessage("Tokenizing");
        InferInput.Survey survey = input.survey(config.labels(), exec);
        // fail now, with advice, rather than run out of memory after hours of inference
        new CaptureMemoryEstimate(Math.max(1, survey.classes().size()), config.numHiddenLayers(),
            config.numAttentionHeads(), survey.longest(), Math.min(m_settings.maxStoredSamples(), table.size()))
            .requireFits(CaptureMemoryEstimate.availableHeap());

        AbstentionColumn abstention = AbstentionColumn.of(model.getModelFolder(), config.labels().size());
        exec.setMessage("Loading weights");
        BertCheckpoint checkpoint = HuggingFaceFolder.load(model.getModelFolder());
        FileStore store = exec.createFileStore("attention-capture");
        CaptureFolder files =
            new CaptureFolder(store.getFile().toPath(), config.numHiddenLayers(), config.numAttentionHeads());
        Files.createDirectories(files.dir());
        BufferedDataContainer out = exec.createDataContainer(outputSpec(inSpec));
        CaptureSinks sinks = CaptureSinks.of(m_settings.maxStoredSamples(), survey,
            input.tokenizer().vocabulary().sepId(), m_settings.theta(),
            m_settings.onlyCorrect() && survey.fixedClasses());
        List<String> keys = new ArrayList<>();
        try (CaptureFolder.HeadStatWriter stats = files.headStatWriter()) {
            CaptureSink sink = sinks.fanOut(stats);
            DjlContext.call(() -> {
                try (LoadedBert bert = LoadedBert.open(checkpoint, maxLength)) {
                    new BatchInference(input, bert.model(), survey.classes(), sink, out, keys, abstention)
                        .runAll(m_settings.batchSize(), BatchInference.WINDOW_BATCHES, exec.createSubProgress(1.0));
                }
                return null;
            });
        } catch (CanceledExecutionException | RuntimeException | IOException e) {
            FileStoreFolders.deleteRecursively(files.dir());
            throw e;
        }
        out.close();
        AttentionCapturePortObject capture =
            new AttentionCapturePortObject(captureSpec(config), sinks.write(files, keys, survey), store);
        pushFlowVariables(InferFlowVariables.of(capture.contents()));
        return new PortObject[]{out.getTable(), capture, picture(capture, config, input.tokenizer())};
    }

    /** The node's maximum length, or else the tokenizer's own, at most the model's positions. */
    private int maxLength(final Path modelFolder, final BertConfig config) throws IOException {
        return m_settings.maxLength() > 0 ? m_settings.maxLength()
            : Math.min(config.maxPositionEmbeddings(), LoadedBert.openTokenizer(modelFolder, 0).maxLength());
    }

    /** Heatmaps of the requested stored samples (an empty sheet when none are requested). */
    private ImagePortObject picture(final AttentionCapturePortObject capture, final BertConfig config,
        final Tokenizer tokenizer) throws IOException, InvalidSettingsException {
        InferPictureSettings picture = m_settings.picture();
        return PicturePort.of(InferPicture.draw(picture.samples() > 0 ? capture.readSamples() : List.of(),
            picture.heads().heads(config.numHiddenLayers(), config.numAttentionHeads()), tokenizer.vocabulary(),
            picture));
    }

    @Override
    protected NodeSettingsGroup settingsGroup() {
        return m_settings;
    }
}
