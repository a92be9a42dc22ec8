package org.bertgeometry.knime.nodes;

import java.util.Arrays;

import org.knime.core.node.InvalidSettingsException;

/**
 * A text setting that names one constant of an enum (a cone index variant, a weight-slicing convention): the
 * stored text is read back as that constant, or refused with the names to choose from.
 */
public final class EnumSetting {

    private EnumSetting() {
    }

    /**
     * The constant of {@code type} named {@code name}.
     *
     * @param what the setting, for the message ("convention")
     * @throws InvalidSettingsException naming the setting, the stored text and every valid name
     */
    public static <E extends Enum<E>> E parse(final Class<E> type, final String name, final String what)
        throws InvalidSettingsException {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new InvalidSettingsException("Unknown " + what + " '" + name + "'; choose one of "
            + Arrays.toString(Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray()) + ".");
    }
}
