package org.vigil.testsupport;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Set;

/** Bearer tokens signed with the test key, as the province's identity provider would issue them. */
public final class Tokens {

    public static final String ISSUER = "https://vigil.dev/issuer";

    private Tokens() {
    }

    public static String bearer(String user, String... roles) {
        return "Bearer " + Jwt.issuer(ISSUER).upn(user).groups(Set.of(roles)).expiresIn(Duration.ofHours(1)).sign();
    }

    public static String editor() {
        return bearer("test-editor", "editor");
    }
}
