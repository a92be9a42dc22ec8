package org.knime.core.node.port.image;

import javax.swing.JComponent;
import javax.swing.JLabel;

import org.knime.core.data.DataType;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/** Shim of KNIME's {@code ImagePortObjectSpec}: the cell type of the image an image port carries. */
public final class ImagePortObjectSpec extends AbstractSimplePortObjectSpec {
    private DataType m_type;

    public ImagePortObjectSpec(final DataType type) {
        if (type == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_type = type;
    }

    public ImagePortObjectSpec() {
    }

    public DataType getDataType() {
        return m_type;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[]{new JLabel("Image of type \"" + getDataType() + "\"")};
    }
}
