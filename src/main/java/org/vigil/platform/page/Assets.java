package org.vigil.platform.page;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * What the pages look like in this build: a fingerprint of the templates, the words and the static
 * files, computed once at start from the application's own jar (or classes directory). It is the
 * same on every replica of a build and changes with any template, word or stylesheet, so it goes
 * into every page's ETag (a deploy is not answered with a stale 304) and into the stylesheet's
 * address (which browsers may then keep for long).
 */
@Singleton
public class Assets {

    private static final Logger LOG = Logger.getLogger(Assets.class);
    private static final String[] FOLDERS = {"templates/", "messages/", "META-INF/resources/"};

    private final String fingerprint;

    Assets() {
        this.fingerprint = compute();
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** The one stylesheet, at an address that changes with the build's look. */
    public String stylesheet() {
        return "/static/vigil.css?v=" + fingerprint;
    }

    /** The one script, a progressive enhancement: every page works without it. */
    public String script() {
        return "/static/vigil.js?v=" + fingerprint;
    }

    private static String compute() {
        try {
            Path location = Path.of(Assets.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Map<String, byte[]> files = Files.isDirectory(location) ? fromDirectory(location) : fromJar(location);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, bytes) -> {
                sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            // still correct, only less cache-friendly: each replica start has its own
            LOG.warnf("Page assets could not be read for their fingerprint (%s); using the start time", e);
            return Long.toHexString(System.currentTimeMillis());
        }
    }

    private static Map<String, byte[]> fromDirectory(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (wanted(name)) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    private static Map<String, byte[]> fromJar(Path jar) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().filter(e -> !e.isDirectory()).toList()) {
                if (wanted(entry.getName())) {
                    try (InputStream in = file.getInputStream(entry)) {
                        files.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return files;
    }

    private static boolean wanted(String name) {
        for (String folder : FOLDERS) {
            if (name.startsWith(folder)) {
                return true;
            }
        }
        return false;
    }
}
