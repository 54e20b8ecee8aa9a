package org.vigil.testsupport;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Every SQL statement Hibernate sends, numbered, for tests that must show that a request ran no
 * query (the last few thousand are kept).
 */
@PersistenceUnitExtension
@ApplicationScoped
public class SqlStatements implements StatementInspector {

    private static final int KEPT = 5000;

    private record Statement(long number, String sql) {}

    private final Deque<Statement> recent = new ArrayDeque<>();
    private long count;

    @Override
    public synchronized String inspect(String sql) {
        recent.addLast(new Statement(++count, sql));
        if (recent.size() > KEPT) {
            recent.removeFirst();
        }
        return sql;
    }

    /** The number of the latest statement: pass it to {@link #since}. */
    public synchronized long mark() {
        return count;
    }

    /** The statements sent after {@code mark}. */
    public synchronized List<String> since(long mark) {
        return recent.stream()
                .filter(s -> s.number() > mark)
                .map(Statement::sql)
                .toList();
    }
}
