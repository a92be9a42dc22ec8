package org.bertgeometry.knime.nodes.pattern;

import java.util.List;

import org.bertgeometry.knime.nodes.NodeSettingsGroup;
import org.bertgeometry.knime.picture.HeadSelection;
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
    static final String CFG_HEADS = "picture_heads";
    static final String CFG_TICKS = "picture_ticks";

    private final PictureSettings m_look = new PictureSettings();
    private final SettingsModelString m_heads = new SettingsModelString(CFG_HEADS, "");
    private final SettingsModelString m_ticks = new SettingsModelString(CFG_TICKS, TickLabels.POSITIONS.label());

    PictureSettings look() {
        return m_look;
    }

    SettingsModelString headsModel() {
        return m_heads;
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
        return HeadSelection.parse(m_heads.getStringValue(), layers, heads);
    }

    @Override
    public void saveTo(final NodeSettingsWO settings) {
        m_look.saveTo(settings);
        m_heads.saveSettingsTo(settings);
        m_ticks.saveSettingsTo(settings);
    }

    @Override
    public void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_look.validate(settings);
        if (settings.containsKey(CFG_HEADS)) {
            HeadSelection.checkForm(settings.getString(CFG_HEADS));
        }
        if (settings.containsKey(CFG_TICKS) && TickLabels.ofLabel(settings.getString(CFG_TICKS)) == null) {
            throw new InvalidSettingsException("Unknown tick labels '" + settings.getString(CFG_TICKS) + "'; choose"
                + " one of: " + String.join(", ", TickLabels.labels()) + ".");
        }
    }

    @Override
    public void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_look.loadFrom(settings);
        AddedSettings.load(settings, CFG_HEADS, m_heads);
        AddedSettings.load(settings, CFG_TICKS, m_ticks);
    }
}
