package org.vigil.tip;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.vigil.tip.TipFixtures.accepted;
import static org.vigil.tip.TipFixtures.rowCounts;
import static org.vigil.tip.TipFixtures.tip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.vigil.platform.crypto.FieldCipher;

@QuarkusTest
class TipAttachmentTest {

    private static final double LATITUDE = 13.7563;
    private static final double LONGITUDE = 109.2177;

    @Inject
    DataSource db;

    @Inject
    FieldCipher cipher;

    @Inject
    ObjectMapper json;

    static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().setColor(Color.ORANGE);
        image.getGraphics().fillRect(4, 4, 20, 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** A JPEG as a phone writes it: EXIF with the camera model and GPS coordinates. */
    static byte[] jpegWithGps() throws Exception {
        TiffOutputSet exif = new TiffOutputSet();
        exif.setGpsInDegrees(LONGITUDE, LATITUDE);
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MODEL, "Pixel-Probe-9");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(jpeg(), out, exif);
        byte[] withGps = out.toByteArray();
        assertThat(gps(withGps)).as("the test image carries GPS").isNotNull();
        return withGps;
    }

    static TiffImageMetadata.GpsInfo gps(byte[] jpeg) throws Exception {
        var metadata = Imaging.getMetadata(jpeg);
        if (!(metadata instanceof JpegImageMetadata jpegMetadata) || jpegMetadata.getExif() == null) {
            return null;
        }
        return jpegMetadata.getExif().getGpsInfo();
    }

