package org.vigil.testsupport;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Set;

/** Bearer tokens signed with the test key, as the province's identity provider would issue them. */
public final class Tokens {

    public static final String ISSUER = "https://vigil.dev/issuer";
    /** The audience the test profile requires (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "vigil-dev";

    private Tokens() {}

    /** The organisation every partner token names unless told otherwise (db/test-data registers it). */
    public static final String TEST_PARTNER = "test-bank";

    /** A token with these roles; a partner's names {@link #TEST_PARTNER} as its organisation. */
    public static String bearer(String user, String... roles) {
        var claims = Jwt.issuer(ISSUER).audience(AUDIENCE).upn(user).groups(Set.of(roles));
        if (Set.of(roles).contains("partner")) {
            claims.claim("organisation", TEST_PARTNER);
        }
        return "Bearer " + claims.expiresIn(Duration.ofHours(1)).sign();
    }

    /** A token carrying one extra claim, e.g. the police unit's {@code region}. */
    public static String bearerWithClaim(String user, String claim, Object value, String... roles) {
        return "Bearer "
                + Jwt.issuer(ISSUER)
                        .audience(AUDIENCE)
                        .upn(user)
                        .groups(Set.of(roles))
                        .claim(claim, value)
                        .expiresIn(Duration.ofHours(1))
                        .sign();
    }

    /** An officer of the unit for {@code region} (claim {@code region}). */
    public static String officer(String user, String region) {
        return bearerWithClaim(user, "region", region, "officer");
    }

    public static String supervisor(String user) {
        return bearer(user, "supervisor");
    }

    /** A user of the test bank reading the partner feed. */
    public static String partner(String user) {
        return bearer(user, "partner");
    }

    /** A user of partner organisation {@code organisation}. */
    public static String partnerOf(String user, String organisation) {
        return bearerWithClaim(user, "organisation", organisation, "partner");
    }

    public static String editor() {
        return bearer("test-editor", "editor");
    }
}
