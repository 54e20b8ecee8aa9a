package org.vigil.tip;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.vigil.tip.TipFixtures.accepted;
import static org.vigil.tip.TipFixtures.bytesValue;
import static org.vigil.tip.TipFixtures.rowCounts;
import static org.vigil.tip.TipFixtures.tip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.vigil.platform.crypto.FieldCipher;
import org.vigil.platform.crypto.KeyedHash;
import org.vigil.testsupport.DatabaseScan;

/**
 * Issue 12: a stored image holds its pixels and nothing else, a stored PDF its content without the
 * document's metadata, and no plain digest of a file is in the database. Each file is built here to
 * carry metadata where the old deny-list cleaning let it through.
 */
@QuarkusTest
class TipFileCleaningTest {

    private static final String PROBE = "Pixel-Probe-9";

    @Inject
    DataSource db;

    @Inject
    FieldCipher cipher;

    @Inject
    KeyedHash hash;

    @Inject
    ObjectMapper json;

    @Inject
    AttachmentDigests digests;

    private byte[] upload(String[] tip, String name, byte[] file, int status) {
        given().header("X-Receipt-Code", tip[1])
                .multiPart("files", name, file)
                .post("/api/v1/tips/" + tip[0] + "/attachments")
                .then()
                .statusCode(status);
        return status == 201 ? stored(tip[0]) : null;
    }

    private byte[] stored(String reference) {
        return TipFixtures.attachmentContent(
                db,
                cipher,
                "FROM tip_attachment a JOIN tip t ON t.id = a.tip_id" + " WHERE t.reference = '" + reference
                        + "' ORDER BY a.id DESC LIMIT 1");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static BufferedImage decoded(byte[] image) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
        assertThat(decoded).as("still a readable image").isNotNull();
        return decoded;
    }

    // ---- JPEG

    @Test
    void aJpegLosesTheGpsPhotoAppendedAfterItsEnd() throws Exception {
        byte[] image = TipAttachmentTest.jpeg();
        byte[] secondary = TipAttachmentTest.jpegWithGps(); // as an MPF / Ultra-HDR secondary image carries it
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        sent.write(image);
        sent.write(secondary);
        sent.write("MotionPhoto_Data SEFT Pixel-Probe-9".getBytes(StandardCharsets.US_ASCII)); // a Samsung-like trailer
        byte[] stored = upload(accepted(), "mpf.jpg", sent.toByteArray(), 201);

        assertThat(text(stored)).doesNotContain(PROBE).doesNotContain("Exif").doesNotContain("MotionPhoto");
        assertThat(TipAttachmentTest.gps(stored)).isNull();
        assertThat(stored.length).as("only the first image").isLessThanOrEqualTo(image.length);
        assertThat(decoded(stored).getWidth()).isEqualTo(32);
    }

    @Test
    void aProgressiveJpegLosesTheSegmentsBetweenItsScans() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().setColor(Color.CYAN);
        image.getGraphics().fillRect(8, 8, 40, 20);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        byte[] progressive = out.toByteArray();
        List<Integer> scans = new ArrayList<>();
        for (int i = 0; i + 1 < progressive.length; i++) {
            if ((progressive[i] & 0xFF) == 0xFF && (progressive[i + 1] & 0xFF) == 0xDA) {
                scans.add(i);
            }
        }
        assertThat(scans).as("a progressive JPEG has several scans").hasSizeGreaterThan(1);
        int second = scans.get(1);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        sent.write(progressive, 0, second);
        sent.write(segment(0xE1, "Exif\0\0GPS 13.7563N 109.2177E " + PROBE));
        sent.write(segment(0xFE, "comment " + PROBE));
        sent.write(progressive, second, progressive.length - second);