    /** A PNG with a text chunk naming a place, as some apps write. */
    static byte[] png() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", plain);
        byte[] bytes = plain.toByteArray();
        byte[] text = "Location\0Quy Nhon 13.7563,109.2177".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + text.length);
        chunk.putInt(text.length)
                .put("tEXt".getBytes(StandardCharsets.US_ASCII))
                .put(text);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + text.length);
        chunk.putInt((int) crc.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, 33); // signature + IHDR
        out.write(chunk.array());
        out.write(bytes, 33, bytes.length - 33);
        return out.toByteArray();
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>>"
                        + " endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static RequestSpecification receipt(String[] tip) {
        return given().header("X-Receipt-Code", tip[1]);
    }

    private byte[] storedContent(String reference, String name) {
        return TipFixtures.attachmentContent(
                db,
                cipher,
                "FROM tip_attachment a JOIN tip t ON t.id = a.tip_id" + " WHERE t.reference = '" + reference
                        + "' ORDER BY a.id DESC LIMIT 1");
    }

    @Test
    void gpsAndDeviceMetadataAreRemovedFromPhotos() throws Exception {
        String[] tip = accepted();
        byte[] photo = jpegWithGps();
        ExtractableResponse<Response> answer = receipt(tip)
                .multiPart("files", "IMG_20260730_0915.jpg", photo, "image/jpeg")
                .post("/api/v1/tips/" + tip[0] + "/attachments")
                .then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .body("", hasSize(1))
                .body("[0].name", equalTo("IMG_20260730_0915.jpg"))
                .body("[0].mediaType", equalTo("image/jpeg"))
                .body("[0].locationKept", equalTo(false))
                .extract();

        byte[] stored = storedContent(tip[0], "IMG_20260730_0915.jpg");
        assertThat(gps(stored)).as("no GPS in the stored file").isNull();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain("Pixel-Probe-9")
                .doesNotContain("Exif");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(stored)))
                .as("still a readable image")
                .isNotNull();
        assertThat(answer.<Integer>path("[0].size")).isEqualTo(stored.length);
        assertThat(answer.<String>path("[0].sha256"))
                .isEqualTo(HexFormat.of().formatHex(AttachmentFiles.sha256(stored)));
        // the digest is stored encrypted (issue 12: a plain one lets a dump confirm a known file was reported)
        assertThat(TipFixtures.attachmentValue(
                        db,
                        cipher,
                        TipAttachment.SHA256,
                        "FROM tip_attachment a JOIN tip t" + " ON t.id = a.tip_id WHERE t.reference = '" + tip[0]
                                + "'"))
                .isEqualTo(AttachmentFiles.sha256(stored));
    }

    @Test
    void locationIsKeptOnlyWhenExplicitlyAsked() throws Exception {
        String[] tip = accepted();
        receipt(tip)
                .multiPart("files", "evidence.jpg", jpegWithGps(), "image/jpeg")
                .multiPart("keepLocation", "true")
                .post("/api/v1/tips/" + tip[0] + "/attachments")
                .then()
                .statusCode(201)
                .body("[0].locationKept", equalTo(true));
        byte[] stored = storedContent(tip[0], "evidence.jpg");
        TiffImageMetadata.GpsInfo gps = gps(stored);
        assertThat(gps).isNotNull();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .as("device details go anyway")
                .doesNotContain("Pixel-Probe-9");
        assertThat(gps.getLatitudeAsDegreesNorth()).isCloseTo(LATITUDE, org.assertj.core.data.Offset.offset(0.001));
        assertThat(gps.getLongitudeAsDegreesEast()).isCloseTo(LONGITUDE, org.assertj.core.data.Offset.offset(0.001));

        receipt(tip)
                .multiPart("files", "no-gps.png", png())
                .multiPart("keepLocation", "true")
                .post("/api/v1/tips/" + tip[0] + "/attachments")
                .then()
                .statusCode(201)
                .body("[1].locationKept", equalTo(false));
        assertThat(new String(storedContent(tip[0], "no-gps.png"), StandardCharsets.ISO_8859_1))
                .doesNotContain("Quy Nhon");
    }

    @Test
    void textChunksAreRemovedFromPngAndPdfIsAccepted() throws Exception {
        String[] tip = accepted();
        receipt(tip)
                .multiPart("files", "screenshot.png", png(), "image/png")
                .multiPart("files", "hop-dong.pdf", pdf(), "application/pdf")
                .post("/api/v1/tips/" + tip[0] + "/attachments")
                .then()
                .statusCode(201)
                .body("mediaType", contains("image/png", "application/pdf"));
        byte[] storedPng = TipFixtures.attachmentContent(
                db,
                cipher,
                "FROM tip_attachment a JOIN tip t" + " ON t.id = a.tip_id WHERE t.reference = '" + tip[0]
                        + "' ORDER BY a.id LIMIT 1");
        assertThat(new String(storedPng, StandardCharsets.ISO_8859_1))
                .doesNotContain("Quy Nhon")
                .doesNotContain("tEXt");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(storedPng))).isNotNull();
        // rewritten by PDFBox without document information or ids (issue 12), the (empty) page tree kept
        try (var stored = org.apache.pdfbox.Loader.loadPDF(storedContent(tip[0], "hop-dong.pdf"))) {
            assertThat(stored.getNumberOfPages()).isZero();
        }
    }

    @Test
    void typeIsDetectedFromTheBytesNotTheDeclaredType() throws Exception {
        String[] tip = accepted();
        Map<String, Long> before = rowCounts(db);
        receipt(tip)
                .multiPart(
                        "files",
                        "photo.jpg",
                        "MZ\u0090 this is an executable".getBytes(StandardCharsets.UTF_8),
                        "image/jpeg")
                .post("/api/v1/tips/" + tip[0] + "/attachments")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("files[0]"));
        receipt(tip)
                .multiPart("files", "a.png", png(), "image/png")
                .multiPart("files", "notes.txt", "ghi chú".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/v1/tips/" + tip[0] + "/attachments")
                .then()
                .statusCode(415)
                .body("errors[0].field", equalTo("files[1]"));
        assertThat(rowCounts(db)).as("no file of a refused upload is stored").isEqualTo(before);
    }

    @Test
    void aPdfDeclaredAsImageIsStoredAsPdfWithASafeName() {
        String[] tip = accepted();
        receipt(tip)
                .multiPart("files", "../../etc/<script>passwd.jpg", pdf(), "image/jpeg")
                .post("/api/v1/tips/" + tip[0] + "/attachments")
                .then()
                .statusCode(201)
                .body("[0].mediaType", equalTo("application/pdf"))
                .body("[0].name", equalTo("script_passwd.pdf"));
    }

    @Test
    void tooManyFilesAreRefusedAndNothingIsStored() throws Exception {
        String[] tip = accepted();
        receipt(tip)
                .multiPart("files", "1.png", png())
                .multiPart("files", "2.png", png())
                .post("/api/v1/tips/" + tip[0] + "/attachments")
                .then()
                .statusCode(201);
        Map<String, Long> before = rowCounts(db);
        RequestSpecification four = receipt(tip);
        for (int i = 0; i < 4; i++) {
            four.multiPart("files", i + ".png", png());
        }
        four.post("/api/v1/tips/" + tip[0] + "/attachments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("files"));
        assertThat(rowCounts(db)).isEqualTo(before);
    }

    @Test
    void oversizedFileIsRefusedWith413() {
        String[] tip = accepted();
        Map<String, Long> before = rowCounts(db);
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(pdf(), 0, big, 0, pdf().length);
        receipt(tip)
                .multiPart("files", "big.pdf", big, "application/pdf")
                .post("/api/v1/tips/" + tip[0] + "/attachments")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("files[0]"));
        assertThat(rowCounts(db)).isEqualTo(before);
    }

    @Test
    void uploadWithWrongReceiptIsNotFoundAndStoresNothing() throws Exception {
        String[] tip = accepted();
        Map<String, Long> before = rowCounts(db);
        given().header("X-Receipt-Code", "QQQQ-QQQQ-QQQQ-QQQQ-QQQQ-QQQQ-QQQQ")
                .multiPart("files", "a.png", png())
                .post("/api/v1/tips/" + tip[0] + "/attachments")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(rowCounts(db)).isEqualTo(before);
    }

    @Test
    void tipAndFilesCanBeSentInOneMultipartRequest() throws Exception {
        ExtractableResponse<Response> answer = given().multiPart(
                        "tip", json.writeValueAsString(tip()), "application/json")
                .multiPart("files", "chuyen-khoan.jpg", jpegWithGps(), "image/jpeg")
                .multiPart("files", "tin-nhan.png", png(), "image/png")
                .post("/api/v1/tips/with-files")
                .then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .body("status", equalTo("received"))
                .body("attachments.name", contains("chuyen-khoan.jpg", "tin-nhan.png"))
                .extract();
        String reference = answer.path("reference");
        assertThat(gps(TipFixtures.attachmentContent(
                        db,
                        cipher,
                        "FROM tip_attachment a JOIN tip t" + " ON t.id = a.tip_id WHERE t.reference = '" + reference
                                + "' ORDER BY a.id LIMIT 1")))
                .isNull();
        given().header("X-Receipt-Code", answer.<String>path("receipt"))
                .get("/api/v1/tips/" + reference)
                .then()
                .statusCode(200)
                .body("attachments", hasSize(2));
    }

    @Test
    void multipartTipIsValidatedLikeJsonAndWritesNothingWhenRefused() throws Exception {
        Map<String, Long> before = rowCounts(db);
        Map<String, Object> noNarrative = tip();
        noNarrative.remove("narrative");
        given().multiPart("tip", json.writeValueAsString(noNarrative), "application/json")
                .multiPart("files", "a.png", png())
                .post("/api/v1/tips/with-files")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("narrative"));
        given().multiPart("tip", json.writeValueAsString(tip()), "application/json")
                .multiPart("files", "a.txt", "text".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/tips/with-files")
                .then()
                .statusCode(415);
        given().multiPart("files", "a.png", png())
                .post("/api/v1/tips/with-files")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tip"));
        Map<String, Object> withStatus = tip();
        withStatus.put("status", "CLOSED");
        given().multiPart("tip", json.writeValueAsString(withStatus), "application/json")
                .post("/api/v1/tips/with-files")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        assertThat(rowCounts(db)).isEqualTo(before);
    }

    @Test
    void tipPartMayAlsoBeSentAsAFile() throws Exception {
        // curl -F 'tip=@tip.json;type=application/json' sends the part with a file name
        given().multiPart("tip", "tip.json", json.writeValueAsBytes(tip()), "application/json")
                .multiPart("files", "a.png", png())
                .post("/api/v1/tips/with-files")
                .then()
                .statusCode(201)
                .body("attachments", hasSize(1));
    }

    @Test
    void retriedMultipartSubmissionWithIdempotencyKeyStoresFilesOnce() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        String tipJson = json.writeValueAsString(tip());
        byte[] png = png();
        List<String> references = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            references.add(given().header("Idempotency-Key", key)
                    .multiPart("tip", tipJson, "application/json")
                    .multiPart("files", "a.png", png)
                    .post("/api/v1/tips/with-files")
                    .then()
                    .statusCode(201)
                    .body("attachments", hasSize(1))
                    .extract()
                    .path("reference"));
        }
        assertThat(references.get(1)).isEqualTo(references.get(0));
        assertThat(TipFixtures.longValue(
                        db,
                        "SELECT COUNT(*) FROM tip_attachment a JOIN tip t ON t.id = a.tip_id" + " WHERE t.reference = '"
                                + references.get(0) + "'"))
                .isEqualTo(1);
    }
}
