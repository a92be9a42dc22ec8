package org.bertgeometry.knime.port;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;

import org.knime.core.data.filestore.FileStore;
import org.knime.core.data.filestore.FileStorePortObject;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * Attention captured during inference, kept in a file store so that memory and workflow size do not grow with
 * the data set beyond what the capture settings allow: (1) full per-head attention maps of at most
 * {@code maxStoredSamples} samples ({@value CaptureFolder#SAMPLES}), (2) per-class sums of the [SEP]-cut maps
 * and of their entries above theta, the paper's class-mean analysis ({@value CaptureFolder#CLASS_MEANS}), and
 * (3) per-sample per-head statistics streamed row by row ({@value CaptureFolder#HEAD_STATS}).
 * {@link CaptureFolder} owns the files' format; the readers here stream them and cache nothing.
 */
public final class AttentionCapturePortObject extends FileStorePortObject {

    /** The port type, registered in plugin.xml. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(AttentionCapturePortObject.class);

    /**
     * One stored sample with its maps.
     *
     * @param rowKey the input row's key
     * @param label gold class id or -1
     * @param predicted predicted class id or -1
     * @param tokenIds the real (unpadded) token ids
     * @param maps {@code [layer][head][query][key]} attention probabilities over the real tokens
     */
    public record StoredSample(String rowKey, int label, int predicted, int[] tokenIds, float[][][][] maps) {
    }

    /**
     * Per-sample per-head statistic values.
     *
     * @param sample sample number in input order
     * @param layer layer
     * @param head head
     * @param label gold class id or -1
     * @param predicted predicted class id or -1
     * @param values one value per statistic named in the spec
     */
    public record HeadStatRow(long sample, int layer, int head, int label, int predicted, double[] values) {
    }

    /**
     * Counts that describe what was captured.
     *
     * @param samplesSeen samples run through the model
     * @param samplesStored samples whose full maps were kept (at most the spec's bound)
     * @param classNames class names indexed by class id (for the class-mean maps)
     * @param classCounts accepted samples per class id (0 for a class never seen)
     * @param mapSize side of the stored class-mean maps
     */
    public record Contents(long samplesSeen, int samplesStored, List<String> classNames, long[] classCounts,
        int mapSize) {
        /** Copies the lists. */
        public Contents {
            classNames = List.copyOf(classNames);
            classCounts = classCounts.clone();
        }
    }

    private final AttentionCapturePortObjectSpec m_spec;
    private final Contents m_contents;

    /**
     * @param spec the spec
     * @param contents what the files hold
     * @param fileStore a directory holding the {@linkplain CaptureFolder#FILES capture files}
     */
    public AttentionCapturePortObject(final AttentionCapturePortObjectSpec spec, final Contents contents,
        final FileStore fileStore) {
        super(List.of(fileStore));
        m_spec = spec;
        m_contents = contents;
    }

    private AttentionCapturePortObject(final AttentionCapturePortObjectSpec spec, final Contents contents) {
        super();
        m_spec = spec;
        m_contents = contents;
    }

    /** @return the directory holding the capture files */
    public Path getFolder() {
        return getFileStore(0).getFile().toPath();
    }

    /** @return counts describing the capture */
    public Contents contents() {
        return m_contents;
    }

    @Override
    protected void postConstruct() throws IOException {
        for (String f : CaptureFolder.FILES) {
            if (!Files.isRegularFile(getFolder().resolve(f))) {
                throw new IOException("The attention capture's file " + f + " is missing from " + getFolder()
                    + ". Re-execute the inference node.");
            }
        }
    }

    @Override
    public AttentionCapturePortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return String.format("Attention of %d samples (%d layers x %d heads): %d with full maps, class means for %s",
            m_contents.samplesSeen(), m_spec.layers(), m_spec.heads(), m_contents.samplesStored(),
            m_contents.classNames().isEmpty() ? "no classes" : m_contents.classNames());
    }

    @Override
    public JComponent[] getViews() {
        JTextArea text = new JTextArea(getSummary());
        text.setEditable(false);
        JScrollPane pane = new JScrollPane(text);
        pane.setName("Attention capture");
        return new JComponent[]{pane};
    }

    /** @return the format owner of this capture's folder */
    public CaptureFolder files() {
        return new CaptureFolder(getFolder(), m_spec.layers(), m_spec.heads());
    }

    /** @return the stored samples with their full maps, in input order */
    public List<StoredSample> readSamples() throws IOException {
        return files().readSamples();
    }

    /**
     * @return the mean [SEP]-cut attention map of class {@code cls} at (layer, head), {@code mapSize} square, or
     *         empty when no sample of that class was accepted
     */
    public Optional<double[][]> classMean(final int cls, final int layer, final int head) throws IOException {
        return files().readClassMap(cls, layer, head, false, m_contents.mapSize());
    }

    /** @return the undivided sum of entries above theta of class {@code cls} at (layer, head), or empty */
    public Optional<double[][]> classThresholdSum(final int cls, final int layer, final int head)
        throws IOException {
        return files().readClassMap(cls, layer, head, true, m_contents.mapSize());
    }

    /** Streams the per-sample per-head statistics to {@code consumer}, in capture order. */
    public void forEachHeadStatistic(final Consumer<HeadStatRow> consumer) throws IOException {
        files().forEachHeadStatistic(m_spec.statistics().size(), consumer);
    }

    /** Serializer registered at extension point org.knime.core.PortType: writes only the small counts. */
    public static final class Serializer extends PortObjectSerializer<AttentionCapturePortObject> {
        private static final int FORMAT = 1;

        @Override
        public void savePortObject(final AttentionCapturePortObject po, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            DataOutputStream d = new DataOutputStream(out);
            Contents c = po.m_contents;
            d.writeInt(FORMAT);
            d.writeLong(c.samplesSeen());
            d.writeInt(c.samplesStored());
            d.writeInt(c.mapSize());
            d.writeInt(c.classNames().size());
            for (int i = 0; i < c.classNames().size(); i++) {
                d.writeUTF(c.classNames().get(i));
                d.writeLong(c.classCounts()[i]);
            }
            d.flush();
        }

        @Override
        public AttentionCapturePortObject loadPortObject(final PortObjectZipInputStream in,
            final PortObjectSpec spec, final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            DataInputStream d = new DataInputStream(in);
            int format = d.readInt();
            if (format != FORMAT) {
                throw new IOException("Unsupported attention capture format " + format);
            }
            long seen = d.readLong();
            int stored = d.readInt();
            int mapSize = d.readInt();
            int n = d.readInt();
            List<String> names = new ArrayList<>();
            long[] counts = new long[n];
            for (int i = 0; i < n; i++) {
                names.add(d.readUTF());
                counts[i] = d.readLong();
            }
            if (!(spec instanceof AttentionCapturePortObjectSpec s)) {
                throw new IOException("Expected an attention capture spec, got " + spec);
            }
            return new AttentionCapturePortObject(s, new Contents(seen, stored, names, counts, mapSize));
        }
    }
}
