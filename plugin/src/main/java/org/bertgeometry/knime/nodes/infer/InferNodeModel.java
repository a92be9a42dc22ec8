package org.bertgeometry.knime.nodes.infer;

import org.bertgeometry.model.Logits;
import org.bertgeometry.knime.nodes.NodeSettingsGroup;
import org.bertgeometry.knime.picture.PicturePort;
import org.bertgeometry.knime.nodes.SettingsNodeModel;
import org.bertgeometry.knime.port.FileStoreFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bertgeometry.capture.BoundedSampleSink;
import org.bertgeometry.capture.CaptureSink;
import org.bertgeometry.capture.CaptureSpec;
import org.bertgeometry.capture.CapturedTensor;
import org.bertgeometry.capture.ClassMeanAttentionSink;
import org.bertgeometry.capture.HeadStatisticsSink;
import org.bertgeometry.capture.HookNames;
import org.bertgeometry.capture.SampleContext;
import org.bertgeometry.knime.engine.DjlContext;
import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.knime.port.AttentionCapturePortObject;
import org.bertgeometry.knime.port.AttentionCapturePortObjectSpec;
import org.bertgeometry.knime.port.CaptureFolder;
import org.bertgeometry.knime.port.BertModelPortObject;
import org.bertgeometry.knime.port.BertModelPortObjectSpec;
import org.bertgeometry.model.BatchInput;
import org.bertgeometry.model.BertCheckpoint;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertModel;
import org.bertgeometry.model.ForwardResult;
import org.bertgeometry.model.HuggingFaceFolder;
import org.bertgeometry.tokenize.Encoding;
import org.bertgeometry.tokenize.Tokenizer;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;
import org.knime.core.data.collection.CollectionCellFactory;
import org.knime.core.data.collection.ListCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
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

/**
 * Infer with Attention Capture: runs the model over a text column in batches (DJL/PyTorch, inside
 * {@link DjlContext}), appends predictions, class probabilities and the [CLS] embedding, and captures every
 * layer's and head's attention into an {@link AttentionCapturePortObject}: full maps for at most a bounded number
 * of samples, streaming class-mean maps (the paper's analysis A1, {@link ClassMeanAttentionSink}) and per-sample
 * per-head statistics. Memory does not grow with the number of rows beyond one batch.
 */
public final class InferNodeModel extends SettingsNodeModel {

