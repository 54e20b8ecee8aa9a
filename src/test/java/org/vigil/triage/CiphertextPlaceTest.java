package org.vigil.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.vigil.triage.PoliceFixtures.POLICE;
import static org.vigil.triage.PoliceFixtures.officerOf;
import static org.vigil.triage.PoliceFixtures.region;
import static org.vigil.triage.PoliceFixtures.tipIn;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.vigil.platform.crypto.UnboundRewrite;
import org.vigil.testsupport.VersionOne;

/**
 * Ciphertexts are bound to their table, column, row and author: a database writer who copies one
 * into another place gets it shown as unreadable, never as the other place's content (and no 500).
 */
@QuarkusTest
class CiphertextPlaceTest {

    @Inject
    DataSource db;

    @Inject
    UnboundRewrite rewrite;

    @ConfigProperty(name = "vigil.crypto.keys.dev-insecure-1")
    String activeKey;

    @Test
    void aPoliceReplyCopiedIntoTheTipstersMessageDoesNotReadAsTheTipsters() {
        String region = region();
        String[] tip = tipIn(region);
        given().header("X-Receipt-Code", tip[1])
                .contentType(ContentType.JSON)
                .body(Map.of("text", "Tin của người báo"))
                .post("/api/v1/tips/" + tip[0] + "/messages")
                .then()
                .statusCode(201);
        officerOf(region)
                .body(Map.of("text", "Hãy đến trụ sở công an vào thứ hai"))
                .post(POLICE + "/tips/" + tip[0] + "/replies")
                .then()
                .statusCode(201);

        String ofTip = " FROM tip_message WHERE tip_id = (SELECT id FROM tip WHERE reference = '" + tip[0] + "')";
        execute("UPDATE tip_message m JOIN (SELECT body_enc" + ofTip
                + " AND author = 'POLICE') p SET m.body_enc = p.body_enc"
                + " WHERE m.tip_id = (SELECT id FROM tip WHERE reference = '" + tip[0] + "') AND m.author = 'TIPSTER'");

        JsonPath details = officerOf(region)
                .get(POLICE + "/tips/" + tip[0])
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(details.getString("messages[0].from")).isEqualTo("tipster");
        assertThat(details.getString("messages[0].text"))
                .as("the moved reply does not decrypt as the tipster's")
                .isNull();
        assertThat(details.getString("messages[1].text")).isEqualTo("Hãy đến trụ sở công an vào thứ hai");
        assertThat(details.getList("unreadable")).containsExactly("messages[0].text");

        JsonPath status = given().header("X-Receipt-Code", tip[1])
                .get("/api/v1/tips/" + tip[0])
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(status.getList("messages.from"))
                .as("the unreadable message is left out for the tipster")
                .containsExactly("police");
    }

    @Test
    void oneTipsNarrativeCopiedIntoAnotherTipIsUnreadableThere() {
        String region = region();
        String[] a = tipIn(region);
        String[] b = tipIn(region);
        execute("UPDATE tip b JOIN tip a ON a.reference = '" + a[0] + "' SET b.narrative_enc = a.narrative_enc,"
                + " b.contact_enc = a.place_enc WHERE b.reference = '" + b[0] + "'");

        officerOf(region)
                .get(POLICE + "/tips/" + b[0])
                .then()
                .statusCode(200)
                .body("narrative", nullValue())
                .body("contact", nullValue())
                .body("unreadable", equalTo(List.of("narrative", "contact")))
                .body("identifiers[0].value", not(nullValue()));
        officerOf(region)
                .get(POLICE + "/tips/" + a[0])
                .then()
                .statusCode(200)
                .body("narrative", not(nullValue()))
                .body("unreadable", equalTo(List.of()));
    }

    @Test
    void aFileWhoseContentWasReplacedByAnotherColumnsValueIsAClearConflictNotA500() throws Exception {
        String region = region();
        String[] tip = tipIn(region);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        given().header("X-Receipt-Code", tip[1])
                .multiPart("files", "anh.png", png.toByteArray(), "image/png")
                .post("/api/v1/tips/" + tip[0] + "/attachments")
                .then()
                .statusCode(201);
        long id = officerOf(region)
                .get(POLICE + "/tips/" + tip[0])
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("attachments[0].id");
        officerOf(region)
                .get(POLICE + "/tips/" + tip[0] + "/attachments/" + id)
                .then()
                .statusCode(200);

        execute("UPDATE tip_attachment SET content_enc = name_enc WHERE id = " + id);

        officerOf(region)
                .get(POLICE + "/tips/" + tip[0] + "/attachments/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unreadable"));
        officerOf(region)
                .get(POLICE + "/tips/" + tip[0])
                .then()
                .statusCode(200)
                .body("attachments[0].name", equalTo("anh.png"));
    }

    @Test
    void valuesWrittenBeforeTheUpgradeAreRewrittenInTheirPlaceAndThenVersionOneIsRefused() throws Exception {
        String region = region();
        String[] tip = tipIn(region);
        byte[] key = Base64.getDecoder().decode(activeKey);
        setNarrative(
                tip[0], VersionOne.encrypt("dev-insecure-1", key, "Tường thuật cũ".getBytes(StandardCharsets.UTF_8)));
        officerOf(region)
                .get(POLICE + "/tips/" + tip[0])
                .then()
                .statusCode(200)
                .body("narrative", equalTo("Tường thuật cũ"));

        assertThat(rewrite.rewriteAll()).isGreaterThanOrEqualTo(1);

        assertThat(narrative(tip[0])[0]).as("version 2, bound to its place").isEqualTo((byte) 2);
        officerOf(region)
                .get(POLICE + "/tips/" + tip[0])
                .then()
                .statusCode(200)
                .body("narrative", equalTo("Tường thuật cũ"))
                .body("unreadable", equalTo(List.of()));

        // after the rewrite, a version-1 value (say, from an old backup) is not accepted anywhere
        String[] other = tipIn(region);
        setNarrative(
                other[0],
                VersionOne.encrypt("dev-insecure-1", key, "Chèn từ bản sao lưu".getBytes(StandardCharsets.UTF_8)));
        officerOf(region)
                .get(POLICE + "/tips/" + other[0])
                .then()
                .statusCode(200)
                .body("narrative", nullValue())
                .body("unreadable", hasItem("narrative"));
    }

    private void setNarrative(String reference, byte[] value) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE tip SET narrative_enc = ? WHERE reference = ?")) {
            s.setBytes(1, value);
            s.setString(2, reference);
            s.executeUpdate();
        }
    }

    private byte[] narrative(String reference) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT narrative_enc FROM tip WHERE reference = '" + reference + "'")) {
            r.next();
            return r.getBytes(1);
        }
    }

    private void execute(String sql) {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(sql)).isPositive();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
