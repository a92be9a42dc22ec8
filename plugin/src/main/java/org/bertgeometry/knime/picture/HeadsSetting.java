package org.bertgeometry.knime.picture;

import java.util.List;

import org.bertgeometry.knime.nodes.DeclaredSettings;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The "heads to draw" setting that the pictures of Infer and the Attention Pattern Classifier share: a
 * {@link HeadSelection} text under {@value #CFG_HEADS}, default empty (every head of the last layer). It was
 * added after the first release, so workflows saved without it load with the default; its form is checked on
 * validation, and whether the heads exist only once the capture's size is known ({@link #heads}).
 */
public final class HeadsSetting extends DeclaredSettings {
    private static final String CFG_HEADS = "picture_heads";

    private final SettingsModelString m_heads = addedLater().string(CFG_HEADS, "");

    /** The model behind the dialog's text field. */
    public SettingsModelString model() {
        return m_heads;
    }

    /** The heads to draw for a capture of {@code layers} x {@code heads}, checked to exist. */
    public List<HeadSelection.Head> heads(final int layers, final int heads) throws InvalidSettingsException {
        return HeadSelection.parse(m_heads.getStringValue(), layers, heads);
    }

    @Override
    protected void checkStored(final NodeSettingsRO settings) throws InvalidSettingsException {
        if (settings.containsKey(CFG_HEADS)) {
            HeadSelection.checkForm(settings.getString(CFG_HEADS));
        }
    }
}
