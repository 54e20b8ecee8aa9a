package org.vigil.tip;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Shared test data and database look-ups for the tip tests. */
final class TipFixtures {

    static final List<String> TABLES =
            List.of("tip", "tip_identifier", "tip_message", "tip_attachment", "tip_idempotency");

    private TipFixtures() {}

    /** A valid tip whose narrative is unique to this call. */
    static Map<String, Object> tip() {
        Map<String, Object> tip = new LinkedHashMap<>();
        tip.put("category", "online-fraud");
        tip.put("narrative", "Kẻ gian giả danh công an gọi điện yêu cầu chuyển tiền, mã " + UUID.randomUUID());
        tip.put("inDangerNow", false);
        tip.put(
                "identifiers",
                new ArrayList<>(List.of(
                        Map.of("type", "phone", "value", "0912 345 678"),
                        Map.of("type", "bank-account", "value", "0451-0000-12345", "bank", "vcb"))));
        return tip;
    }

    static ValidatableResponse submit(Object body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/tips")
                .then();
    }

    /** Reference and receipt of a freshly accepted tip. */
    static String[] accepted() {
        var body = submit(tip()).statusCode(201).extract();
        return new String[] {body.path("reference"), body.path("receipt")};
    }

    static Map<String, Long> rowCounts(DataSource db) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, longValue(db, "SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }

    static long longValue(DataSource db, String sql) {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String stringValue(DataSource db, String sql) {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytesValue(DataSource db, String sql) {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getBytes(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Content of the attachment the query ({@code FROM tip_attachment a ... }) finds, decrypted in its place. */
    static byte[] attachmentContent(DataSource db, org.vigil.platform.crypto.FieldCipher cipher, String fromWhere) {
        return attachmentValue(db, cipher, TipAttachment.CONTENT, fromWhere);
    }

    /** An encrypted column of the first attachment row {@code fromWhere} selects (alias {@code a}), decrypted in its place. */
    static byte[] attachmentValue(
            DataSource db, org.vigil.platform.crypto.FieldCipher cipher, String column, String fromWhere) {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT a." + column + ", a.tip_id, a.row_key " + fromWhere)) {
            r.next();
            return cipher.decrypt(r.getBytes(1), TipAttachment.aad(column, r.getLong(2), r.getBytes(3)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(DataSource db, String sql) {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
