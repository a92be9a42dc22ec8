package org.bertgeometry.knime.testing.installation;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The API of one class as text, independent of the class loader it came from: one line for the class (kind,
 * modifiers, type parameters, superclass, the interfaces it names) and one per public or protected constructor, method and
 * field, keyed by kind, name and erased parameter types. Each line holds what a compiler of client code depends
 * on: visibility, {@code static}/{@code final}/{@code abstract}/{@code default}, varargs, generic parameter and
 * return types, type parameters with bounds, and the checked exceptions (as a sorted set). Two classes have the
 * same API where their lines for the same keys are equal.
 */
final class ApiSignature {
    static final String CLASS_KEY = "class";

    private static final int CLASS_MODIFIERS = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.PRIVATE
        | Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT | Modifier.INTERFACE;
    private static final int METHOD_MODIFIERS = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
        | Modifier.FINAL | Modifier.ABSTRACT;
    private static final int FIELD_MODIFIERS = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
        | Modifier.FINAL;

    private ApiSignature() {
    }

    /** @return the class line under {@link #CLASS_KEY}, then every public or protected member's line */
    static Map<String, String> of(final Class<?> c) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put(CLASS_KEY, classLine(c));
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (visible(k.getModifiers()) && !k.isSynthetic()) {
                lines.put("constructor(" + erased(k) + ")", executableLine(k, "") + "(" + generic(k) + ")"
                    + throwsClause(k));
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                lines.put("method " + m.getName() + "(" + erased(m) + ")",
                    executableLine(m, m.getGenericReturnType().getTypeName() + " ") + m.getName() + "("
                        + generic(m) + ")" + throwsClause(m));
            }
        }
        for (Field f : c.getDeclaredFields()) {
            if (visible(f.getModifiers()) && !f.isSynthetic()) {
                lines.put("field " + f.getName(), Modifier.toString(f.getModifiers() & FIELD_MODIFIERS) + " "
                    + f.getGenericType().getTypeName() + " " + f.getName());
            }
        }
        return lines;
    }

    /**
     * Adds each compile-time constant's value (as read by {@link ConstantValues}) to its field's line, so that a
     * constant with another value, or one that is no constant in the other class, differs.
     */
    static Map<String, String> withConstants(final Map<String, String> lines, final Map<String, Object> constants) {
        Map<String, String> out = new LinkedHashMap<>(lines);
        constants.forEach((field, value) -> out.computeIfPresent("field " + field,
            (k, line) -> line + " = (" + value.getClass().getSimpleName() + ") " + value));
        return out;
    }

    /** @return whether a member with these modifiers is part of the API a client outside the package sees */
    static boolean visible(final int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String classLine(final Class<?> c) {
        String kind = c.isAnnotation() ? "@interface" : c.isInterface() ? "interface" : c.isEnum() ? "enum"
            : c.isRecord() ? "record" : "class";
        StringBuilder s = new StringBuilder(Modifier.toString(c.getModifiers() & CLASS_MODIFIERS
            & ~Modifier.INTERFACE)).append(' ').append(kind)
            .append(typeParameters(c.getTypeParameters()));
        if (c.getGenericSuperclass() != null) {
            s.append(" extends ").append(c.getGenericSuperclass().getTypeName());
        }
        Type[] interfaces = c.getGenericInterfaces();
        if (interfaces.length > 0) {
            s.append(c.isInterface() ? " extends " : " implements ").append(Arrays.stream(interfaces)
                .map(Type::getTypeName).sorted().collect(Collectors.joining(", ")));
        }
        return s.toString();
    }

    private static String executableLine(final Executable e, final String returnType) {
        String mods = Modifier.toString(e.getModifiers() & METHOD_MODIFIERS);
        boolean isDefault = e instanceof Method m && m.isDefault();
        return mods + (isDefault ? " default" : "") + (e.isVarArgs() ? " varargs" : "") + " "
            + typeParameters(e.getTypeParameters()) + " " + returnType;
    }

    private static String typeParameters(final TypeVariable<?>[] vars) {
        if (vars.length == 0) {
            return "";
        }
        return Arrays.stream(vars).map(v -> v.getName() + " extends " + Arrays.stream(v.getBounds())
            .map(Type::getTypeName).collect(Collectors.joining(" & "))).collect(Collectors.joining(", ", "<", ">"));
    }

    private static String erased(final Executable e) {
        return Arrays.stream(e.getParameterTypes()).map(Class::getName).collect(Collectors.joining(","));
    }

    private static String generic(final Executable e) {
        return Arrays.stream(e.getGenericParameterTypes()).map(Type::getTypeName).collect(Collectors.joining(", "));
    }

    /** Checked exceptions only: unchecked ones in a throws clause change nothing for the compiler. */
    private static String throwsClause(final Executable e) {
        String checked = Arrays.stream(e.getExceptionTypes())
            .filter(x -> !RuntimeException.class.isAssignableFrom(x) && !Error.class.isAssignableFrom(x))
            .map(Class::getName).sorted().collect(Collectors.joining(", "));
        return checked.isEmpty() ? "" : " throws " + checked;
    }
}
