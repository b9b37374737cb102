package org.foresight.mpc.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts immutable config records to nested maps (key = component name, in declaration order) and back,
 * through their canonical constructors, so that their own validation runs. Every failure is one
 * {@link ConfigException} naming the key path ({@code mppi.samples}) and the reason: an unknown key, a
 * missing key, a wrong type, or the record's own range check.
 *
 * <p>Supported component types: int, long, double, boolean, String, enums, and nested records.
 */
public final class RecordTree {
    private RecordTree() {
    }

    /**
     * @param r a record.
     * @return its components as an ordered map (nested records as nested maps; enums by name).
     */
    public static Map<String, Object> toTree(Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
            }
            if (v instanceof Record nested) {
                m.put(c.getName(), toTree(nested));
            } else if (v instanceof Enum<?> en) {
                m.put(c.getName(), en.name().toLowerCase(java.util.Locale.ROOT));
            } else {
                m.put(c.getName(), v);
            }
        }
        return m;
    }

    /**
     * Builds a record from a tree that holds every component (as {@link #toTree} makes it).
     *
     * @param type the record class.
     * @param tree the values.
     * @param path the key path of this record ("" at the root), for messages.
     * @param <R>  the record type.
     * @return the record.
     * @throws ConfigException naming the key for an unknown, missing or mistyped key or a value the record rejects.
     */
    public static <R extends Record> R fromTree(Class<R> type, Map<String, Object> tree, String path) {
        RecordComponent[] comps = type.getRecordComponents();
        for (String key : tree.keySet()) {
            boolean known = false;
            for (RecordComponent c : comps) {
                known |= c.getName().equals(key);
            }
            if (!known) {
                List<String> names = java.util.Arrays.stream(comps).map(RecordComponent::getName).toList();
                throw new ConfigException(join(path, key), "unknown key (known here: " + String.join(", ", names) + ")");
            }
        }
        Object[] args = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            RecordComponent c = comps[i];
            String key = join(path, c.getName());
            types[i] = c.getType();
            if (!tree.containsKey(c.getName())) {
                throw new ConfigException(key, "missing");
            }
            args[i] = convert(c.getType(), tree.get(c.getName()), key);
        }
        try {
            Constructor<R> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ConfigException(path.isEmpty() ? type.getSimpleName() : path,
                    cause.getMessage() == null ? cause.toString() : cause.getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Class<?> t, Object v, String key) {
        if (v == null) {
            throw new ConfigException(key, "must not be null");
        }
        if (t.isRecord()) {
            if (!(v instanceof Map)) {
                throw new ConfigException(key, "expected an object, got " + describe(v));
            }
            return fromTree((Class<Record>) t, (Map<String, Object>) v, key);
        }
        if (t == double.class) {
            if (!(v instanceof Number n)) {
                throw new ConfigException(key, "expected a number, got " + describe(v));
            }
            return n.doubleValue();
        }
        if (t == int.class || t == long.class) {
            if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                    || Double.isInfinite(n.doubleValue())) {
                throw new ConfigException(key, "expected a whole number, got " + describe(v));
            }
            if (t == int.class) {
                if (n.longValue() > Integer.MAX_VALUE || n.longValue() < Integer.MIN_VALUE) {
                    throw new ConfigException(key, "out of range for an int: " + v);
                }
                return n.intValue();
            }
            return n.longValue();
        }
        if (t == boolean.class) {
            if (!(v instanceof Boolean b)) {
                throw new ConfigException(key, "expected true or false, got " + describe(v));
            }
            return b;
        }
        if (t == String.class) {
            if (!(v instanceof String s)) {
                throw new ConfigException(key, "expected a string, got " + describe(v));
            }
            return s;
        }
        if (t.isEnum()) {
            if (!(v instanceof String s)) {
                throw new ConfigException(key, "expected one of " + java.util.Arrays.toString(t.getEnumConstants())
                        + ", got " + describe(v));
            }
            for (Object e : t.getEnumConstants()) {
                if (((Enum) e).name().equalsIgnoreCase(s)) {
                    return e;
                }
            }
            throw new ConfigException(key, "expected one of " + java.util.Arrays.toString(t.getEnumConstants())
                    + ", got '" + s + "'");
        }
        throw new IllegalStateException("unsupported config type " + t + " at " + key);
    }

    private static String describe(Object v) {
        return v instanceof String ? "the string '" + v + "'" : v instanceof Map ? "an object" : v instanceof List
                ? "a list" : String.valueOf(v);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
