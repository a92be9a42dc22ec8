package org.knime.core.data.image.png;

import org.knime.core.data.image.ImageValue;

/** Shim of KNIME's {@code PNGImageValue}. */
public interface PNGImageValue extends ImageValue {
    @Override
    PNGImageContent getImageContent();
}
