package org.knime.core.internal;

/** Shim of KNIME's {@code SerializerMethodLoader}; only its serializer marker type. */
public final class SerializerMethodLoader {
    private SerializerMethodLoader() {
    }

    /**
     * Shim of KNIME's {@code SerializerMethodLoader.Serializer}, implemented by port object (spec) serializers.
     *
     * @param <T> the serialized class
     */
    public static interface Serializer<T> {
    }
}
