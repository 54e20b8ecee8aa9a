package org.vigil.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The production start check as a plain function (deploy/checks/prod-start.sh runs it in the packaged jar). */
class ProductionSettingsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    static Map<String, String> complete() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quarkus.datasource.jdbc.url", "jdbc:mariadb://db:3306/vigil?user=v&password=p");
        settings.put("vigil.crypto.active-key-id", "k2027a");
        settings.put("vigil.crypto.keys.k2027a", KEY);
        settings.put("vigil.crypto.hash-key", KEY);
        settings.put("vigil.signing.active-key-id", "s2027a");
        settings.put("vigil.signing.keys.s2027a", KEY);
        settings.put("mp.jwt.verify.issuer", "https://sso.example.org/realms/vigil");
        settings.put("mp.jwt.verify.audiences", "vigil-api");
        settings.put(
                "mp.jwt.verify.publickey.location",
                "https://sso.example.org/realms/vigil/protocol/openid-connect/certs");
        settings.put("quarkus.oidc.auth-server-url", "https://sso.example.org/realms/vigil");
        settings.put("quarkus.oidc.client-id", "vigil-console");
        settings.put("quarkus.oidc.credentials.secret", "0123456789abcdef0123456789abcdef");
        return settings;
    }

    static List<String> problems(Map<String, String> settings) {
        return ProductionSettings.problems(name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void startsWhenEverythingIsThere() {
        assertThat(problems(complete())).isEmpty();
    }

    @Test
    void namesEveryMissingSettingInOneMessage() {
        List<String> problems = problems(Map.of());
        String message = ProductionSettings.message(problems);
        assertThat(message)
                .contains(
                        "VIGIL_DB_URL",
                        "VIGIL_CRYPTO_ACTIVE_KEY_ID",
                        "VIGIL_CRYPTO_HASH_KEY",
                        "VIGIL_SIGNING_ACTIVE_KEY_ID",
                        "VIGIL_JWT_ISSUER",
                        "VIGIL_JWT_AUDIENCE",
                        "VIGIL_JWT_PUBLIC_KEY_LOCATION",
                        "VIGIL_OIDC_ISSUER",
                        "VIGIL_OIDC_CLIENT_ID",
                        "VIGIL_OIDC_CLIENT_SECRET")
                .startsWith("Vigil cannot start in production");
        assertThat(problems).hasSize(10);
    }

    @Test
    void aConsoleSecretTooShortToEncryptTheSessionIsRefused() {
        Map<String, String> settings = complete();
        settings.put("quarkus.oidc.credentials.secret", "short-secret");
        assertThat(problems(settings))
                .singleElement()
                .asString()
                .contains("VIGIL_OIDC_CLIENT_SECRET is shorter than 32 characters")
                .doesNotContain("short-secret");
    }

    @Test
    void blankCountsAsMissing() {
        Map<String, String> settings = complete();
        settings.put("mp.jwt.verify.issuer", "  ");
        assertThat(problems(settings)).singleElement().asString().contains("VIGIL_JWT_ISSUER");
    }

    @Test
    void theAudienceIsRequired() {
        Map<String, String> settings = complete();
        settings.remove("mp.jwt.verify.audiences");
        assertThat(problems(settings)).singleElement().asString().contains("VIGIL_JWT_AUDIENCE");
    }

    @Test
    void namesTheActiveKeyWhenOnlyItIsMissing() {
        Map<String, String> settings = complete();
        settings.remove("vigil.crypto.keys.k2027a");
        assertThat(problems(settings)).singleElement().asString().contains("VIGIL_CRYPTO_KEYS_K2027A");
    }

    @Test
    void aJwksUrlOrAnInlineKeyWillDo() {
        Map<String, String> settings = complete();
        settings.remove("mp.jwt.verify.publickey.location");
        assertThat(problems(settings)).singleElement().asString().contains("VIGIL_JWT_PUBLIC_KEY_LOCATION");
        settings.put("mp.jwt.verify.publickey", "MIIBIjANBgkq...");
        assertThat(problems(settings)).isEmpty();
    }

    @Test
    void aWeakKeyIsNamedWithoutItsValue() {
        Map<String, String> settings = complete();
        settings.put("vigil.crypto.hash-key", "c2hvcnQ=");
        assertThat(problems(settings))
                .singleElement()
                .asString()
                .contains("vigil.crypto.hash-key")
                .doesNotContain("c2hvcnQ=");
    }
}
