package org.bertgeometry.knime.nodes.infer;

import org.bertgeometry.knime.nodes.DeclaredSettings;
import org.bertgeometry.knime.picture.HeadSelection;
import org.bertgeometry.knime.picture.HeadsSetting;
import org.bertgeometry.knime.picture.PictureSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;

/**
 * Infer's picture settings, all added after the first release and loaded with their defaults where absent: how
 * many stored samples to draw (default 0: no heatmaps, the picture port carries a note; at most 64), which heads
 * ({@link HeadSelection}; default every head of the last layer) and the common look ({@link PictureSettings}).
 * The heads setting is enabled only when samples are drawn.
 */
final class InferPictureSettings extends DeclaredSettings {
    private final PictureSettings m_look = group(new PictureSettings());
    private final SettingsModelIntegerBounded m_samples = addedLater().bounded("picture_samples", 0, 0, 64);
    private final HeadsSetting m_heads = group(new HeadsSetting());

    InferPictureSettings() {
        m_samples.addChangeListener(e -> m_heads.model().setEnabled(m_samples.getIntValue() > 0));
        m_heads.model().setEnabled(false);
    }

    PictureSettings look() {
        return m_look;
    }

    SettingsModelIntegerBounded samplesModel() {
        return m_samples;
    }

    /** Which heads to draw. */
    HeadsSetting heads() {
        return m_heads;
    }

    int samples() {
        return m_samples.getIntValue();
    }
}
