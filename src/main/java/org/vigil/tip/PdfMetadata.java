package org.vigil.tip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Keeps a PDF's content and drops what describes its making: the document information (author,
 * creator, producer, dates), XMP metadata of the document, its pages and their images, applications'
 * private data (PieceInfo) and the document id (PDFBox writes a fresh one). The file is written anew,
 * so earlier revisions of an incrementally saved PDF go too. Encrypted PDFs cannot be cleaned and are
 * refused, as are files that PDFBox cannot parse.
 */
final class PdfMetadata {

    private PdfMetadata() {}

    static byte[] strip(byte[] file) throws ImageMetadata.Unreadable {
        try (PDDocument pdf = Loader.loadPDF(file)) {
            if (pdf.isEncrypted()) {
                throw new ImageMetadata.Unreadable("is an encrypted PDF; send it without a password or protection");
            }
            COSDictionary trailer = pdf.getDocument().getTrailer();
            trailer.removeItem(COSName.INFO);
            trailer.removeItem(COSName.ID);
            COSDictionary catalog = pdf.getDocumentCatalog().getCOSObject();
            catalog.removeItem(COSName.METADATA);
            catalog.removeItem(COSName.PIECE_INFO);
            for (PDPage page : pdf.getPages()) {
                page.getCOSObject().removeItem(COSName.METADATA);
                page.getCOSObject().removeItem(COSName.PIECE_INFO);
                PDResources resources = page.getResources();
                if (resources != null) {
                    for (COSName name : resources.getXObjectNames()) {
                        var xobject = resources.getXObject(name);
                        if (xobject != null) {
                            xobject.getCOSObject().removeItem(COSName.METADATA);
                            xobject.getCOSObject().removeItem(COSName.PIECE_INFO);
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
            pdf.save(out);
            return out.toByteArray();
        } catch (InvalidPasswordException e) {
            throw new ImageMetadata.Unreadable("is an encrypted PDF; send it without a password or protection");
        } catch (IOException | RuntimeException e) {
            throw new ImageMetadata.Unreadable("is not a well-formed PDF document");
        }
    }
}
