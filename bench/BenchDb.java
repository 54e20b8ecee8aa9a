import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bench's plain-JDBC side (run with the MariaDB Connector/J jar on the class path):
 * <ul>
 * <li>{@code reset <serverUrl> <database>}: drops and creates the bench database;</li>
 * <li>{@code query <url> <sql>}: prints the first column of the first row;</li>
 * <li>{@code insert <url> <threads> <seconds>}: the old write baseline (one tip-sized row per
 * transaction), printing {@code <inserts/s> <p50 ms> <p99 ms>};</li>
 * <li>{@code tip-tx <url> <threads> <seconds> <reference>}: the fair write baseline, the statements of
 * one tip as plain JDBC (see {@link #tipTransactions}), printing {@code <transactions/s> <p50 ms> <p99 ms>};</li>
 * <li>{@code check-refs <url> <file>}: of the tip references in the file (one a line, from 201
 * answers), prints how many were listed, how many distinct, and how many are rows of {@code tip}.</li>
 * </ul>
 *
 * <p>The write baseline is what MariaDB itself allows on this machine for "one row per
 * transaction": the same server as the service, so the same durability settings
 * (innodb_flush_log_at_trx_commit, sync_binlog), and the tip scenario's concurrency. Each thread
 * has its own connection, autocommit off, and commits after every INSERT of a tip-sized row.
 */
public class BenchDb {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "reset" -> {
                try (Connection c = DriverManager.getConnection(args[1]);
                        Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS `" + args[2] + "`");
                    s.execute("CREATE DATABASE `" + args[2] + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci");
                }
            }
            case "query" -> {
                try (Connection c = DriverManager.getConnection(args[1]);
                        Statement s = c.createStatement();
                        ResultSet r = s.executeQuery(args[2])) {
                    System.out.println(r.next() ? r.getString(1) : "");
                }
            }
            case "insert" -> insert(args[1], Integer.parseInt(args[2]), Double.parseDouble(args[3]));
            case "tip-tx" -> tipTransactions(args[1], Integer.parseInt(args[2]), Double.parseDouble(args[3]), args[4]);
            case "check-refs" -> checkReferences(args[1], java.nio.file.Path.of(args[2]));
            default -> throw new IllegalArgumentException("reset | query | insert | tip-tx | check-refs");
        }
    }

    static void checkReferences(String url, java.nio.file.Path file) throws Exception {
        java.util.List<String> listed = java.nio.file.Files.readAllLines(file).stream()
                .filter(l -> !l.isBlank())
                .toList();
        java.util.List<String> distinct = listed.stream().distinct().toList();
        long found = 0;
        try (Connection c = DriverManager.getConnection(url)) {
            for (int from = 0; from < distinct.size(); from += 500) {
                java.util.List<String> batch = distinct.subList(from, Math.min(distinct.size(), from + 500));
                String marks = String.join(",", java.util.Collections.nCopies(batch.size(), "?"));
                try (PreparedStatement q =
                        c.prepareStatement("SELECT COUNT(*) FROM tip WHERE reference IN (" + marks + ")")) {
                    for (int i = 0; i < batch.size(); i++) {
                        q.setString(i + 1, batch.get(i));
                    }
                    try (ResultSet r = q.executeQuery()) {
                        r.next();
                        found += r.getLong(1);
                    }
                }
            }
        }
        System.out.println(listed.size() + " " + distinct.size() + " " + found);
    }

    static void insert(String url, int threads, double seconds) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_insert");
            // about a tip row: a unique reference, a status, some encrypted bytes, a timestamp
            s.execute("CREATE TABLE bench_insert (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                    + "reference CHAR(11) NOT NULL, status VARCHAR(16) NOT NULL, payload VARBINARY(600) NOT NULL, "
                    + "created_at DATETIME(6) NOT NULL, UNIQUE KEY uk_bench_reference (reference)) ENGINE=InnoDB");
        }
        byte[] payload = new byte[400];
        Arrays.fill(payload, (byte) 7);
        String result = measure(url, threads, seconds, (c, me) -> {
            c.setAutoCommit(false);
            PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO bench_insert (reference, status, payload, created_at) VALUES (?, 'NEW', ?, NOW(6))");
            long[] n = {0};
            return () -> {
                insert.setString(1, String.format("%02d%09d", me, n[0]++));
                insert.setBytes(2, payload);
                insert.executeUpdate();
                c.commit();
            };
        });
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_insert");
        }
        System.out.println(result);
    }

    /** The tables a tip writes, in the order its transaction writes them (children after tip). */
    static final List<String> TIP_TABLES = List.of("tip", "tip_identifier", "outbox_event", "tip_idempotency");

    static final List<String> TIP_TABLES_CHILDREN_FIRST =
            List.of("tip_idempotency", "outbox_event", "tip_identifier", "tip");

    /**
     * The fair write baseline: what one tip's transaction costs MariaDB without the service. Copies of
     * the service's own tables ({@code bench_tip}... made from {@code SHOW CREATE TABLE}: same columns,
     * indexes and foreign keys; copies so that the service's relay and counts never see these rows),
     * and rows of exactly the size of the tip {@code reference} that the service stored (its row, its
     * identifiers, its outbox event and idempotency record, bytes copied). Each transaction runs what
     * {@code TipService.submit} sends: the idempotency look-up by key, the tip INSERT (generated id),
     * one INSERT per identifier, the outbox event, the idempotency record, COMMIT; new unique values
     * (reference, receipt hash, event id, key hash) each time; 16 threads with a connection each,
     * autocommit off, server-side prepared statements like the service's pool.
     */
    static void tipTransactions(String url, int threads, double seconds, String reference) throws Exception {
        Map<String, List<Map<String, Object>>> template = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            long tipId;
            try (PreparedStatement q = c.prepareStatement("SELECT id FROM tip WHERE reference = ?")) {
                q.setString(1, reference);
                try (ResultSet r = q.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalArgumentException("no tip " + reference);
                    }
                    tipId = r.getLong(1);
                }
            }
            template.put("tip", rows(c, "SELECT * FROM tip WHERE id = ?", tipId));
            template.put(
                    "tip_identifier",
                    rows(c, "SELECT * FROM tip_identifier WHERE tip_id = ? ORDER BY position", tipId));
            template.put(
                    "outbox_event",
                    rows(c, "SELECT * FROM outbox_event WHERE payload LIKE ?", "%\"" + reference + "\"%"));
            template.put("tip_idempotency", rows(c, "SELECT * FROM tip_idempotency WHERE tip_id = ?", tipId));
            for (String table : TIP_TABLES) {
                if (template.get(table).isEmpty()) {
                    throw new IllegalArgumentException("tip " + reference + " has no row in " + table);
                }
            }
            for (String table : TIP_TABLES_CHILDREN_FIRST) {
                s.execute("DROP TABLE IF EXISTS bench_" + table);
            }
            for (String table : TIP_TABLES) {
                try (ResultSet r = s.executeQuery("SHOW CREATE TABLE " + table)) {
                    r.next();
                    s.execute(r.getString(2)
                            .replace("CREATE TABLE `" + table + "`", "CREATE TABLE `bench_" + table + "`")
                            .replace("REFERENCES `tip`", "REFERENCES `bench_tip`")
                            .replace("CONSTRAINT `", "CONSTRAINT `bench_")
                            .replaceAll(" AUTO_INCREMENT=\\d+", ""));
                }
            }
        }
        String oldReference = reference;
        String result = measure(
                url + (url.contains("?") ? "&" : "?") + "useServerPrepStmts=true", threads, seconds, (c, me) -> {
                    c.setAutoCommit(false);
                    PreparedStatement lookUp =
                            c.prepareStatement("SELECT * FROM bench_tip_idempotency WHERE key_hash = ?");
                    PreparedStatement tip =
                            insert(c, "tip", template.get("tip").get(0), PreparedStatement.RETURN_GENERATED_KEYS);
                    PreparedStatement identifier = insert(
                            c, "tip_identifier", template.get("tip_identifier").get(0), 0);
                    PreparedStatement event = insert(
                            c, "outbox_event", template.get("outbox_event").get(0), 0);
                    PreparedStatement idempotency = insert(
                            c,
                            "tip_idempotency",
                            template.get("tip_idempotency").get(0),
                            0);
                    java.util.Random random = new java.util.Random(me);
                    long[] n = {0};
                    return () -> {
                        String newReference = String.format("%02d%09d", me, n[0]++);
                        String keyHash = String.format("%064x", random.nextLong() & Long.MAX_VALUE)
                                        .substring(0, 48)
                                + String.format("%016x", n[0] * 64 + me);
                        lookUp.setString(1, keyHash);
                        lookUp.executeQuery().close();
                        long tipId = run(
                                tip,
                                true,
                                template.get("tip").get(0),
                                Map.of("reference", newReference, "receipt_hash", randomBytes(random, 32)));
                        for (Map<String, Object> row : template.get("tip_identifier")) {
                            run(identifier, false, row, Map.of("tip_id", tipId));
                        }
                        Map<String, Object> eventRow =
                                template.get("outbox_event").get(0);
                        String eventId = new java.util.UUID(random.nextLong(), n[0]).toString();
                        run(
                                event,
                                false,
                                eventRow,
                                Map.of(
                                        "event_id",
                                        eventId,
                                        "payload",
                                        ((String) eventRow.get("payload"))
                                                .replace(oldReference, newReference)
                                                .replace((String) eventRow.get("event_id"), eventId)));
                        run(
                                idempotency,
                                false,
                                template.get("tip_idempotency").get(0),
                                Map.of("key_hash", keyHash, "tip_id", tipId, "receipt_salt", randomBytes(random, 16)));
                        c.commit();
                    };
                });
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            for (String table : TIP_TABLES_CHILDREN_FIRST) {
                s.execute("DROP TABLE bench_" + table);
            }
        }
        System.out.println(result);
    }

    static List<Map<String, Object>> rows(Connection c, String sql, Object parameter) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (ResultSet r = q.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnName(i), r.getObject(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** An INSERT of every column of the template row but its generated id. */
    static PreparedStatement insert(Connection c, String table, Map<String, Object> row, int keys) throws Exception {
        List<String> columns =
                row.keySet().stream().filter(k -> !k.equals("id")).toList();
        return c.prepareStatement(
                "INSERT INTO bench_" + table + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")",
                keys);
    }

    /** Runs the INSERT with the template's values, some replaced; the generated id, if any. */
    static long run(
            PreparedStatement insert, boolean generatesKey, Map<String, Object> row, Map<String, Object> replaced)
            throws Exception {
        int i = 1;
        for (Map.Entry<String, Object> column : row.entrySet()) {
            if (!column.getKey().equals("id")) {
                insert.setObject(i++, replaced.getOrDefault(column.getKey(), column.getValue()));
            }
        }
        insert.executeUpdate();
        if (!generatesKey) {
            return 0;
        }
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    static byte[] randomBytes(java.util.Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    interface Work {
        void run() throws Exception;
    }

    interface Worker {
        Work prepare(Connection c, int thread) throws Exception;
    }

    /**
     * Runs {@code threads} workers, each on its own connection, for a 3 s warm-up and then
     * {@code seconds}; returns {@code "<units/s> <p50 ms> <p99 ms>"}.
     */
    static String measure(String url, int threads, double seconds, Worker worker) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicBoolean failed = new AtomicBoolean(false);
        long[][] latencies = new long[threads][1_000_000];
        int[] counts = new int[threads];
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int me = t;
            new Thread(() -> {
                        try (Connection c = DriverManager.getConnection(url)) {
                            Work work = worker.prepare(c, me);
                            while (!stop.get()) {
                                long started = System.nanoTime();
                                work.run();
                                if (measuring.get() && counts[me] < latencies[me].length) {
                                    latencies[me][counts[me]++] = System.nanoTime() - started;
                                }
                            }
                        } catch (Exception e) {
                            failed.set(true);
                            e.printStackTrace();
                        } finally {
                            done.countDown();
                        }
                    })
                    .start();
        }
        Thread.sleep(3000); // warm-up: connections, JIT, buffer pool
        measuring.set(true);
        long started = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        measuring.set(false);
        long elapsed = System.nanoTime() - started;
        stop.set(true);
        done.await();
        if (failed.get()) {
            throw new IllegalStateException("a worker failed (above)");
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return String.format(
                java.util.Locale.ROOT,
                "%.1f %.2f %.2f",
                total / (elapsed / 1e9),
                all[total / 2] / 1e6,
                all[(int) (total * 0.99)] / 1e6);
    }
}
