package org.vigil.partner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.vigil.indicator.IndicatorFixtures;
import org.vigil.testsupport.Tokens;

/**
 * A tipster's filing proof: issued to the holder of the receipt, saying only reference, minute and
 * identifier, checkable offline with /.well-known/jwks.json, and by a partner through the API, which
 * tells genuine and unexpired apart from forged, altered, expired and garbage, and nothing else.
 */
@QuarkusTest
class FilingProofTest {

    static final String VERIFY = "/api/v1/partner/filing-proofs/verify";
    static final String TYPE = "vigil-filing-proof+jwt";
    static final ObjectMapper JSON = new ObjectMapper();

    static ValidatableResponse verify(String token, String proof) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(Map.of("proof", proof))
                .post(VERIFY)
                .then();
    }

    static JsonNode part(String compact, int index) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(compact.split("\\.")[index]));
    }

    /** A proof as the service makes them, signed with a key of our choosing. */
    static String sign(PrivateKey key, String kid, String type, Instant issued, Instant expires) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuedAt(NumericDate.fromSeconds(issued.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setClaim("reference", "7KQM2XHD9PA");
        claims.setClaim("receivedAt", "2026-07-30T03:12:00Z");
        claims.setClaim("identifier", Map.of("type", "bank-account", "value", "0451000012345", "bank", "VCB"));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", type);
        jws.setKey(key);
        return jws.getCompactSerialization();
    }

    /** The test profile's key {@code id} (vigil.signing.keys), as the service derives it. */
    static PrivateKey configured(String id) throws Exception {
        byte[] seed = Base64.getDecoder()
                .decode(ConfigProvider.getConfig().getValue("vigil.signing.keys." + id, String.class));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        return generator.generateKeyPair().getPrivate();
    }

    @Test
    void theTipsterGetsAProofPerIdentifierThatABankChecksOfflineAndThroughTheApi() throws Exception {
        String phone = IndicatorFixtures.phone();
        var receipt = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "category",
                        "online-fraud",
                        "narrative",
                        "Bị lừa chuyển tiền vào tài khoản này " + UUID.randomUUID(),
                        "identifiers",
                        List.of(
                                Map.of("type", "bank-account", "value", "0451 0000 12345", "bank", "vcb"),
                                Map.of("type", "phone", "value", phone),
                                Map.of("type", "url", "value", "https://viec-nhe.example.vn/job?ref=0912000111")),
                        "contact",
                        Map.of("name", "Nguyễn Thị Lan", "phone", "+84 912 000 111")))
                .post("/api/v1/tips")
                .then()
                .statusCode(201)
                .extract();
        String reference = receipt.path("reference");
        String code = receipt.path("receipt");

        given().header("X-Receipt-Code", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG")
                .get("/api/v1/tips/" + reference + "/filing-proofs")
                .then()
                .statusCode(404);
        var answer = given().header("X-Receipt-Code", code)
                .get("/api/v1/tips/" + reference + "/filing-proofs")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("reference", equalTo(reference))
                .body("proofs", hasSize(3))
                .body("proofs[0].identifier.type", equalTo("bank-account"))
                .body("proofs[0].identifier.value", equalTo("0451000012345"))
                .body("proofs[0].identifier.bank", equalTo("VCB"))
                .body("proofs[1].identifier.value", equalTo(IndicatorFixtures.e164(phone)))
                .body("proofs[2].identifier.value", equalTo("viec-nhe.example.vn"))
                .extract();
        String proof = answer.path("proofs[0].proof");
        String receivedAt = answer.path("receivedAt");

        JsonNode header = part(proof, 0);
        assertThat(header.path("alg").asText()).isEqualTo("EdDSA");
        assertThat(header.path("kid").asText()).isEqualTo("test-s2");
        assertThat(header.path("typ").asText()).isEqualTo(TYPE);
        JsonNode claims = part(proof, 1);
        assertThat(claims.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("reference", "receivedAt", "identifier", "iat", "exp");
        assertThat(claims.path("reference").asText()).isEqualTo(reference);
        assertThat(claims.path("receivedAt").asText()).isEqualTo(receivedAt).endsWith(":00Z");
        assertThat(claims.path("iat").asLong() % 60).isZero();
        String payloads = new String(
                Base64.getUrlDecoder()
                        .decode(answer.<String>path("proofs[2].proof").split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(payloads).doesNotContain("Lan", "0912000111", "912 000 111", "Bị lừa", "job");

        // offline, as a bank's own code would: the published keys only, no private part among them
        String jwks = given().get("/.well-known/jwks.json")
                .then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=3600")
                .body("keys.kid", org.hamcrest.Matchers.hasItems("test-s1", "test-s2"))
                .body("keys.kty", org.hamcrest.Matchers.everyItem(equalTo("OKP")))
                .body("keys.crv", org.hamcrest.Matchers.everyItem(equalTo("Ed25519")))
                .body("keys.d", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()))
                .extract()
                .asString();
        JwtClaims offline = new JwtConsumerBuilder()
                .setExpectedType(true, TYPE)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.EDDSA)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .build()
                .processToClaims(proof);
        assertThat(offline.getStringClaimValue("reference")).isEqualTo(reference);

        String bank = Tokens.partner("fraud.vcb");
        verify(bank, proof).statusCode(200).header("Cache-Control", "no-store").body("valid", equalTo(true));
    }

    @Test
    void forgedAlteredExpiredAndGarbageProofsAreRefusedAndARetiredKeyStillVerifies() throws Exception {
        String bank = Tokens.partner("fraud.vcb");
        Instant now = Instant.now();
        Instant later = now.plusSeconds(3600);
        PrivateKey active = configured("test-s2");

        String genuine = sign(active, "test-s2", TYPE, now, later);
        verify(bank, genuine).statusCode(200).body("valid", equalTo(true));
        // rotation: a key no longer active still verifies what it signed
        verify(bank, sign(configured("test-s1"), "test-s1", TYPE, now, later))
                .statusCode(200)
                .body("valid", equalTo(true));

        verify(bank, sign(active, "test-s2", TYPE, now.minusSeconds(7200), now.minusSeconds(3600)))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/filing-proof-expired"));

        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String[] parts = genuine.split("\\.");
        String altered = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                                .replace("0451000012345", "0451000099999")
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        for (String forged : List.of(
                sign(stranger.getPrivate(), "test-s2", TYPE, now, later),
                sign(stranger.getPrivate(), "stranger", TYPE, now, later),
                sign(stranger.getPrivate(), "test-s2", TYPE, now.minusSeconds(7200), now.minusSeconds(3600)),
                sign(active, "test-s2", "JWT", now, later),
                altered)) {
            verify(bank, forged)
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/filing-proof-not-genuine"));
        }

        verify(bank, "not a proof at all")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("proof"));
        given().header("Authorization", bank)
                .contentType(ContentType.JSON)
                .body("{}")
                .post(VERIFY)
                .then()
                .statusCode(400);
        verify(Tokens.partnerOf("x", "nobody-bank"), genuine).statusCode(403);
        verify(Tokens.supervisor("supervisor.hung"), genuine).statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("proof", genuine))
                .post(VERIFY)
                .then()
                .statusCode(401);
    }
}
