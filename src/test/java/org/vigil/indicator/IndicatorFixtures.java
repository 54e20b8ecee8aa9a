package org.vigil.indicator;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.vigil.testsupport.Tokens;

/** Values no other test uses, and the police steps that list them. */
public final class IndicatorFixtures {

    public static final String POLICE = "/api/v1/police";
    static final String CHECK = "/api/v1/indicators/check";
    static final String FEED = "/api/v1/partner/indicators";

    private IndicatorFixtures() {}

    /** A Vietnamese mobile number no other test uses, written the local way (0386 ...). */
    public static String phone() {
        return String.format(
                "0386 %03d %03d",
                ThreadLocalRandom.current().nextInt(1000),
                ThreadLocalRandom.current().nextInt(1000));
    }

    public static String e164(String localPhone) {
        return "+84" + localPhone.replace(" ", "").substring(1);
    }

    public static String accountNumber() {
        return String.format(
                "%04d %04d %05d",
                ThreadLocalRandom.current().nextInt(10000),
                ThreadLocalRandom.current().nextInt(10000),
                ThreadLocalRandom.current().nextInt(100000));
    }

    /** A domain no other test uses. */
    public static String domain() {
        return "viec-nhe-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36) + ".com.vn";
    }

    public static String tomorrow() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString();
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }

    public static RequestSpecification officer() {
        return as(Tokens.officer("officer.lan", "VN-31"));
    }

    public static RequestSpecification supervisor() {
        return as(Tokens.supervisor("supervisor.hung"));
    }

    static RequestSpecification partner() {
        return given().header("Authorization", Tokens.partner("bank.vcb"));
    }

    static Map<String, Object> proposal(String type, String value, String bank, String provider) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("value", value);
        if (bank != null) {
            body.put("bank", bank);
        }
        if (provider != null) {
            body.put("provider", provider);
        }
        body.put("scamTypes", List.of("impersonated-police"));
        body.put("evidence", "Gọi cho nhiều người dân, tự xưng công an, đòi chuyển tiền.");
        return body;
    }

    /** An officer's proposal; its id. */
    public static long propose(String type, String value, String bank, String provider) {
        return officer()
                .body(proposal(type, value, bank, provider))
                .post(POLICE + "/indicators")
                .then()
                .statusCode(201)
                .extract()
                .<Number>path("id")
                .longValue();
    }

    /** Proposed by an officer and published by a supervisor until tomorrow; its id. */
    public static long listed(String type, String value, String bank, String provider) {
        long id = propose(type, value, bank, provider);
        supervisor()
                .body(Map.of("expiresOn", tomorrow()))
                .post(POLICE + "/indicators/" + id + "/publish")
                .then()
                .statusCode(200);
        return id;
    }

    public static long listedPhone(String phone) {
        return listed("phone", phone, null, null);
    }

    static RequestSpecification checking(String type, String value) {
        return given().queryParam("type", type).queryParam("value", value);
    }
}
