package org.vigil.tip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Keeps the pixels of an image and nothing else, without re-encoding them (so pixels are unchanged,
 * which matters for evidence). An allow-list, not a deny list: whatever a decoder does not need goes,
 * including metadata kinds nobody has named yet (C2PA, vendor trailers), and nothing after the end of
 * the image is kept (MPF / Ultra-HDR secondary JPEGs, Samsung trailers, Motion Photo videos).
 * <ul>
 * <li>JPEG: SOI, DQT, DHT, DRI, DNL, SOFn, each SOS with its entropy-coded data (RSTn included) and
 * EOI; JFIF (APP0, without its thumbnail), ICC colour profiles (APP2) and Adobe colour transform
 * (APP14). The EXIF orientation goes with EXIF, so a photo may show rotated.</li>
 * <li>PNG: IHDR, PLTE, IDAT, IEND and the colour chunks tRNS, gAMA, cHRM, sRGB, iCCP, sBIT, cICP.</li>
 * <li>WebP: VP8, VP8L, VP8X (flags set to what is kept), ALPH, ANIM, ANMF (frame data only), ICCP.</li>
 * </ul>
 * A file whose structure cannot be walked is refused rather than stored with metadata. When the
 * tipster asks to keep the location, a JPEG gets back only its GPS position ({@link #withLocationOnly}).
 */
final class ImageMetadata {

    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Set<String> PNG_KEPT =
            Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "cICP");
    private static final Set<String> WEBP_KEPT = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");
    private static final Set<String> WEBP_FRAME_KEPT = Set.of("VP8 ", "VP8L", "ALPH");
    private static final byte[] JFIF = "JFIF\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ADOBE = "Adobe".getBytes(StandardCharsets.US_ASCII);

    private ImageMetadata() {}

    static byte[] strip(String mediaType, byte[] file) throws Unreadable {
        try {
            return switch (mediaType) {
                case "image/jpeg" -> jpeg(file);
                case "image/png" -> png(file);
                case "image/webp" -> webp(file);
                default -> throw new IllegalArgumentException("not an image type: " + mediaType);
            };
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw new Unreadable("is truncated or not a well-formed image");
        }
    }

    /**
     * The stripped JPEG with a new EXIF block that holds only the original's GPS position (no
     * camera model, serial number, owner or software), or empty when the original has no position.
     */
    static Optional<byte[]> withLocationOnly(byte[] original, byte[] stripped) {
        try {
            if (!(Imaging.getMetadata(original) instanceof JpegImageMetadata jpeg) || jpeg.getExif() == null) {
                return Optional.empty();
            }
            TiffImageMetadata.GpsInfo gps = jpeg.getExif().getGpsInfo();
            if (gps == null) {
                return Optional.empty();
            }
            TiffOutputSet exif = new TiffOutputSet();
            exif.setGpsInDegrees(gps.getLongitudeAsDegreesEast(), gps.getLatitudeAsDegreesNorth());
            ByteArrayOutputStream out = new ByteArrayOutputStream(stripped.length + 512);
            new ExifRewriter().updateExifMetadataLossless(stripped, out, exif);
            return Optional.of(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable position is not kept; the image itself is already clean
        }
    }

    private static byte[] jpeg(byte[] in) throws Unreadable {
        if (in.length < 4 || (in[0] & 0xFF) != 0xFF || (in[1] & 0xFF) != 0xD8) {
            throw new Unreadable("is not a well-formed JPEG image");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 2);
        boolean frame = false;
        boolean scanned = false;
        int pos = 2;
        while (true) {
            if (pos >= in.length) {
                throw new Unreadable("is truncated (no end of image)");
            }
            if ((in[pos] & 0xFF) != 0xFF) {
                throw new Unreadable("is not a well-formed JPEG image");
            }
            int marker = in[pos + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                pos++;
                continue;
            }
            if (marker == 0xD9) { // end of image: whatever follows (other images, trailers, videos) is dropped
                if (!scanned) {
                    throw new Unreadable("is not a well-formed JPEG image (no image data)");
                }
                out.write(in, pos, 2);
                return out.toByteArray();
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                throw new Unreadable("is not a well-formed JPEG image");
            }
            int length = ((in[pos + 2] & 0xFF) << 8) | (in[pos + 3] & 0xFF);
            int end = pos + 2 + length;
            if (length < 2 || end > in.length) {
                throw new Unreadable("is truncated or not a well-formed JPEG image");
            }
            if (marker == 0xDA) {
                if (!frame) {
                    throw new Unreadable("is not a well-formed JPEG image (scan before frame)");
                }
                int data = scanEnd(in, end);
                out.write(in, pos, data - pos);
                scanned = true;
                pos = data;
                continue;
            }
            if (isFrame(marker)) {
                if (frame) {
                    throw new Unreadable("is not a well-formed JPEG image (two frames)");
                }
                frame = true;
                out.write(in, pos, end - pos);
            } else if (marker == 0xDB || marker == 0xC4 || marker == 0xDD || marker == 0xDC) { // DQT DHT DRI DNL
                out.write(in, pos, end - pos);
            } else if (!scanned && marker == 0xE0 && startsWith(in, pos + 4, end, JFIF) && length >= 16) {
                out.write(in, pos, 2);
                out.write(0);
                out.write(16);
                out.write(in, pos + 4, 12); // identifier, version, units, densities
                out.write(0); // no thumbnail
                out.write(0);
            } else if (!scanned
                    && ((marker == 0xE2 && startsWith(in, pos + 4, end, ICC))
                            || (marker == 0xEE && startsWith(in, pos + 4, end, ADOBE)))) {
                out.write(in, pos, end - pos);
            } else if (!(marker >= 0xE0 && marker <= 0xEF) && marker != 0xFE) {
                // not an application segment or comment: a structure this decoder-minded copy does not know
                throw new Unreadable("is a JPEG of a kind that is not accepted (marker 0x"
                        + Integer.toHexString(marker).toUpperCase(java.util.Locale.ROOT) + ")");
            }
            pos = end;
        }
    }

    /** SOF0-3, 5-7, 9-11, 13-15 (C4 is DHT, C8 reserved, CC arithmetic conditioning). */
    private static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** Where the entropy-coded data starting at {@code pos} ends: the next marker other than a stuffed 0 or RSTn. */
    private static int scanEnd(byte[] in, int pos) throws Unreadable {
        while (pos + 1 < in.length) {
            if ((in[pos] & 0xFF) == 0xFF) {
                int next = in[pos + 1] & 0xFF;
                if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                    return pos;
                }
            }
            pos++;
        }
        throw new Unreadable("is truncated (no end of image)");
    }

    private static boolean startsWith(byte[] in, int start, int end, byte[] prefix) {
        return end - start >= prefix.length
                && Arrays.equals(in, start, start + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] png(byte[] in) throws Unreadable {
        if (in.length < 8 || !Arrays.equals(in, 0, 8, PNG_SIGNATURE, 0, 8)) {
            throw new Unreadable("is not a well-formed PNG image");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8);
        int pos = 8;
        boolean data = false;
        while (pos < in.length) {
            long length = ByteBuffer.wrap(in, pos, 4).getInt() & 0xFFFFFFFFL;
            long end = pos + 12 + length;
            if (end > in.length) {
                throw new Unreadable("is truncated or not a well-formed PNG image");
            }
            String type = new String(in, pos + 4, 4, StandardCharsets.US_ASCII);
            if (pos == 8 && !type.equals("IHDR")) {
                throw new Unreadable("is not a well-formed PNG image (no header)");
            }
            data |= type.equals("IDAT");
            if (PNG_KEPT.contains(type)) {
                out.write(in, pos, (int) (end - pos));
            }
            pos = (int) end;
            if (type.equals("IEND")) { // what follows the end is dropped
                if (!data) {
                    throw new Unreadable("is not a well-formed PNG image (no image data)");
                }
                return out.toByteArray();
            }
        }
        throw new Unreadable("is truncated (no end of image)");
    }

    private static byte[] webp(byte[] in) throws Unreadable {
        if (in.length < 12
                || !new String(in, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                || !new String(in, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            throw new Unreadable("is not a well-formed WebP image");
        }
        long riffEnd =
                8 + (ByteBuffer.wrap(in, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL);
        if (riffEnd > in.length) {
            throw new Unreadable("is truncated or not a well-formed WebP image");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 12);
        int vp8x = -1;
        boolean icc = false;
        boolean image = false;
        int pos = 12;
        while (pos + 8 <= riffEnd) { // bytes after the RIFF container are dropped
            String fourcc = new String(in, pos, 4, StandardCharsets.US_ASCII);
            int end = chunkEnd(in, pos, riffEnd);
            if (fourcc.equals("VP8X")) {
                if (end - pos < 18) {
                    throw new Unreadable("is not a well-formed WebP image");
                }
                vp8x = out.size();
                out.write(in, pos, end - pos);
            } else if (fourcc.equals("ANMF")) {
                if (end - pos < 24) {
                    throw new Unreadable("is not a well-formed WebP image");
                }
                image |= frame(in, pos, end, out);
            } else if (WEBP_KEPT.contains(fourcc)) {
                icc |= fourcc.equals("ICCP");
                image |= fourcc.startsWith("VP8");
                out.write(in, pos, end - pos);
            }
            pos = end;
        }
        if (!image) {
            throw new Unreadable("is not a well-formed WebP image (no image data)");
        }
        byte[] result = out.toByteArray();
        if (vp8x >= 0) { // announce only what is kept: no EXIF (0x08), no XMP (0x04)
            result[vp8x + 8] = (byte) ((result[vp8x + 8] & ~0x2C) | (icc ? 0x20 : 0));
        }
        ByteBuffer.wrap(result, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(result.length - 8);
        return result;
    }

    /** Writes an ANMF chunk with its 16-byte frame header and only its image chunks; true when it has image data. */
    private static boolean frame(byte[] in, int start, int end, ByteArrayOutputStream out) throws Unreadable {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(end - start);
        frame.write(in, start + 8, 16);
        boolean image = false;
        int pos = start + 24;
        while (pos + 8 <= end) {
            String fourcc = new String(in, pos, 4, StandardCharsets.US_ASCII);
            int chunkEnd = chunkEnd(in, pos, end);
            if (WEBP_FRAME_KEPT.contains(fourcc)) {
                image |= fourcc.startsWith("VP8");
                frame.write(in, pos, chunkEnd - pos);
            }
            pos = chunkEnd;
        }
        byte[] body = frame.toByteArray();
        out.write(in, start, 4);
        out.writeBytes(ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(body.length)
                .array());
        out.write(body, 0, body.length);
        return image;
    }

    /** The end of the RIFF chunk at {@code pos}, its padding byte included. */
    private static int chunkEnd(byte[] in, int pos, long limit) throws Unreadable {
        long size =
                ByteBuffer.wrap(in, pos + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        long end = pos + 8 + size + (size & 1);
        if (pos + 8 + size > limit) {
            throw new Unreadable("is truncated or not a well-formed WebP image");
        }
        return (int) Math.min(end, limit);
    }
}
