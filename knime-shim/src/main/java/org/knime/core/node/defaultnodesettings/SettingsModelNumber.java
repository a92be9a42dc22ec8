package org.knime.core.node.defaultnodesettings;

/** Shim of KNIME's {@code SettingsModelNumber}: a numeric setting editable as text by a dialog component. */
public abstract class SettingsModelNumber extends SettingsModel {
    /** Parses and sets the value from a string (used by {@link DialogComponentNumber}). */
    abstract void setNumberValueStr(String newValueStr);

    /** @return the value as the dialog shows it */
    abstract String getNumberValueStr();
}
