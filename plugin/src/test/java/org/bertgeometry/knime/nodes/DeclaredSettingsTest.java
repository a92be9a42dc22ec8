package org.bertgeometry.knime.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** How a node's declared settings are written, checked and read, old workflows included. */
class DeclaredSettingsTest {

    /** A node with two settings from its first release, two added later and one cross-setting check. */
    private static final class Example extends DeclaredSettings {
        final SettingsModelString m_name = firstRelease().string("name", "none");
        final SettingsModelDouble m_rate = firstRelease().number("rate", 0.5);
        final SettingsModelIntegerBounded m_size = addedLater().bounded("size", 7, 1, 10);
        final SettingsModelBoolean m_flag = addedLater().bool("flag", true);

        @Override
        protected void checkStored(final NodeSettingsRO stored) throws InvalidSettingsException {
            if (stored.getDouble("rate") > 1) {
                throw new InvalidSettingsException("rate above 1");
            }
        }
    }

    @Test
    void writesEverySettingInDeclarationOrderAndReadsItBack() throws InvalidSettingsException {
        Example a = new Example();
        a.m_name.setStringValue("x");
        a.m_rate.setDoubleValue(0.25);
        a.m_size.setIntValue(3);
        a.m_flag.setBooleanValue(false);
        NodeSettings s = new NodeSettings("model");
        a.saveTo(s);
        List<String> keys = new ArrayList<>();
        s.keySet().stream().filter(k -> !k.endsWith("_Internals")).forEach(keys::add);
        assertEquals(List.of("name", "rate", "size", "flag"), keys);

        Example b = new Example();
        b.validate(s);
        b.loadFrom(s);
        assertEquals("x", b.m_name.getStringValue());
        assertEquals(0.25, b.m_rate.getDoubleValue());
        assertEquals(3, b.m_size.getIntValue());
        assertEquals(false, b.m_flag.getBooleanValue());
    }

    @Test
    void aWorkflowSavedBeforeTheAddedKeysExistedLoadsThemAsTheirDefaults() throws InvalidSettingsException {
        NodeSettings old = new NodeSettings("model");
        old.addString("name", "y");
        old.addDouble("rate", 0.75);
        Example e = new Example();
        e.m_size.setIntValue(2); // a value held before loading must not survive: the old workflow means default
        e.m_flag.setBooleanValue(false);
        e.validate(old);
        e.loadFrom(old);
        assertEquals("y", e.m_name.getStringValue());
        assertEquals(7, e.m_size.getIntValue());
        assertEquals(true, e.m_flag.getBooleanValue());
    }

    @Test
    void aMissingFirstReleaseKeyAnAddedKeyOutOfRangeAndAFailedCheckAreRejected() {
        NodeSettings noRate = new NodeSettings("model");
        noRate.addString("name", "y");
        assertThrows(InvalidSettingsException.class, () -> new Example().validate(noRate));

        NodeSettings badSize = new NodeSettings("model");
        badSize.addString("name", "y");
        badSize.addDouble("rate", 0.5);
        badSize.addInt("size", 11);
        assertThrows(InvalidSettingsException.class, () -> new Example().validate(badSize));

        NodeSettings badRate = new NodeSettings("model");
        badRate.addString("name", "y");
        badRate.addDouble("rate", 2.0);
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> new Example().validate(badRate));
        assertTrue(e.getMessage().contains("rate above 1"));
    }
}
