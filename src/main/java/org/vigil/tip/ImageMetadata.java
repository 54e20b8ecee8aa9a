package org.vigil.tip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Removes location and device metadata from images without re-encoding them (so pixels are
 * unchanged, which matters for evidence). Container segments are dropped, never edited:
 * <ul>
 * <li>JPEG: APP1 (EXIF with GPS, XMP), APP3-APP13 (including IPTC/Photoshop), APP15 and comments.
 * JFIF (APP0), ICC colour profiles (APP2) and Adobe colour info (APP14) stay. The EXIF orientation
 * goes with EXIF, so a photo may show rotated.</li>
 * <li>PNG: eXIf, tEXt, iTXt, zTXt and tIME chunks.</li>
 * <li>WebP: EXIF and XMP chunks, and their flags in VP8X.</li>
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

    private ImageMetadata() {
    }

    static byte[] strip(String mediaType, byte[] file) throws Unreadable {
        try {
            return switch (mediaType) {
                case "image/jpeg" -> jpeg(file);
                case "image/png" -> png(file);
                case "image/webp" -> webp(file);
                default -> file;
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
        int pos = 2;
        while (pos < in.length) {
            if ((in[pos] & 0xFF) != 0xFF) {
                throw new Unreadable("is not a well-formed JPEG image");
            }
            int marker = in[pos + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                pos++;
                continue;
            }
            if (marker == 0xD9 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                out.write(in, pos, 2);
                pos += 2;
                continue;
            }
            int length = ((in[pos + 2] & 0xFF) << 8) | (in[pos + 3] & 0xFF);
            int end = pos + 2 + length;
            if (length < 2 || end > in.length) {
                throw new Unreadable("is truncated or not a well-formed JPEG image");
            }
            if (marker == 0xDA) { // start of scan: image data and what follows are copied as they are
                out.write(in, pos, in.length - pos);
                return out.toByteArray();
            }
            if (keepJpegSegment(marker, in, pos + 4, end)) {
                out.write(in, pos, end - pos);
            }
            pos = end;
        }
        return out.toByteArray();
    }

    private static boolean keepJpegSegment(int marker, byte[] in, int dataStart, int end) {
        if (marker == 0xE2) {
            byte[] icc = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
            return end - dataStart >= icc.length && Arrays.equals(in, dataStart, dataStart + icc.length, icc, 0, icc.length);
        }
        boolean metadata = marker == 0xE1 || (marker >= 0xE3 && marker <= 0xED) || marker == 0xEF || marker == 0xFE;
        return !metadata;
    }

    private static byte[] png(byte[] in) throws Unreadable {
        if (in.length < 8 || !Arrays.equals(in, 0, 8, PNG_SIGNATURE, 0, 8)) {
            throw new Unreadable("is not a well-formed PNG image");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8);
        int pos = 8;
        while (pos < in.length) {
            long length = ByteBuffer.wrap(in, pos, 4).getInt() & 0xFFFFFFFFL;
            long end = pos + 12 + length;
            if (end > in.length) {
                throw new Unreadable("is truncated or not a well-formed PNG image");
            }
            String type = new String(in, pos + 4, 4, StandardCharsets.US_ASCII);
            if (!(type.equals("eXIf") || type.equals("tEXt") || type.equals("iTXt") || type.equals("zTXt")
                    || type.equals("tIME"))) {
                out.write(in, pos, (int) (end - pos));
            }
            pos = (int) end;
            if (type.equals("IEND")) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static byte[] webp(byte[] in) throws Unreadable {
        if (in.length < 12 || !new String(in, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                || !new String(in, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            throw new Unreadable("is not a well-formed WebP image");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 12);
        int pos = 12;
        while (pos + 8 <= in.length) {
            String fourcc = new String(in, pos, 4, StandardCharsets.US_ASCII);
            long size = ByteBuffer.wrap(in, pos + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            long end = pos + 8 + size + (size & 1);
            if (pos + 8 + size > in.length) {
                throw new Unreadable("is truncated or not a well-formed WebP image");
            }
            end = Math.min(end, in.length);
            if (fourcc.equals("VP8X") && size >= 1) {
                byte[] chunk = Arrays.copyOfRange(in, pos, (int) end);
                chunk[8] &= (byte) ~0x0C; // no EXIF (0x08), no XMP (0x04) any more
                out.write(chunk, 0, chunk.length);
            } else if (!fourcc.equals("EXIF") && !fourcc.equals("XMP ")) {
                out.write(in, pos, (int) (end - pos));
            }
            pos = (int) end;
        }
        byte[] result = out.toByteArray();
        ByteBuffer.wrap(result, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(result.length - 8);
        return result;
    }
}
