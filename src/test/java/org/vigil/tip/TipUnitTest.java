package org.vigil.tip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.vigil.platform.error.ApiException;

/** Plain unit tests of codes, identifier normalisation and metadata removal. */
class TipUnitTest {

    private static IdentifierNormalizer.Normalized normalize(String type, String value, String bank, String provider) {
        IdentifierType t = IdentifierType.valueOf(type.toUpperCase().replace('-', '_'));
        return IdentifierNormalizer.normalize(0, new TipRequests.Tip.Identifier(t, value, bank, provider));
    }

    @Test
    void phoneNumbersBecomeE164WithVietnamAsDefault() {
        assertThat(normalize("phone", "0912 345 678", null, null).key()).isEqualTo("phone:+84912345678");
        assertThat(normalize("phone", "+84 91 234 5678", null, null).key()).isEqualTo("phone:+84912345678");
        assertThat(normalize("phone", "(+84) 912.345.678", null, null).shown()).isEqualTo("+84912345678");
        assertThat(normalize("phone", "+855 12 345 678", null, null).key()).isEqualTo("phone:+85512345678");
        assertThatThrownBy(() -> normalize("phone", "0912", null, null))
                .isInstanceOf(ApiException.class)
                .satisfies(e ->
                        assertThat(((ApiException) e).errors().get(0).field()).isEqualTo("identifiers[0].value"));
    }

    @Test
    void bankAccountsAreBankAndDigits() {
        assertThat(normalize("bank-account", "0451-0000 12345", "vcb", null).key())
                .isEqualTo("bank-account:VCB:0451000012345");
        assertThat(normalize("bank-account", "0451.0000.12345", " VCB ", null).shown())
                .isEqualTo("VCB:0451000012345");
        assertThatThrownBy(() -> normalize("bank-account", "abc", "VCB", null)).isInstanceOf(ApiException.class);
    }

    @Test
    void walletsLinkByProviderAndPhone() {
        assertThat(normalize("e-wallet", " 091 234 5678", null, "MoMo").key()).isEqualTo("e-wallet:MOMO:+84912345678");
        assertThat(normalize("e-wallet", "0912345678", null, "momo").key()).isEqualTo("e-wallet:MOMO:+84912345678");
        assertThat(normalize("e-wallet", "Shop.Lua Dao", null, "ZaloPay").key())
                .isEqualTo("e-wallet:ZALOPAY:shop.luadao");
    }

    @Test
    void linksByLowerCasedHostWithoutWww() {
        assertThat(normalize("url", "https://WWW.Viec-Nhe.vn/tuyen-dung?id=7", null, null)
                        .key())
                .isEqualTo("url:viec-nhe.vn");
        assertThat(normalize("url", "viec-nhe.vn/khac", null, null).key()).isEqualTo("url:viec-nhe.vn");
        assertThat(normalize("url", "http://việc-nhẹ.vn/x", null, null).key()).startsWith("url:xn--");
        assertThat(normalize("url", "https://www.Viec-Nhe.vn/tuyen-dung", null, null)
                        .shown())
                .as("the police read the whole link")
                .isEqualTo("https://www.Viec-Nhe.vn/tuyen-dung");
    }

    @Test
    void aLinkIsLookedUpUnderItsHostAndItsParentsUpToTheRegistrableDomain() {
        assertThat(normalize("url", "https://Login.Shop.Viec-Nhe.com.vn/x", null, null)
                        .lookupKeys())
                .containsExactly("url:login.shop.viec-nhe.com.vn", "url:shop.viec-nhe.com.vn", "url:viec-nhe.com.vn");
        assertThat(normalize("url", "https://evil.github.io/job", null, null).lookupKeys())
                .as("a private suffix (github.io) is nobody's domain")
                .containsExactly("url:evil.github.io");
        assertThat(normalize("url", "http://192.0.2.7/login", null, null).lookupKeys())
                .containsExactly("url:192.0.2.7");
        assertThat(normalize("url", "a.b.scam.unknowntld", null, null).lookupKeys())
                .as("an unknown top-level domain: down to two labels")
                .containsExactly("url:a.b.scam.unknowntld", "url:b.scam.unknowntld", "url:scam.unknowntld");
        assertThat(normalize("url", "com.vn", null, null).publicSuffix()).isTrue();
        assertThat(normalize("url", "viec-nhe.com.vn", null, null).publicSuffix())
                .isFalse();
        assertThat(normalize("phone", "0912 345 678", null, null).lookupKeys()).containsExactly("phone:+84912345678");
    }

