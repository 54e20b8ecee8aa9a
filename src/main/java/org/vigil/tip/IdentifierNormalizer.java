package org.vigil.tip;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.vigil.platform.error.ApiException;

/**
 * The canonical form of a suspect identifier, so that "0912 345 678" and "+84912345678" link to
 * the same hash. {@code shown} is what the police read (encrypted at rest); {@code key} is what is
 * hashed, prefixed with the type so a phone and an account with the same digits never collide.
 */
final class IdentifierNormalizer {

    record Normalized(IdentifierType type, String shown, String key) {
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "VN";

    private IdentifierNormalizer() {
    }

    static Normalized normalize(int index, TipRequest.Identifier identifier) {
        return normalize("identifiers[" + index + "].", identifier);
    }

    /** {@code prefix} goes before the field names of problems ("value", "bank", "provider"). */
    static Normalized normalize(String prefix, TipRequest.Identifier identifier) {
        String value = identifier.value().strip();
        IdentifierType type = identifier.type();
        return switch (type) {
            case PHONE -> {
                String e164 = phone(value).orElseThrow(() -> ApiException.invalid(prefix + "value",
                        "is not a valid phone number (Vietnamese numbers may omit +84)"));
                yield new Normalized(type, e164, "phone:" + e164);
            }
            case BANK_ACCOUNT -> {
                String bank = code(identifier.bank()).orElseThrow(() -> ApiException.invalid(prefix + "bank",
                        "is required for a bank account: the bank's short code, e.g. VCB"));
                String digits = value.replaceAll("[\\s.\\-]", "");
                if (!digits.matches("[0-9]{4,30}")) {
                    throw ApiException.invalid(prefix + "value", "must be the account number's digits");
                }
                String account = bank + ":" + digits;
                yield new Normalized(type, account, "bank-account:" + account);
            }
            case E_WALLET -> {
                String provider = code(identifier.provider()).orElseThrow(() -> ApiException.invalid(
                        prefix + "provider", "is required for an e-wallet, e.g. MOMO or ZALOPAY"));
                String id = phone(value).orElse(value.toLowerCase(Locale.ROOT).replaceAll("\\s+", ""));
                String wallet = provider + ":" + id;
                yield new Normalized(type, wallet, "e-wallet:" + wallet);
            }
            case URL -> {
                String host = host(value).orElseThrow(() -> ApiException.invalid(prefix + "value",
                        "must be a link with a host name, e.g. https://example.com/job"));
                yield new Normalized(type, value, "url:" + host);
            }
            case SOCIAL_ACCOUNT -> {
                String handle = value.replaceFirst("^@", "").toLowerCase(Locale.ROOT);
                yield new Normalized(type, value, "social-account:" + handle);
            }
            case OTHER -> new Normalized(type, value, "other:" + value.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        };
    }

    private static Optional<String> phone(String value) {
        try {
            PhoneNumber number = PHONES.parse(value, DEFAULT_REGION);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> code(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String code = value.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-]", "");
        return code.matches("[\\p{L}\\p{N}]{2,40}") ? Optional.of(code) : Optional.empty();
    }

    /** Lower-cased host without "www.", in its ASCII form so that IDN spellings link too. */
    private static Optional<String> host(String value) {
        String withScheme = value.matches("(?i)^[a-z][a-z0-9+.\\-]*://.*") ? value : "http://" + value;
        try {
            String host = new URI(withScheme.replace(" ", "%20")).getHost();
            if (host == null) {
                // java.net.URI gives no host for non-ASCII names: take the authority by hand
                String authority = withScheme.replaceFirst("(?i)^[a-z][a-z0-9+.\\-]*://", "").split("[/?#]", 2)[0];
                host = authority.replaceFirst("^[^@]*@", "").replaceFirst(":\\d*$", "");
            }
            String ascii = IDN.toASCII(host.toLowerCase(Locale.ROOT)).replaceFirst("^www\\.", "");
            return ascii.matches("[a-z0-9\\-]+(\\.[a-z0-9\\-]+)+") ? Optional.of(ascii) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
