package org.vigil.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Keycloak the console logs in with: ONE for the whole suite, with the committed realm
 * (tools/keycloak/vigil-realm.json). {@code VIGIL_TEST_KEYCLOAK} names one already running (its base
 * address, e.g. http://127.0.0.1:18181, as .ci/run starts it); otherwise the first console test starts
 * one with tools/keycloak/run.sh on a port chosen at boot (a run without console tests starts none).
 * Quarkus' OIDC adapter connects on the first console request; the console tests wait for the realm
 * through {@link #await()}: without it they skip, saying so, unless {@code VIGIL_REQUIRE_KEYCLOAK=true}
 * (set by .ci/run).
 */
@WithTestResource(value = KeycloakTestResource.class, scope = TestResourceScope.GLOBAL)
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "vigil";
    public static final String CONSOLE_CLIENT = "vigil-console";
    public static final String CONSOLE_SECRET = "vigil-console-dev-secret-not-for-production";
    /** How long the first console test waits for a Keycloak starting beside the suite. */
    private static final Duration START_LIMIT = Duration.ofSeconds(420);

    private static final Logger LOG = Logger.getLogger(KeycloakTestResource.class);

    private static String baseUrl;
    private static boolean own;
    private static Process started;
    private static Boolean up;

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url",
                issuer(),
                "quarkus.oidc.client-id",
                CONSOLE_CLIENT,
                "quarkus.oidc.credentials.secret",
                CONSOLE_SECRET);
    }

    /** The realm's issuer address: the given Keycloak's, or the one this suite starts on first use. */
    public static synchronized String issuer() {
        if (baseUrl == null) {
            String given = System.getenv("VIGIL_TEST_KEYCLOAK");
            own = given == null || given.isBlank();
            baseUrl = own ? "http://127.0.0.1:" + freePort() : given.strip().replaceAll("/+$", "");
        }
        return baseUrl + "/realms/" + REALM;
    }

    /**
     * Waits until the realm answers: the calling test skips (or fails, where Keycloak is required)
     * when it does not come up in time.
     */
    public static synchronized String await() {
        String issuer = issuer();
        if (own && up == null && started == null) {
            startOwn();
        }
        if (up == null) {
            up = answers(issuer + "/.well-known/openid-configuration", START_LIMIT);
        }
        if (!up) {
            String missing = "Keycloak did not answer at " + issuer
                    + " (tools/keycloak/run.sh; Java 21+ and Maven Central needed; log in target/keycloak-*.log)";
            if (Boolean.parseBoolean(System.getenv("VIGIL_REQUIRE_KEYCLOAK"))) {
                throw new IllegalStateException(missing + "; console tests are required here");
            }
            Assumptions.abort(
                    missing + ": console tests are skipped (VIGIL_REQUIRE_KEYCLOAK=true makes them required)");
        }
        return issuer;
    }

    private static void startOwn() {
        String port = baseUrl.substring(baseUrl.lastIndexOf(':') + 1);
        try {
            Files.createDirectories(Path.of("target"));
            started = new ProcessBuilder("bash", "tools/keycloak/run.sh", port)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            Path.of("target", "keycloak-" + port + ".log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(KeycloakTestResource::stopOwn));
            LOG.infof("Keycloak for the console tests starting on port %s (target/keycloak-%s.log)", port, port);
        } catch (IOException e) {
            LOG.warnf("Keycloak could not be started: %s", e.getMessage());
            up = false;
        }
    }

    private static void stopOwn() {
        if (started != null) {
            started.destroy(); // run.sh stops its Keycloak on SIGTERM
            try {
                started.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean answers(String url, Duration limit) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (started != null && !started.isAlive()) {
                return false;
            }
            try {
                HttpResponse<Void> answer = client.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for Keycloak", e);
        }
    }

    @Override
    public void stop() {
        // one Keycloak for the whole suite: it stops with the JVM (a given one is not ours to stop)
    }
}