    static final String[] NEW_COLUMNS = {"prediction", "probabilities", "cls_embedding"};

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
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    private AttentionCapturePortObjectSpec captureSpec(final BertConfig config) {
        return new AttentionCapturePortObjectSpec(config.numHiddenLayers(), config.numAttentionHeads(),
            m_settings.maxStoredSamples(), m_settings.theta(),
            AttentionStatistics.all().stream().map(s -> s.name()).toList());
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
        m_settings.picture().heads(model.config().numHiddenLayers(), model.config().numAttentionHeads());
        return new PortObjectSpec[]{outputSpec(table), captureSpec(model.config()), PicturePort.spec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BertModelPortObject model = (BertModelPortObject)inObjects[0];
        BufferedDataTable table = (BufferedDataTable)inObjects[1];
        DataTableSpec inSpec = table.getDataTableSpec();
        int textCol = m_settings.textIndex(inSpec);
        int labelCol = m_settings.labelIndex(inSpec);
        BertConfig config = model.getSpec().config();
        int maxLength = m_settings.maxLength() > 0 ? m_settings.maxLength()
            : Math.min(config.maxPositionEmbeddings(), LoadedBert.openTokenizer(model.getModelFolder(), 0)
                .maxLength());
        Tokenizer tokenizer = LoadedBert.openTokenizer(model.getModelFolder(), maxLength);

        // pass 1 (cheap): longest encoding, for the size of the class-mean maps, and the class names
        exec.setMessage("Tokenizing");
        Map<String, Integer> classes = new LinkedHashMap<>();
        config.labels().forEach(l -> classes.put(l, classes.size()));
        boolean fixedClasses = !classes.isEmpty();
        int longest = 1;
        for (DataRow row : table) {
            exec.checkCanceled();
            DataCell t = row.getCell(textCol);
            if (!t.isMissing()) {
                longest = Math.max(longest, tokenizer.encode(((StringValue)t).getStringValue()).length());
            }
            if (labelCol >= 0) {
                if (row.getCell(labelCol).isMissing()) {
                    throw new IllegalArgumentException("Row " + row.getKey() + " has no label. Filter or fill rows"
                        + " with missing labels (for example with the Missing Value node), or clear the label"
                        + " column setting.");
                }
                String l = ((StringValue)row.getCell(labelCol)).getStringValue();
                if (!classes.containsKey(l)) {
                    if (fixedClasses) {
                        throw new IllegalArgumentException("Row " + row.getKey() + " has label '" + l
                            + "', which the model does not know; its labels are " + config.labels() + ".");
                    }
                    classes.put(l, classes.size());
                }
            }
        }

        // fail now, with advice, rather than run out of memory after hours of inference
        new CaptureMemoryEstimate(Math.max(1, classes.size()), config.numHiddenLayers(), config.numAttentionHeads(),
            longest, Math.min(m_settings.maxStoredSamples(), table.size()))
            .requireFits(CaptureMemoryEstimate.availableHeap());

        exec.setMessage("Loading weights");
        BertCheckpoint checkpoint = HuggingFaceFolder.load(model.getModelFolder());
        FileStore store = exec.createFileStore("attention-capture");
        Path dir = store.getFile().toPath();
        Files.createDirectories(dir);
        BufferedDataContainer out = exec.createDataContainer(outputSpec(inSpec));
        ExecutionMonitor inferProgress = exec.createSubProgress(1.0);
        boolean onlyCorrect = m_settings.onlyCorrect() && fixedClasses;
        int sepId = tokenizer.vocabulary().sepId();
        long[] seen = new long[1];
        BoundedSampleSink bounded = new BoundedSampleSink(CaptureSpec.attentionProbs(), m_settings.maxStoredSamples());
        ClassMeanAttentionSink classMeans =
            new ClassMeanAttentionSink(CaptureSpec.none(), longest, sepId, m_settings.theta(), onlyCorrect);
        List<String> keys = new ArrayList<>();
        CaptureFolder files = new CaptureFolder(dir, config.numHiddenLayers(), config.numAttentionHeads());
        try (CaptureFolder.HeadStatWriter stats = files.headStatWriter()) {
            HeadStatisticsSink statSink = new HeadStatisticsSink(CaptureSpec.none(), AttentionStatistics.all(),
                r -> writeStat(stats, r));
            CaptureSink sink = CaptureSink.fanOut(List.of(bounded, labelledOnly(classMeans), statSink));
            DjlContext.call(() -> {
                try (LoadedBert bert = LoadedBert.open(checkpoint, maxLength)) {
                    runBatches(bert.model(), table, textCol, labelCol, classes, tokenizer, sink, out, keys, seen,
                        inferProgress);
                }
                return null;
            });
        } catch (CanceledExecutionException | RuntimeException | IOException e) {
            FileStoreFolders.deleteRecursively(dir);
            throw e;
        }
        out.close();
        files.writeSamples(bounded.samples().size(), bounded.samples().stream()
            .map(s -> stored(s, keys, config.numHiddenLayers(), config.numAttentionHeads())).iterator());
        files.writeClassMeans(classMeans.classes(), longest,
            (c, l, h, threshold) -> threshold ? classMeans.thresholdSum(c, l, h) : classMeans.mean(c, l, h));
        List<String> classNames = new ArrayList<>(classes.keySet());
        long[] counts = new long[classNames.size()];
        classMeans.classes().forEach(c -> counts[c] = classMeans.count(c));
        AttentionCapturePortObject capture = new AttentionCapturePortObject(captureSpec(config),
            new AttentionCapturePortObject.Contents(seen[0], bounded.samples().size(), classNames, counts, longest),
            store);
        pushFlowVariables(InferFlowVariables.of(capture.contents()));
        InferPictureSettings picture = m_settings.picture();
        return new PortObject[]{out.getTable(), capture, PicturePort.of(InferPicture.draw(
            picture.samples() > 0 ? capture.readSamples() : List.of(),
            picture.heads(config.numHiddenLayers(), config.numAttentionHeads()), tokenizer.vocabulary(), picture))};
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

    private static void writeStat(final CaptureFolder.HeadStatWriter out, final HeadStatisticsSink.Row r) {
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

    private void runBatches(final BertModel bert, final BufferedDataTable table, final int textCol,
        final int labelCol, final Map<String, Integer> classes, final Tokenizer tokenizer, final CaptureSink sink,
        final BufferedDataContainer out, final List<String> keys, final long[] seen, final ExecutionMonitor exec)
        throws CanceledExecutionException {
        List<DataRow> batch = new ArrayList<>();
        long total = table.size();
        for (DataRow row : table) {
            batch.add(row);
            if (batch.size() == m_settings.batchSize()) {
                runBatch(bert, batch, textCol, labelCol, classes, tokenizer, sink, out, keys, seen);
                batch.clear();
                exec.checkCanceled();
                exec.setProgress((double)seen[0] / total, "Inferred " + seen[0] + " of " + total + " rows");
            }
        }
        if (!batch.isEmpty()) {
            runBatch(bert, batch, textCol, labelCol, classes, tokenizer, sink, out, keys, seen);
            exec.setProgress(1.0);
        }
    }

    private static void runBatch(final BertModel bert, final List<DataRow> rows, final int textCol,
        final int labelCol, final Map<String, Integer> classes, final Tokenizer tokenizer, final CaptureSink sink,
        final BufferedDataContainer out, final List<String> keys, final long[] seen) {
        List<DataRow> live = new ArrayList<>();
        List<int[]> ids = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (DataRow r : rows) {
            DataCell t = r.getCell(textCol);
            if (t.isMissing()) {
                out.addRowToTable(append(r, DataType.getMissingCell(), DataType.getMissingCell(),
                    DataType.getMissingCell()));
                continue;
            }
            Encoding e = tokenizer.encode(((StringValue)t).getStringValue());
            live.add(r);
            ids.add(e.ids());
            if (labelCol >= 0) {
                labels.add(classes.get(((StringValue)r.getCell(labelCol)).getStringValue()));
            }
        }
        if (live.isEmpty()) {
            return;
        }
        int padId = tokenizer.vocabulary().padId();
        // labels only when a label column is set (then every row has one, checked in pass 1); the engine
        // rejects partial or out-of-range labels before anything reaches native code
        BatchInput in = BatchInput.padded(ids, padId,
            labelCol < 0 ? null : labels.stream().mapToInt(Integer::intValue).toArray());
        in.validateFor(bert.config());
        ForwardResult result = bert.forward(in, sink, false);
        List<String> classNames = new ArrayList<>(classes.keySet());
        for (int b = 0; b < live.size(); b++) {
            DataCell prediction = DataType.getMissingCell();
            DataCell probabilities = DataType.getMissingCell();
            if (result.logits() != null) {
                double[] p = Logits.softmax(result.logits()[b]);
                int arg = 0;
                List<DataCell> cells = new ArrayList<>();
                for (int k = 0; k < p.length; k++) {
                    cells.add(new DoubleCell(p[k]));
                    if (p[k] > p[arg]) {
                        arg = k;
                    }
                }
                probabilities = CollectionCellFactory.createListCell(cells);
                prediction = new StringCell(arg < classNames.size() ? classNames.get(arg) : Integer.toString(arg));
            }
            List<DataCell> cls = new ArrayList<>();
            for (float v : result.lastHidden()[b][0]) {
                cls.add(new DoubleCell(v));
            }
            out.addRowToTable(append(live.get(b), prediction, probabilities,
                CollectionCellFactory.createListCell(cls)));
            keys.add(live.get(b).getKey().getString());
            seen[0]++;
        }
    }

    private static DataRow append(final DataRow row, final DataCell... extra) {
        List<DataCell> cells = new ArrayList<>();
        row.forEach(cells::add);
        cells.addAll(List.of(extra));
        return new DefaultRow(row.getKey(), cells);
    }


    @Override
    protected NodeSettingsGroup settingsGroup() {
        return m_settings;
    }
}
