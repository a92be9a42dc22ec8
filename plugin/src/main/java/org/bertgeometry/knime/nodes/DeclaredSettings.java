package org.bertgeometry.knime.nodes;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The one way this bundle declares a node's settings: a subclass declares each setting once, with its key and
 * default ({@link #firstRelease()} for keys every saved workflow has, {@link #addedLater()} for keys added after
 * the node's first release), and the settings groups it contains ({@link #group}); writing, checking and reading
 * them all is done here, in declaration order, so saved settings keep a stable order. A key added later is
 * checked and read only where a stored workflow has it; where it is absent the setting takes its default, so
 * workflows saved before it existed load as they did. A subclass adds only its own checks that span several
 * settings ({@link #checkStored}).
 */
public abstract class DeclaredSettings implements NodeSettingsGroup {

    private final List<NodeSettingsGroup> m_parts = new ArrayList<>();
    private final Declarations m_firstRelease = new Declarations(false);
    private final Declarations m_addedLater = new Declarations(true);

    /** Declares settings whose keys every stored workflow of this node has. */
    protected final Declarations firstRelease() {
        return m_firstRelease;
    }

    /** Declares settings added after the node's first release: absent keys load as the default. */
    protected final Declarations addedLater() {
        return m_addedLater;
    }

    /** Declares a contained settings group (written, checked and read at this point of the order). */
    protected final <G extends NodeSettingsGroup> G group(final G group) {
        m_parts.add(group);
        return group;
    }

    /**
     * Checks that span several stored settings or go beyond a model's own check (a known name, a range that
     * depends on another value); called after every declared setting has passed its own check. None by default.
     *
     * @param stored the settings about to be applied
     * @throws InvalidSettingsException naming the setting and what to choose instead
     */
    protected void checkStored(final NodeSettingsRO stored) throws InvalidSettingsException {
        // no checks beyond each model's own
    }

    @Override
    public final void saveTo(final NodeSettingsWO settings) {
        m_parts.forEach(p -> p.saveTo(settings));
    }

    @Override
    public final void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (NodeSettingsGroup p : m_parts) {
            p.validate(settings);
        }
        checkStored(settings);
    }

    @Override
    public final void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (NodeSettingsGroup p : m_parts) {
            p.loadFrom(settings);
        }
    }

    /** Makes settings models of one kind (first release or added later) and records them in the order. */
    protected final class Declarations {
        private final boolean m_mayBeAbsent;

        private Declarations(final boolean mayBeAbsent) {
            m_mayBeAbsent = mayBeAbsent;
        }

        /** A text setting. */
        public SettingsModelString string(final String key, final String dflt) {
            SettingsModelString m = new SettingsModelString(key, dflt);
            return declare(key, m, () -> m.setStringValue(dflt));
        }

        /** A whole number in {@code [min, max]}. */
        public SettingsModelIntegerBounded bounded(final String key, final int dflt, final int min, final int max) {
            SettingsModelIntegerBounded m = new SettingsModelIntegerBounded(key, dflt, min, max);
            return declare(key, m, () -> m.setIntValue(dflt));
        }

        /** A real number (its range, if any, is a {@link #checkStored} check). */
        public SettingsModelDouble number(final String key, final double dflt) {
            SettingsModelDouble m = new SettingsModelDouble(key, dflt);
            return declare(key, m, () -> m.setDoubleValue(dflt));
        }

        /** A yes/no setting. */
        public SettingsModelBoolean bool(final String key, final boolean dflt) {
            SettingsModelBoolean m = new SettingsModelBoolean(key, dflt);
            return declare(key, m, () -> m.setBooleanValue(dflt));
        }

        private <M extends SettingsModel> M declare(final String key, final M model, final Runnable reset) {
            m_parts.add(new Declared(key, model, reset, m_mayBeAbsent));
            return model;
        }
    }

    /** One declared model: written always, checked and read where its key is stored or must be. */
    private record Declared(String key, SettingsModel model, Runnable reset, boolean mayBeAbsent)
        implements NodeSettingsGroup {

        @Override
        public void saveTo(final NodeSettingsWO settings) {
            model.saveSettingsTo(settings);
        }

        @Override
        public void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
            if (!absent(settings)) {
                model.validateSettings(settings);
            }
        }

        @Override
        public void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
            if (absent(settings)) {
                reset.run();
            } else {
                model.loadSettingsFrom(settings);
            }
        }

        private boolean absent(final NodeSettingsRO settings) {
            return mayBeAbsent && !settings.containsKey(key);
        }
    }
}
