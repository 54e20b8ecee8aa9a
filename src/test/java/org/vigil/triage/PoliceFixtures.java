package org.vigil.triage;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.testsupport.Tokens;

/** Tips placed in regions of their own, and the tokens of the officers who see them. */
final class PoliceFixtures {

    static final String POLICE = "/api/v1/police";

    private PoliceFixtures() {}

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    private static final long REGIONS = 26L * 26 * CHARS.length() * CHARS.length() * CHARS.length();
    // Sequential from a random start: unique within a run (a random draw once gave a stranger the
    // home region), and unlikely to meet an earlier run's regions in a reused database.
    private static final AtomicLong NEXT_REGION =
            new AtomicLong(ThreadLocalRandom.current().nextLong(REGIONS));

    /** A region code no other test uses, e.g. QX-K7Q (ISO 3166-2 shape, as tips accept). */
    static String region() {
        long n = NEXT_REGION.getAndIncrement() % REGIONS;
        StringBuilder sb = new StringBuilder(6);
        for (int i = 0; i < 3; i++) {
            sb.append(CHARS.charAt((int) (n % CHARS.length())));
            n /= CHARS.length();
        }
        sb.append('-').append(LETTERS.charAt((int) (n % 26))).append(LETTERS.charAt((int) (n / 26)));
        return sb.reverse().toString();
    }

    /** A Vietnamese mobile number no other test uses, written the local way. */
    static String phone() {
        return String.format(
                "0912 %03d %03d",
                ThreadLocalRandom.current().nextInt(1000),
                ThreadLocalRandom.current().nextInt(1000));
    }

    static Map<String, Object> tipIn(String region, String phone, boolean inDangerNow) {
        Map<String, Object> tip = new LinkedHashMap<>();
        tip.put("category", inDangerNow ? "kidnapping-ransom" : "online-fraud");
        tip.put("narrative", "Người quen bị giữ ở Campuchia, gia đình bị đòi 200 triệu đồng, mã " + UUID.randomUUID());
        tip.put("inDangerNow", inDangerNow);
        if (region != null) {
            tip.put("place", Map.of("text", "Xã Nhơn Hải", "regionCode", region));
        }
        tip.put("identifiers", new ArrayList<>(List.of(Map.of("type", "phone", "value", phone))));
        tip.put("contact", Map.of("name", "Lan", "phone", "+84 912 000 111"));
        return tip;
    }

    /** Reference and receipt of a fresh tip. */
    static String[] submit(Map<String, Object> tip) {
        var body = given().contentType(ContentType.JSON)
                .body(tip)
                .post("/api/v1/tips")
                .then()
                .statusCode(201)
                .extract();
        return new String[] {body.path("reference"), body.path("receipt")};
    }

    static String[] tipIn(String region) {
        return submit(tipIn(region, phone(), false));
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }

    static RequestSpecification officerOf(String region) {
        return as(Tokens.officer("officer-" + region.toLowerCase(), region));
    }

    static RequestSpecification supervisor() {
        return as(Tokens.supervisor("supervisor.hung"));
    }
}
