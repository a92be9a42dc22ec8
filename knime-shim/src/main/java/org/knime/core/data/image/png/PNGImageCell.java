package org.knime.core.data.image.png;

import org.knime.core.data.DataCell;

/** Shim of KNIME's {@code PNGImageCell}: a cell holding PNG bytes (created through {@link PNGImageContent}). */
public class PNGImageCell extends DataCell implements PNGImageValue {
    private final PNGImageContent m_content;

    PNGImageCell(final PNGImageContent content) {
        m_content = content;
    }

    @Override
    public PNGImageContent getImageContent() {
        return m_content;
    }

    @Override
    public String toString() {
        return m_content.toString();
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return m_content.equals(((PNGImageCell)dc).m_content);
    }

    @Override
    public int hashCode() {
        return m_content.hashCode();
    }

    @Override
    public String getImageExtension() {
        return "png";
    }
}
