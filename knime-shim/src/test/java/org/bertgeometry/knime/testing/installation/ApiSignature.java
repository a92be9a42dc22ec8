package org.bertgeometry.knime.testing.installation;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The API of one class as text, independent of the class loader it came from: one line for the class (kind,
 * modifiers, type parameters, superclass; interfaces are compared separately, see {@link #allInterfaces}) and one per public or protected constructor, method and
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
     * Every interface {@code c} implements or extends, directly or through its superclasses and superinterfaces,
     * as generic type names. The shim may leave out some of KNIME's interfaces (a subset, like its members), but
     * each one it names must be among these of the real class.
     */
    static Set<String> allInterfaces(final Class<?> c) {
        Set<String> out = new TreeSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(c));
        while (!todo.isEmpty()) {
            Class<?> k = todo.removeFirst();
            for (Type t : k.getGenericInterfaces()) {
                out.add(t.getTypeName());
            }
            todo.addAll(List.of(k.getInterfaces()));
            if (k.getSuperclass() != null) {
                todo.add(k.getSuperclass());
            }
        }
        return out;
    }

    /** @return the interfaces {@code c} names itself, as generic type names */
    static Set<String> directInterfaces(final Class<?> c) {
        return Arrays.stream(c.getGenericInterfaces()).map(Type::getTypeName)
            .collect(Collectors.toCollection(TreeSet::new));
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
