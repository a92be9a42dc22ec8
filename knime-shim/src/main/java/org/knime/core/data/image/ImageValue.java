package org.knime.core.data.image;

import org.knime.core.data.DataValue;

/** Shim of KNIME's {@code ImageValue}: a cell holding an image. */
public interface ImageValue extends DataValue {
    ImageContent getImageContent();

    String getImageExtension();
}
