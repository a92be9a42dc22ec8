package org.knime.core.node.port.image;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;

import javax.swing.JComponent;
import javax.swing.JPanel;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.image.ImageContent;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** Shim of KNIME's {@code ImagePortObject}: an image (e.g. PNG) flowing along a connection. */
public class ImagePortObject extends AbstractPortObject {
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(ImagePortObject.class);

    public static final PortType TYPE_OPTIONAL = PortTypeRegistry.getInstance().getPortType(ImagePortObject.class,
        true);

    private ImageContent m_content;

    private ImagePortObjectSpec m_spec;

    public ImagePortObject() {
    }

    public ImagePortObject(final ImageContent content, final ImagePortObjectSpec spec) {
        if (spec == null || content == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_content = content;
        m_spec = spec;
    }

    public DataCell toDataCell() {
        DataCell result = m_content.toImageCell();
        return m_spec.getDataType().isASuperTypeOf(result.getType()) ? result : DataType.getMissingCell();
    }

    @Override
    public String getSummary() {
        return m_content.getSummary();
    }

    @Override
    public ImagePortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public JComponent[] getViews() {
        JPanel panel = new JPanel() {
            @Override
            protected void paintComponent(final Graphics g) {
                super.paintComponent(g);
                m_content.paint((Graphics2D)g, getWidth(), getHeight());
            }

            @Override
            public Dimension getPreferredSize() {
                return m_content.getPreferredSize();
            }
        };
        panel.setName("Image");
        return new JComponent[]{panel};
    }
}
