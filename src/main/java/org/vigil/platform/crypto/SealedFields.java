package org.vigil.platform.crypto;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.persistence.Column;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The JPA entity listener behind {@link Sealed}: seals plain values before the INSERT (every binding
 * key exists by then: a reference, a parent id, a row key; never the generated id) and opens them
 * after a load. A value that does not decrypt in its place (moved or altered in the database) is
 * loaded as null and listed by {@link SealedRow#unreadable()}, so one bad value never fails a whole
 * answer; the log names the place, never a value.
 */
public class SealedFields {

    private static final Logger LOG = Logger.getLogger(SealedFields.class);
    private static final Map<Class<?>, List<Binding>> BINDINGS = new ConcurrentHashMap<>();

    /** One sealed field: the plain field, the stored one and its column. */
    private record Binding(Field plain, Field stored, String column, boolean lazy) {}

    @PrePersist
    void seal(Object entity) {
        SealedRow row = (SealedRow) entity;
        for (Binding b : bindings(entity.getClass())) {
            Object plain = get(b.plain(), entity);
            set(b.stored(), entity, plain == null ? null : cipher().encrypt(bytes(b, plain), row.aad(b.column())));
        }
    }

    @PostLoad
    void open(Object entity) {
        SealedRow row = (SealedRow) entity;
        for (Binding b : bindings(entity.getClass())) {
            if (!b.lazy()) {
                byte[] stored = (byte[]) get(b.stored(), entity);
                set(b.plain(), entity, stored == null ? null : opened(b, row, stored));
            }
        }
    }

    /** Written once: a changed plain value would silently stay unsealed, so it is refused. */
    @PreUpdate
    void unchanged(Object entity) {
        SealedRow row = (SealedRow) entity;
        for (Binding b : bindings(entity.getClass())) {
            byte[] stored = (byte[]) get(b.stored(), entity);
            if (!b.lazy() && stored != null && !Objects.deepEquals(get(b.plain(), entity), opened(b, row, stored))) {
                throw new IllegalStateException(entity.getClass().getSimpleName() + "."
                        + b.plain().getName() + " is sealed once, with its row, and cannot be changed");
            }
        }
    }

    /**
     * A lazy sealed value, opened from {@code stored} (read by the entity itself, so that the lazy
     * column loads); throws {@link UnreadableValueException} when it does not decrypt in its place.
     */
    public static byte[] open(SealedRow row, String plainField, byte[] stored) {
        Binding b = bindings(row.getClass()).stream()
                .filter(x -> x.plain().getName().equals(plainField))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a sealed field: " + plainField));
        return stored == null ? null : cipher().decrypt(stored, row.aad(b.column()));
    }

    static List<String> unreadable(SealedRow row) {
        List<String> names = new ArrayList<>();
        for (Binding b : bindings(row.getClass())) {
            if (!b.lazy() && get(b.plain(), row) == null && get(b.stored(), row) != null) {
                names.add(b.plain().getName());
            }
        }
        return names;
    }

    private static Object opened(Binding b, SealedRow row, byte[] stored) {
        Aad aad = row.aad(b.column());
        byte[] plain;
        try {
            plain = cipher().decrypt(stored, aad);
        } catch (UnreadableValueException e) {
            LOG.warnf(
                    "A stored value does not decrypt in its place %s.%s %s (altered or moved): %s",
                    aad.table(), aad.column(), aad.row(), e.getMessage());
            return null;
        }
        Class<?> type = b.plain().getType();
        if (type == byte[].class) {
            return plain;
        }
        if (type == String.class) {
            return new String(plain, StandardCharsets.UTF_8);
        }
        try {
            ObjectMapper json = json();
            JavaType javaType = json.getTypeFactory().constructType(b.plain().getGenericType());
            return json.readValue(plain, javaType);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "A sealed JSON value does not parse: " + aad.table() + "." + aad.column(), e);
        }
    }

    private static byte[] bytes(Binding b, Object plain) {
        if (plain instanceof byte[] raw) {
            return raw;
        }
        if (plain instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return json().writeValueAsBytes(plain);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "A sealed value does not serialise: " + b.plain().getName(), e);
        }
    }

    private static List<Binding> bindings(Class<?> type) {
        return BINDINGS.computeIfAbsent(type, SealedFields::scan);
    }

    private static List<Binding> scan(Class<?> type) {
        List<Binding> found = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            found.addAll(scanDeclared(c));
        }
        return List.copyOf(found);
    }

    private static List<Binding> scanDeclared(Class<?> c) {
        List<Binding> found = new ArrayList<>();
        for (Field plain : c.getDeclaredFields()) {
            Sealed sealed = plain.getAnnotation(Sealed.class);
            if (sealed == null) {
                continue;
            }
            Field stored = Arrays.stream(c.getDeclaredFields())
                    .filter(f -> f.getName().equals(sealed.value()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            c.getSimpleName() + " has no field " + sealed.value() + " for " + plain.getName()));
            if (stored.getType() != byte[].class || stored.getAnnotation(Column.class) == null) {
                throw new IllegalStateException(c.getSimpleName() + "." + sealed.value() + " must be a byte[] column");
            }
            plain.setAccessible(true);
            stored.setAccessible(true);
            found.add(new Binding(
                    plain, stored, stored.getAnnotation(Column.class).name(), sealed.lazy()));
        }
        return found;
    }

    private static Object get(Field field, Object entity) {
        try {
            return field.get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Field field, Object entity, Object value) {
        try {
            field.set(entity, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FieldCipher cipher() {
        return Arc.container().instance(FieldCipher.class).get();
    }

    private static ObjectMapper json() {
        return Arc.container().instance(ObjectMapper.class).get();
    }
}
