package org.vigil.tip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.tip.TipFixtures.bytesValue;
import static org.vigil.tip.TipFixtures.submit;
import static org.vigil.tip.TipFixtures.tip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.vigil.platform.crypto.FieldCipher;

@QuarkusTest
class TipEncryptionTest {

    @Inject
    DataSource db;

    @Inject
    FieldCipher cipher;

    @Inject
    TipService service;

    @Inject
    ObjectMapper json;

    @Test
    void tipContentIsCiphertextWithAKeyIdAndDecryptsBack() throws Exception {
        String marker = UUID.randomUUID().toString();
        Map<String, Object> tip = tip();
        tip.put("narrative", "Người môi giới " + marker + " giữ hộ chiếu của nạn nhân");
        tip.put(
                "place",
                Map.of(
                        "text",
                        "Nhà trọ gần chợ " + marker,
                        "regionCode",
                        "vn-31",
                        "latitude",
                        13.75,
                        "longitude",
                        109.21));
        tip.put("contact", Map.of("name", "Lan " + marker, "phone", "0909 000 111"));
        String reference = submit(tip).statusCode(201).extract().path("reference");
        String row = "FROM tip WHERE reference = '" + reference + "'";

        byte[] narrative = bytesValue(db, "SELECT narrative_enc " + row);
        assertThat(new String(narrative, StandardCharsets.ISO_8859_1)).doesNotContain(marker);
        assertThat(FieldCipher.keyIdOf(narrative)).isEqualTo("dev-insecure-1");
        assertThat(cipher.decryptText(narrative, Tip.aad(Tip.NARRATIVE, reference)))
                .isEqualTo("Người môi giới " + marker + " giữ hộ chiếu của nạn nhân");
        assertThat(cipher.decryptText(bytesValue(db, "SELECT contact_enc " + row), Tip.aad(Tip.CONTACT, reference)))
                .contains("Lan " + marker);
        assertThat(json.readTree(cipher.decryptText(
                                bytesValue(db, "SELECT place_enc " + row), Tip.aad(Tip.PLACE, reference)))
                        .get("latitude")
                        .asDouble())
                .isEqualTo(13.75);
        assertThat(TipFixtures.stringValue(db, "SELECT region_code " + row)).isEqualTo("VN-31");
        for (String column : List.of("place_enc", "contact_enc")) {
            assertThat(new String(bytesValue(db, "SELECT " + column + " " + row), StandardCharsets.ISO_8859_1))
                    .doesNotContain(marker);
        }
    }

    @Test
    void identifiersAreEncryptedAndLinkedByAKeyedHashOfTheirNormalForm() {
        Map<String, Object> first = tip();
        first.put(
                "identifiers",
                List.of(
                        Map.of("type", "phone", "value", "0977 123 456"),
                        Map.of("type", "url", "value", "https://www.Tuyen-Dung-Campuchia.com/apply")));
        Map<String, Object> second = tip();
        second.put(
                "identifiers",
                List.of(
                        Map.of("type", "phone", "value", "+84 97 712 3456"),
                        Map.of("type", "url", "value", "tuyen-dung-campuchia.com")));
        String a = submit(first).statusCode(201).extract().path("reference");
        String b = submit(second).statusCode(201).extract().path("reference");

        byte[] phoneHash = service.identifierHash("phone:+84977123456");
        for (String reference : List.of(a, b)) {
            String ofTip =
                    " FROM tip_identifier i JOIN tip t ON t.id = i.tip_id WHERE t.reference = '" + reference + "'";
            assertThat(bytesValue(db, "SELECT i.normalized_hash" + ofTip + " AND i.position = 0"))
                    .isEqualTo(phoneHash);
            assertThat(bytesValue(db, "SELECT i.normalized_hash" + ofTip + " AND i.position = 1"))
                    .isEqualTo(service.identifierHash("url:tuyen-dung-campuchia.com"));
            byte[] value = bytesValue(db, "SELECT i.value_enc" + ofTip + " AND i.position = 0");
            assertThat(new String(value, StandardCharsets.ISO_8859_1)).doesNotContain("977");
            long tipId = TipFixtures.longValue(db, "SELECT id FROM tip WHERE reference = '" + reference + "'");
            assertThat(cipher.decryptText(value, TipIdentifier.aad(tipId, 0))).isEqualTo("+84977123456");
        }
        assertThat(TipFixtures.longValue(
                        db,
                        "SELECT COUNT(DISTINCT tip_id) FROM tip_identifier WHERE normalized_hash = X'"
                                + java.util.HexFormat.of().formatHex(phoneHash) + "'"))
                .isGreaterThanOrEqualTo(2);
    }
}
