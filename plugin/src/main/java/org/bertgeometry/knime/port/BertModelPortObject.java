package org.bertgeometry.knime.port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
 * A BERT model travelling between nodes. The model lives once, in Hugging Face layout (config.json, vocab.txt or
 * tokenizer.json, model.safetensors), in a KNIME file store directory: saving a workflow or passing the port on
 * never copies hundreds of megabytes of weights, and the port object itself serialises only its spec. Nodes read
 * the weights lazily from {@link #getModelFolder()}.
 */
public final class BertModelPortObject extends FileStorePortObject {

    /** The port type, registered in plugin.xml. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(BertModelPortObject.class);

    /** Name of the file that must exist in every model folder. */
    public static final String CONFIG_FILE = "config.json";

    private final BertModelPortObjectSpec m_spec;

    /**
     * Wraps a model folder already written into {@code fileStore}.
     *
     * @param spec the model's spec
     * @param fileStore a file store whose file is a directory in Hugging Face layout
     */
    public BertModelPortObject(final BertModelPortObjectSpec spec, final FileStore fileStore) {
        super(List.of(fileStore));
        m_spec = spec;
    }

    /** Deserialisation: the framework attaches the file store and then calls {@link #postConstruct()}. */
    private BertModelPortObject(final BertModelPortObjectSpec spec) {
        super();
        m_spec = spec;
    }

    /** @return the directory holding the model in Hugging Face layout */
    public Path getModelFolder() {
        return getFileStore(0).getFile().toPath();
    }

    @Override
    protected void postConstruct() throws IOException {
        Path config = getModelFolder().resolve(CONFIG_FILE);
        if (!Files.isRegularFile(config)) {
            throw new IOException("The BERT model's files are missing (" + config
                + " does not exist). Re-execute the node that created the model.");
        }
    }

    @Override
    public BertModelPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return m_spec.summary();
    }

    @Override
    public JComponent[] getViews() {
        JTextArea text = new JTextArea(m_spec.summary() + "\n\nconfig.json:\n" + m_spec.config().toJson());
        text.setEditable(false);
        JScrollPane pane = new JScrollPane(text);
        pane.setName("BERT model");
        return new JComponent[]{pane};
    }

    /** Serializer registered at extension point org.knime.core.PortType: writes only a format marker. */
    public static final class Serializer extends PortObjectSerializer<BertModelPortObject> {
        private static final int FORMAT = 1;

        @Override
        public void savePortObject(final BertModelPortObject portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            out.write(FORMAT);
        }

        @Override
        public BertModelPortObject loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            int format = in.read();
            if (format != FORMAT) {
                throw new IOException("Unsupported BERT model port format " + format);
            }
            if (!(spec instanceof BertModelPortObjectSpec s)) {
                throw new IOException("Expected a BERT model spec, got " + spec);
            }
            return new BertModelPortObject(s);
        }
    }
}