    @Test
    void aStoredIdentifierNormalisesToTheSameKey() {
        String[][] cases = {
            {"phone", "0912 345 678", null, null},
            {"bank-account", "0451-0000 12345", "vcb", null},
            {"e-wallet", "0912345678", null, "MoMo"},
            {"e-wallet", "Shop.Lua Dao", null, "ZaloPay"},
            {"url", "https://www.Viec-Nhe.vn/tuyen-dung", null, null},
            {"social-account", "@ViecNhe", null, null},
            {"other", "Mã  GIỚI thiệu X", null, null}
        };
        for (String[] c : cases) {
            IdentifierNormalizer.Normalized first = normalize(c[0], c[1], c[2], c[3]);
            IdentifierNormalizer.Normalized again = IdentifierNormalizer.stored(first.type(), first.shown());
            assertThat(again.key()).as("%s %s", c[0], c[1]).isEqualTo(first.key());
            assertThat(first.key()).isEqualTo(c[0] + ":" + first.canonical());
        }
    }

    @Test
    void socialAccountsByLowerCasedHandle() {
        assertThat(normalize("social-account", "@ViecNhe.LuongCao", null, null).key())
                .isEqualTo(normalize("social-account", "viecnhe.luongcao", null, null)
                        .key());
    }

    @Test
    void referencesCarryACheckSymbolThatCatchesTypos() {
        String reference = TipCodes.newReference();
        assertThat(reference).matches("[0-9A-HJKMNP-TV-Z]{11}");
        assertThat(TipCodes.reference(reference.toLowerCase())).contains(reference);
        int caught = 0;
        for (int i = 0; i < reference.length(); i++) {
            char replacement = reference.charAt(i) == 'X' ? 'Y' : 'X';
            String typo = reference.substring(0, i) + replacement + reference.substring(i + 1);
            caught += TipCodes.reference(typo).isEmpty() ? 1 : 0;
        }
        assertThat(caught).as("every single-symbol typo is caught").isEqualTo(reference.length());
    }

    @Test
    void receiptsHave140RandomBitsInGroupsOfFour() {
        String receipt = TipCodes.newReceipt();
        assertThat(receipt).matches("([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(TipCodes.RECEIPT_SYMBOLS * 5).isGreaterThanOrEqualTo(128);
        assertThat(TipCodes.receipt(receipt.toLowerCase().replace("-", " "))).contains(receipt.replace("-", ""));
        assertThat(TipCodes.newReceipt()).isNotEqualTo(receipt);
    }

    @Test
    void attachmentNamesAreSanitised() {
        assertThat(AttachmentFiles.safeName("C:\\Users\\Lan\\Ảnh chụp.JPG", "image/jpeg"))
                .isEqualTo("Ảnh_chụp.jpg");
        assertThat(AttachmentFiles.safeName("../../.htaccess", "application/pdf"))
                .isEqualTo("attachment.pdf");
        assertThat(AttachmentFiles.safeName(null, "image/png")).isEqualTo("attachment.png");
    }

    @Test
    void jpegLosesXmpAndCommentsButKeepsColourProfile() throws Exception {
        byte[] jpeg = TipAttachmentTest.jpeg();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<exif:GPSLatitude>13,45N</exif:GPSLatitude>"));
        out.write(segment(0xE2, "ICC_PROFILE\0profile"));
        out.write(segment(0xFE, "shot by Pixel-Probe-9"));
        out.write(jpeg, 2, jpeg.length - 2);
        String stripped = new String(ImageMetadata.strip("image/jpeg", out.toByteArray()), StandardCharsets.ISO_8859_1);
        assertThat(stripped)
                .doesNotContain("GPSLatitude")
                .doesNotContain("Pixel-Probe-9")
                .contains("ICC_PROFILE");
    }

    @Test
    void webpLosesExifAndXmpChunksAndFlags() throws Exception {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        chunks.write(riffChunk("VP8X", new byte[] {0x0C, 0, 0, 0, 7, 0, 0, 7, 0, 0}));
        chunks.write(riffChunk("VP8L", new byte[] {0x2F, 7, 0, 0, 0}));
        chunks.write(riffChunk("EXIF", "GPS 13.7563 109.2177".getBytes(StandardCharsets.US_ASCII)));
        chunks.write(riffChunk("XMP ", "<x:xmpmeta>device</x:xmpmeta>".getBytes(StandardCharsets.US_ASCII)));
        byte[] body = chunks.toByteArray();
        ByteBuffer webp = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(4 + body.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put(body);

        byte[] stripped = ImageMetadata.strip("image/webp", webp.array());
        String text = new String(stripped, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("GPS").doesNotContain("xmpmeta").contains("VP8L");
        assertThat(stripped[20] & 0x0C).as("VP8X no longer announces EXIF/XMP").isZero();
        assertThat(ByteBuffer.wrap(stripped, 4, 4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getInt())
                .isEqualTo(stripped.length - 8);
    }

    @Test
    void malformedImagesAreRefusedNotStoredWithMetadata() {
        assertThatThrownBy(() -> ImageMetadata.strip(
                        "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F}))
                .isInstanceOf(ImageMetadata.Unreadable.class);
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

    private static byte[] riffChunk(String fourcc, byte[] data) {
        ByteBuffer chunk =
                ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(fourcc.getBytes(StandardCharsets.US_ASCII))
                .putInt(data.length)
                .put(data);
        return chunk.array();
    }
}
