import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bench's plain-JDBC side (run with the MariaDB Connector/J jar on the class path):
 * <ul>
 * <li>{@code reset <serverUrl> <database>}: drops and creates the bench database;</li>
 * <li>{@code query <url> <sql>}: prints the first column of the first row;</li>
 * <li>{@code insert <url> <threads> <seconds>}: the write baseline, printing
 * {@code <inserts/s> <p50 ms> <p99 ms>};</li>
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
            case "check-refs" -> checkReferences(args[1], java.nio.file.Path.of(args[2]));
            default -> throw new IllegalArgumentException("reset | query | insert");
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
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        long[][] latencies = new long[threads][1_000_000];
        int[] counts = new int[threads];
        CountDownLatch done = new CountDownLatch(threads);
        byte[] payload = new byte[400];
        Arrays.fill(payload, (byte) 7);
        for (int t = 0; t < threads; t++) {
            int me = t;
            new Thread(() -> {
                        try (Connection c = DriverManager.getConnection(url)) {
                            c.setAutoCommit(false);
                            PreparedStatement insert = c.prepareStatement(
                                    "INSERT INTO bench_insert (reference, status, payload, created_at) VALUES (?, 'NEW', ?, NOW(6))");
                            long n = 0;
                            while (!stop.get()) {
                                long started = System.nanoTime();
                                insert.setString(1, String.format("%02d%09d", me, n++));
                                insert.setBytes(2, payload);
                                insert.executeUpdate();
                                c.commit();
                                if (measuring.get() && counts[me] < latencies[me].length) {
                                    latencies[me][counts[me]++] = System.nanoTime() - started;
                                }
                            }
                        } catch (Exception e) {
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
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_insert");
        }
        System.out.printf(
                "%.1f %.2f %.2f%n", total / (elapsed / 1e9), all[total / 2] / 1e6, all[(int) (total * 0.99)] / 1e6);
    }
}
