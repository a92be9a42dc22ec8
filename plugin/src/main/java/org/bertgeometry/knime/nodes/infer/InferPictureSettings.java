package org.bertgeometry.knime.nodes.infer;

import java.util.List;

import org.bertgeometry.knime.nodes.NodeSettingsGroup;
import org.bertgeometry.knime.picture.HeadSelection;
import org.bertgeometry.knime.picture.HeadsSetting;
import org.bertgeometry.knime.picture.PictureSettings;
import org.bertgeometry.knime.nodes.AddedSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Infer's picture settings, all added after the first release and loaded with their defaults where absent: how
 * many stored samples to draw (default 0: no heatmaps, the picture port carries a note; at most 64), which heads
 * ({@link HeadSelection}; default every head of the last layer) and the common look ({@link PictureSettings}).
 * The heads setting is enabled only when samples are drawn.
 */
final class InferPictureSettings implements NodeSettingsGroup {
    static final String CFG_SAMPLES = "picture_samples";
    static final String CFG_HEADS = HeadsSetting.CFG_HEADS;

    private final PictureSettings m_look = new PictureSettings();
    private final SettingsModelIntegerBounded m_samples = new SettingsModelIntegerBounded(CFG_SAMPLES, 0, 0, 64);
    private final HeadsSetting m_heads = new HeadsSetting();

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

    SettingsModelString headsModel() {
        return m_heads.model();
    }

    int samples() {
        return m_samples.getIntValue();
    }

    List<HeadSelection.Head> heads(final int layers, final int heads) throws InvalidSettingsException {
        return m_heads.heads(layers, heads);
    }

    @Override
    public void saveTo(final NodeSettingsWO settings) {
        m_look.saveTo(settings);
        m_samples.saveSettingsTo(settings);
        m_heads.saveTo(settings);
    }

    @Override
    public void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_look.validate(settings);
        AddedSettings.validate(settings, CFG_SAMPLES, m_samples);
        m_heads.validate(settings);
    }

    @Override
    public void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_look.loadFrom(settings);
        AddedSettings.load(settings, CFG_SAMPLES, m_samples);
        m_heads.loadFrom(settings);
    }
}
