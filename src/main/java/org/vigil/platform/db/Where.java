package org.vigil.platform.db;

import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JPQL where clause built from the conditions that apply, with its named parameters: the one way
 * features write a filter, shared by a list, its counts and its ETag aggregate.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** No condition yet: every row. */
    public static Where all() {
        return new Where();
    }

    /** Adds a condition and its parameters, given as name, value, name, value… */
    public Where and(String condition, Object... namesAndValues) {
        conditions.add(condition);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return this;
    }

    /** Adds the parameters of a condition held elsewhere (e.g. a reader's visibility rule). */
    public Where and(String condition, Map<String, ?> namedParams) {
        conditions.add(condition);
        params.putAll(namedParams);
        return this;
    }

    public Where copy() {
        Where copy = new Where();
        copy.conditions.addAll(conditions);
        copy.params.putAll(params);
        return copy;
    }

    /** {@code " where a and b"}, or nothing when no condition applies. */
    public String clause() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public <T> TypedQuery<T> bind(TypedQuery<T> query) {
        params.forEach(query::setParameter);
        return query;
    }
}
