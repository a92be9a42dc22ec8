package org.bertgeometry.knime.nodes.pattern;

import java.util.List;

import org.bertgeometry.knime.nodes.NodeSettingsGroup;
import org.bertgeometry.knime.picture.HeadSelection;
import org.bertgeometry.knime.picture.HeadsSetting;
import org.bertgeometry.knime.picture.PictureSettings;
import org.bertgeometry.knime.nodes.AddedSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The Attention Pattern Classifier's picture settings: the common look ({@link PictureSettings}), which heads get
 * a class-mean heatmap (default empty: every head of the last layer; else "layer:head" pairs, 0-based as in the
 * table, separated by commas) and how heatmap axes are labelled (default token positions). All keys were added
 * after the first release and load with their defaults where absent.
 */
final class PatternPictureSettings implements NodeSettingsGroup {
    static final String CFG_HEADS = HeadsSetting.CFG_HEADS;
    static final String CFG_TICKS = "picture_ticks";

    private final PictureSettings m_look = new PictureSettings();
    private final HeadsSetting m_heads = new HeadsSetting();
    private final SettingsModelString m_ticks = new SettingsModelString(CFG_TICKS, TickLabels.POSITIONS.label());

    PictureSettings look() {
        return m_look;
    }

    SettingsModelString headsModel() {
        return m_heads.model();
    }

    SettingsModelString ticksModel() {
        return m_ticks;
    }

    TickLabels ticks() {
        TickLabels t = TickLabels.ofLabel(m_ticks.getStringValue());
        return t == null ? TickLabels.POSITIONS : t;
    }

    /** The heads to draw for a capture of {@code layers} x {@code heads}, checked to exist. */
    List<HeadSelection.Head> heads(final int layers, final int heads) throws InvalidSettingsException {
        return m_heads.heads(layers, heads);
    }

    @Override
    public void saveTo(final NodeSettingsWO settings) {
        m_look.saveTo(settings);
        m_heads.saveTo(settings);
        m_ticks.saveSettingsTo(settings);
    }

    @Override
    public void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_look.validate(settings);
        m_heads.validate(settings);
        if (settings.containsKey(CFG_TICKS) && TickLabels.ofLabel(settings.getString(CFG_TICKS)) == null) {
            throw new InvalidSettingsException("Unknown tick labels '" + settings.getString(CFG_TICKS) + "'; choose"
                + " one of: " + String.join(", ", TickLabels.labels()) + ".");
        }
    }

    @Override
    public void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_look.loadFrom(settings);
        m_heads.loadFrom(settings);
        AddedSettings.load(settings, CFG_TICKS, m_ticks);
    }
}