        byte[] stored = upload(accepted(), "progressive.jpg", sent.toByteArray(), 201);
        assertThat(text(stored)).doesNotContain(PROBE).doesNotContain("Exif");
        assertThat(stored).isEqualTo(progressive);
        assertThat(decoded(stored).getRGB(20, 12))
                .isEqualTo(decoded(progressive).getRGB(20, 12));
    }

    @Test
    void aJpegThatCannotBeWalkedIsRefusedAndNothingIsStored() throws Exception {
        String[] tip = accepted();
        Map<String, Long> before = rowCounts(db);
        byte[] image = TipAttachmentTest.jpegWithGps();
        byte[] truncated = java.util.Arrays.copyOf(image, image.length / 2); // no end of image
        given().header("X-Receipt-Code", tip[1])
                .multiPart("files", "cut.jpg", truncated)
                .post("/api/v1/tips/" + tip[0] + "/attachments")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("files[0]"));
        assertThat(rowCounts(db)).isEqualTo(before);
    }

    // ---- PNG

    @Test
    void aPngKeepsOnlyItsImageChunks() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xFF8800);
        ImageIO.write(image, "png", plain);
        byte[] png = plain.toByteArray();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        sent.write(png, 0, 33); // signature + IHDR
        sent.write(pngChunk("eXIf", "MM\0*GPS 13.7563 " + PROBE));
        sent.write(pngChunk("caBX", "c2pa manifest " + PROBE)); // C2PA, an ancillary chunk the old list did not know
        sent.write(pngChunk("tEXt", "Location\0Quy Nhon"));
        sent.write(png, 33, png.length - 33);
        sent.write(("GPS 13.7563,109.2177 " + PROBE).getBytes(StandardCharsets.US_ASCII)); // after IEND

        byte[] stored = upload(accepted(), "screen.png", sent.toByteArray(), 201);
        assertThat(text(stored))
                .doesNotContain(PROBE)
                .doesNotContain("caBX")
                .doesNotContain("eXIf")
                .doesNotContain("Quy Nhon")
                .endsWith("IEND" + text(java.util.Arrays.copyOfRange(png, png.length - 4, png.length)));
        assertThat(decoded(stored).getRGB(3, 3) & 0xFFFFFF).isEqualTo(0xFF8800);
    }

    // ---- WebP

    @Test
    void aWebpLosesExifXmpUnknownChunksAndWhatFollowsTheContainer() throws Exception {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        chunks.write(riffChunk("VP8X", new byte[] {0x0C, 0, 0, 0, 7, 0, 0, 7, 0, 0}));
        chunks.write(riffChunk("VP8L", new byte[] {0x2F, 7, 0, 0, 0}));
        chunks.write(riffChunk("EXIF", ("MM\0*GPS 13.7563 " + PROBE).getBytes(StandardCharsets.US_ASCII)));
        chunks.write(riffChunk("XMP ", ("<x:xmpmeta>" + PROBE + "</x:xmpmeta>").getBytes(StandardCharsets.US_ASCII)));
        chunks.write(riffChunk("C2PA", ("manifest " + PROBE).getBytes(StandardCharsets.US_ASCII)));
        byte[] body = chunks.toByteArray();
        ByteBuffer webp = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(4 + body.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put(body);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        sent.write(webp.array());
        sent.write(("trailer " + PROBE).getBytes(StandardCharsets.US_ASCII));

        byte[] stored = upload(accepted(), "chat.webp", sent.toByteArray(), 201);
        assertThat(text(stored)).doesNotContain(PROBE).doesNotContain("xmpmeta");
        // the structure: a RIFF whose size is right, holding VP8X (announcing no EXIF/XMP) and VP8L only
        assertThat(text(stored).substring(0, 4)).isEqualTo("RIFF");
        assertThat(ByteBuffer.wrap(stored, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt())
                .isEqualTo(stored.length - 8);
        List<String> fourccs = new ArrayList<>();
        for (int pos = 12; pos + 8 <= stored.length; ) {
            fourccs.add(text(java.util.Arrays.copyOfRange(stored, pos, pos + 4)));
            int size = ByteBuffer.wrap(stored, pos + 4, 4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .getInt();
            pos += 8 + size + (size & 1);
        }
        assertThat(fourccs).containsExactly("VP8X", "VP8L");
        assertThat(stored[20] & 0x0C).isZero();
    }

    // ---- PDF

    @Test
    void aPdfLosesItsDocumentInformationXmpAndId() throws Exception {
        byte[] sent;
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setAuthor("Author-Probe Nguyen Van A");
            info.setCreator("Creator-Probe Word");
            info.setProducer("Producer-Probe 1.0");
            Calendar created = Calendar.getInstance();
            created.set(2026, Calendar.JULY, 30, 9, 15, 0);
            info.setCreationDate(created);
            PDMetadata xmp = new PDMetadata(
                    doc,
                    new ByteArrayInputStream("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">Xmp-Probe</x:xmpmeta>"
                            .getBytes(StandardCharsets.UTF_8)));
            doc.getDocumentCatalog().setMetadata(xmp);
            doc.getPages()
                    .get(0)
                    .setMetadata(new PDMetadata(
                            doc,
                            new ByteArrayInputStream("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">Page-Xmp-Probe</x:xmpmeta>"
                                    .getBytes(StandardCharsets.UTF_8))));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            sent = out.toByteArray();
        }
        String sentId;
        try (PDDocument original = Loader.loadPDF(sent)) {
            COSArray id = original.getDocument().getTrailer().getCOSArray(COSName.ID);
            assertThat(id).as("the test PDF has an id").isNotNull();
            sentId = id.toString();
            assertThat(original.getDocumentInformation().getAuthor())
                    .as("the test PDF has an author")
                    .isNotNull();
        }

        byte[] stored = upload(accepted(), "hop-dong.pdf", sent, 201);
        assertThat(text(stored)).doesNotContain("Probe").doesNotContain("2026");
        try (PDDocument pdf = Loader.loadPDF(stored)) {
            assertThat(pdf.getNumberOfPages()).as("the content stays").isEqualTo(1);
            PDDocumentInformation info = pdf.getDocumentInformation();
            assertThat(info.getAuthor()).isNull();
            assertThat(info.getCreator()).isNull();
            assertThat(info.getProducer()).isNull();
            assertThat(info.getCreationDate()).isNull();
            assertThat(pdf.getDocumentCatalog().getMetadata()).isNull();
            assertThat(pdf.getPage(0).getMetadata()).isNull();
            COSArray id = pdf.getDocument().getTrailer().getCOSArray(COSName.ID);
            assertThat(id == null ? "" : id.toString()).isNotEqualTo(sentId);
        }
    }

    @Test
    void encryptedOrMalformedPdfsAreRefusedAndNothingIsWritten() throws Exception {
        byte[] encrypted;
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            encrypted = out.toByteArray();
        }
        byte[] garbage = "%PDF-1.7\n\u0000\u0001 not a document at all %%EOF".getBytes(StandardCharsets.ISO_8859_1);
        String[] tip = accepted();
        Map<String, Long> before = rowCounts(db);
        for (byte[] pdf : List.of(encrypted, garbage)) {
            given().header("X-Receipt-Code", tip[1])
                    .multiPart("files", "a.png", TipAttachmentTest.png())
                    .multiPart("files", "contract.pdf", pdf)
                    .post("/api/v1/tips/" + tip[0] + "/attachments")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("files[1]"));
            given().multiPart("tip", json.writeValueAsString(tip()), "application/json")
                    .multiPart("files", "contract.pdf", pdf)
                    .post("/api/v1/tips/with-files")
                    .then()
                    .statusCode(422)
                    .body("errors[0].field", equalTo("files[0]"));
        }
        assertThat(rowCounts(db)).as("no tip and no file of a refused request").isEqualTo(before);
    }

    // ---- digests

    @Test
    void noPlainDigestOfAFileIsStoredOnlyItsKeyedHashAndTheEncryptedDigest() throws Exception {
        String[] tip = accepted();
        String shown = given().header("X-Receipt-Code", tip[1])
                .multiPart("files", "a.png", TipAttachmentTest.png())
                .post("/api/v1/tips/" + tip[0] + "/attachments")
                .then()
                .statusCode(201)
                .extract()
                .path("[0].sha256");
        byte[] stored = stored(tip[0]);
        byte[] sha256 = AttachmentFiles.sha256(stored);
        assertThat(shown)
                .as("the tipster still sees the SHA-256")
                .isEqualTo(HexFormat.of().formatHex(sha256));

        assertThat(DatabaseScan.columnsContaining(db, sha256, "tip_attachment"))
                .as("the raw SHA-256")
                .isEmpty();
        assertThat(DatabaseScan.columnsContaining(db, HexFormat.of().formatHex(sha256), "tip_attachment"))
                .as("its hex")
                .isEmpty();
        assertThat(bytesValue(
                        db,
                        "SELECT a.content_hash FROM tip_attachment a JOIN tip t ON t.id = a.tip_id WHERE t.reference = '"
                                + tip[0] + "'"))
                .isEqualTo(hash.hash(AttachmentDigests.CONTENT_PURPOSE, stored));
    }

    @Test
    void rowsFromBeforeV12LoseTheirPlainDigest() throws Exception {
        String[] tip = accepted();
        upload(tip, "a.png", TipAttachmentTest.png(), 201);
        byte[] stored = stored(tip[0]);
        byte[] sha256 = AttachmentFiles.sha256(stored);
        try (var c = db.getConnection();
                var s = c.prepareStatement("UPDATE tip_attachment a JOIN tip t ON t.id = a.tip_id"
                        + " SET a.sha256 = ?, a.sha256_enc = NULL, a.content_hash = NULL WHERE t.reference = ?")) {
            s.setBytes(1, sha256);
            s.setString(2, tip[0]);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        assertThat(DatabaseScan.columnsContaining(db, sha256, "tip_attachment"))
                .as("a row as V11 left it")
                .isNotEmpty();

        digests.convertLegacyRows();

        assertThat(DatabaseScan.columnsContaining(db, sha256, "tip_attachment")).isEmpty();
        given().header("X-Receipt-Code", tip[1])
                .get("/api/v1/tips/" + tip[0])
                .then()
                .statusCode(200)
                .body("attachments[0].sha256", equalTo(HexFormat.of().formatHex(sha256)));
    }

    private static byte[] segment(int marker, String data) {
        byte[] bytes = data.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer segment = ByteBuffer.allocate(4 + bytes.length);
        segment.put((byte) 0xFF)
                .put((byte) marker)
                .putShort((short) (bytes.length + 2))
                .put(bytes);
        return segment.array();
    }

    private static byte[] pngChunk(String type, String data) {
        byte[] bytes = data.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + bytes.length);
        chunk.putInt(bytes.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(bytes);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + bytes.length);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    private static byte[] riffChunk(String fourcc, byte[] data) {
        ByteBuffer chunk =
                ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(fourcc.getBytes(StandardCharsets.US_ASCII))
                .putInt(data.length)
                .put(data);
        return chunk.array();
    }
}
