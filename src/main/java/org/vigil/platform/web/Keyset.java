package org.vigil.platform.web;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.vigil.platform.db.Where;

/**
 * Keyset paging over one ordering of a JPQL query, e.g. (t.inDangerNow desc, t.createdAt asc,
 * t.id asc): the cursor carries the sort key of the last row shown, the next page is the rows
 * after it in that ordering. The ordering must end in a unique column so that no row is skipped.
 *
 * @param <R> the row type of the query (an entity, or {@code Object[]} for a projection)
 */
public final class Keyset<R> {

    private record Column<R>(String path, boolean descending, Class<?> type, Function<R, ?> value) {}

    private final Class<R> rowType;
    private final String tag;
    private final List<Column<R>> columns;

    private Keyset(Class<R> rowType, String tag, List<Column<R>> columns) {
        this.rowType = rowType;
        this.tag = tag;
        this.columns = columns;
    }

    /** An ordering yet without columns; add them with {@link #asc} and {@link #desc}. */
    public static <R> Keyset<R> of(Class<R> rowType) {
        return new Keyset<>(rowType, null, List.of());
    }

    /**
     * Cursors of this ordering carry a tag, and a cursor with another tag is refused: for one list
     * whose parameters choose between orderings.
     */
    public Keyset<R> tagged(String newTag) {
        return new Keyset<>(rowType, newTag, columns);
    }

    /** Then by this column ascending; {@code type} is how the cursor's key is read back (see {@link Cursor}). */
    public Keyset<R> asc(String path, Class<?> type, Function<R, ?> value) {
        return with(new Column<>(path, false, type, value));
    }

    public Keyset<R> desc(String path, Class<?> type, Function<R, ?> value) {
        return with(new Column<>(path, true, type, value));
    }

    private Keyset<R> with(Column<R> column) {
        List<Column<R>> more = new ArrayList<>(columns);
        more.add(column);
        return new Keyset<>(rowType, tag, List.copyOf(more));
    }

    /**
     * The rows of the page after {@code cursor} (the first page without one) and one more, which
     * only tells that a next page exists. {@code from} is the query up to its where clause.
     */
    public List<R> rows(EntityManager em, String from, Where where, String cursor, int limit) {
        Where after = where.copy();
        if (cursor != null) {
            List<Object> keys = Cursor.decode(
                    cursor, tag, columns.stream().<Class<?>>map(Column::type).toList());
            List<Object> params = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                params.add("cursor" + i);
                params.add(keys.get(i));
            }
            after.and(after(0), params.toArray());
        }
        return after.bind(em.createQuery(from + after.clause() + orderBy(), rowType))
                .setMaxResults(limit + 1)
                .getResultList();
    }

    /** The page shown from rows fetched by {@link #rows}, with the cursor of its last row when more follow. */
    public <T> Page<T> page(List<R> rows, int limit, Function<R, T> toItem) {
        return Page.of(rows, limit, toItem, this::cursorOf);
    }

    private String cursorOf(R row) {
        List<Object> keys = new ArrayList<>();
        if (tag != null) {
            keys.add(tag);
        }
        columns.forEach(c -> keys.add(c.value().apply(row)));
        return Cursor.encode(keys.toArray());
    }

    /** Row comes after the key from column i on: strictly after on i, or equal on i and after on the rest. */
    private String after(int i) {
        Column<R> c = columns.get(i);
        String beyond = c.path() + (c.descending() ? " < :cursor" : " > :cursor") + i;
        if (i == columns.size() - 1) {
            return beyond;
        }
        return "(" + beyond + " or (" + c.path() + " = :cursor" + i + " and " + after(i + 1) + "))";
    }

    private String orderBy() {
        return " order by "
                + String.join(
                        ", ",
                        columns.stream()
                                .map(c -> c.path() + (c.descending() ? " desc" : " asc"))
                                .toList());
    }
}
