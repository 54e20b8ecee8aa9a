package org.vigil.partner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a push, verifiable the way Stripe's are: {@code Vigil-Signature: t=<unix seconds>,v1=<hex>}
 * where the hex is HMAC-SHA256, keyed with the organisation's secret, of {@code <t>.<body>}. The
 * timestamp is signed with the body, so a receiver refuses old ones (replays) by comparing it with its clock.
 */
final class WebhookSignature {

    static final String HEADER = "Vigil-Signature";
    static final String EVENT_ID_HEADER = "Vigil-Event-Id";

    private WebhookSignature() {}

    static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    private static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
