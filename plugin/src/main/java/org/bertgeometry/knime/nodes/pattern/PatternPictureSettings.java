package org.bertgeometry.knime.nodes.pattern;

import org.bertgeometry.knime.nodes.DeclaredSettings;
import org.bertgeometry.knime.picture.HeadsSetting;
import org.bertgeometry.knime.picture.PictureSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The Attention Pattern Classifier's picture settings: the common look ({@link PictureSettings}), which heads get
 * a class-mean heatmap (default empty: every head of the last layer; else "layer:head" pairs, 0-based as in the
 * table, separated by commas) and how heatmap axes are labelled (default token positions). All keys were added
 * after the first release and load with their defaults where absent.
 */
final class PatternPictureSettings extends DeclaredSettings {
    static final String CFG_TICKS = "picture_ticks";

    private final PictureSettings m_look = group(new PictureSettings());
    private final HeadsSetting m_heads = group(new HeadsSetting());
    private final SettingsModelString m_ticks = addedLater().string(CFG_TICKS, TickLabels.POSITIONS.label());

    PictureSettings look() {
        return m_look;
    }

    /** Which heads get a class-mean heatmap. */
    HeadsSetting heads() {
        return m_heads;
    }

    SettingsModelString ticksModel() {
        return m_ticks;
    }

    TickLabels ticks() {
        TickLabels t = TickLabels.ofLabel(m_ticks.getStringValue());
        return t == null ? TickLabels.POSITIONS : t;
    }

    @Override
    protected void checkStored(final NodeSettingsRO settings) throws InvalidSettingsException {
        if (settings.containsKey(CFG_TICKS) && TickLabels.ofLabel(settings.getString(CFG_TICKS)) == null) {
            throw new InvalidSettingsException("Unknown tick labels '" + settings.getString(CFG_TICKS) + "'; choose"
                + " one of: " + String.join(", ", TickLabels.labels()) + ".");
        }
    }
}
