package org.bertgeometry.knime.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * NOT KNIME API: reaches the shim's package-private and protected members (the parts of KNIME's framework that a
 * node never calls, such as a model's port counts or a port object's file stores) from the test helpers of this
 * package. The helpers live outside KNIME's packages so that the shim declares nothing KNIME lacks, and Java has
 * no other way to open a package to one outside reader; reflection is confined to this class.
 */
public final class ShimInternals {
    private ShimInternals() {
    }

    /**
     * Calls method {@code name(parameterTypes)} declared by {@code owner} or one of its superclasses on
     * {@code target} (null for a static method), rethrowing whatever the method throws.
     */
    @SuppressWarnings("unchecked")
    public static <T> T call(final Class<?> owner, final Object target, final String name,
        final Class<?>[] parameterTypes, final Object... args) throws Exception {
        Method m = find(owner, name, parameterTypes);
        m.setAccessible(true);
        try {
            return (T)m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call shim member " + owner.getName() + "#" + name, e);
        }
    }

    /** Like {@link #call} for a member that throws no checked exception. */
    public static <T> T callUnchecked(final Class<?> owner, final Object target, final String name,
        final Class<?>[] parameterTypes, final Object... args) {
        try {
            return call(owner, target, name, parameterTypes, args);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Shim member " + owner.getName() + "#" + name + " failed", e);
        }
    }

    /** Creates an instance through a non-public constructor of a shim class. */
    public static <T> T construct(final Class<T> type, final Class<?>[] parameterTypes, final Object... args) {
        try {
            Constructor<T> c = type.getDeclaredConstructor(parameterTypes);
            c.setAccessible(true);
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            Exception cause = unwrap(e);
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot construct shim class " + type.getName(), e);
        }
    }

    private static Method find(final Class<?> owner, final String name, final Class<?>[] parameterTypes) {
        for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(name, parameterTypes);
            } catch (NoSuchMethodException e) {
                // declared further up
            }
        }
        throw new IllegalStateException("The shim has no member " + owner.getName() + "#" + name);
    }

    private static Exception unwrap(final InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Error err) {
            throw err;
        }
        return (Exception)cause;
    }
}
