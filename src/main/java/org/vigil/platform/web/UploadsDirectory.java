package org.vigil.platform.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Multipart parts are written to {@code quarkus.http.body.uploads-directory} (memory-backed in k8s)
 * and deleted when their request ends; a process that crashed mid-request leaves them, with their
 * EXIF and GPS. At start they are deleted. Only files older than this process: a request that the
 * server may already be taking keeps its part.
 */
@ApplicationScoped
public class UploadsDirectory {

    private static final Logger LOG = Logger.getLogger(UploadsDirectory.class);

    private final Path directory;

    UploadsDirectory(@ConfigProperty(name = "quarkus.http.body.uploads-directory") String directory) {
        this.directory = Path.of(directory);
    }

    void onStart(@Observes StartupEvent start) {
        sweep();
    }

    /** Deletes the files left by an earlier process; returns how many. */
    public int sweep() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        FileTime started =
                FileTime.fromMillis(ManagementFactory.getRuntimeMXBean().getStartTime());
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(started) < 0) {
                    Files.deleteIfExists(file);
                    deleted++;
                }
            }
        } catch (IOException e) {
            LOG.warnf(
                    "Leftover uploads could not all be deleted: %s",
                    e.getClass().getSimpleName());
        }
        if (deleted > 0) {
            LOG.infof("Deleted %d upload(s) left by an earlier process", deleted);
        }
        return deleted;
    }

    public Path directory() {
        return directory;
    }
}
