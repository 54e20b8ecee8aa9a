package org.vigil.tip;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * References and receipts, in Crockford's base32 (no I, L, O, U: nothing to misread when typed
 * from paper). A reference is 10 random symbols (50 bits, never sequential, so nothing about the
 * number of tips is disclosed) plus a Luhn mod 32 check symbol that catches typing mistakes. A
 * receipt is 28 random symbols (140 bits from SecureRandom), shown as 7 groups of 4.
 */
final class TipCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int REFERENCE_LENGTH = 11;
    static final int RECEIPT_SYMBOLS = 28;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TipCodes() {}

    static String newReference() {
        String body = randomSymbols(REFERENCE_LENGTH - 1);
        return body + ALPHABET.charAt(checkValue(body));
    }

    static String newReceipt() {
        String symbols = randomSymbols(RECEIPT_SYMBOLS);
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < symbols.length(); i += 4) {
            if (i > 0) {
                shown.append('-');
            }
            shown.append(symbols, i, i + 4);
        }
        return shown.toString();
    }

    /** The reference as stored, or empty when it cannot be one (wrong length, symbol or check). */
    static Optional<String> reference(String typed) {
        String canonical = canonical(typed);
        if (canonical.length() != REFERENCE_LENGTH || !onlyAlphabet(canonical)) {
            return Optional.empty();
        }
        String body = canonical.substring(0, REFERENCE_LENGTH - 1);
        return ALPHABET.charAt(checkValue(body)) == canonical.charAt(REFERENCE_LENGTH - 1)
                ? Optional.of(canonical)
                : Optional.empty();
    }

    /**
     * What the receipt-failure limit counts a typed reference as: the reference as stored when it is
     * one, else its folded form (at most 16 symbols), so no spelling of one reference gets its own tries.
     */
    static String limitKey(String typed) {
        return reference(typed).orElseGet(() -> {
            String folded = canonical(typed);
            return folded.length() > 16 ? folded.substring(0, 16) : folded;
        });
    }

    /** The receipt as hashed: separators dropped, case and look-alikes folded; empty when malformed. */
    static Optional<String> receipt(String typed) {
        String canonical = canonical(typed);
        return canonical.length() == RECEIPT_SYMBOLS && onlyAlphabet(canonical)
                ? Optional.of(canonical)
                : Optional.empty();
    }

    private static String canonical(String typed) {
        if (typed == null || typed.length() > 64) {
            return "";
        }
        return typed.toUpperCase(Locale.ROOT)
                .replaceAll("[\\s-]", "")
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
    }

    private static boolean onlyAlphabet(String s) {
        return s.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    private static String randomSymbols(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** Luhn mod N over the symbols' values: every single-symbol error and most swaps are caught. */
    private static int checkValue(String body) {
        int n = ALPHABET.length();
        int factor = 2;
        int sum = 0;
        for (int i = body.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(body.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / n + addend % n;
        }
        return (n - sum % n) % n;
    }
}
