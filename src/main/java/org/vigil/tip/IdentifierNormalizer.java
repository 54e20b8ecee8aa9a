package org.vigil.tip;

import com.google.common.net.InternetDomainName;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
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

        /** The key without its type prefix: E.164 phone, BANK:digits, PROVIDER:id, host... */
        String canonical() {
            return key.substring(type.code().length() + 1);
        }

        /**
         * The keys under which this identifier can match something listed: its own key, and for a link
         * also its parent domains up to the registrable domain (login.shop.example.com.vn, shop.example.com.vn,
         * example.com.vn), so that a listed domain covers its subdomains. Never a public suffix (com.vn).
         */
        List<String> lookupKeys() {
            if (type != IdentifierType.URL) {
                return List.of(key);
            }
            List<String> keys = new ArrayList<>();
            for (String domain : domainsUpToRegistrable(canonical())) {
                keys.add("url:" + domain);
            }
            return keys;
        }

        /** A link whose host is itself a public suffix (com.vn, github.io): nobody's own site. */
        boolean publicSuffix() {
            return type == IdentifierType.URL
                    && domain(canonical())
                            .map(InternetDomainName::isPublicSuffix)
                            .orElse(false);
        }
    }

    /** Parent domains are taken at most this deep, whatever a hostile host name looks like. */
    private static final int MAX_DOMAIN_LEVELS = 8;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "VN";

    private IdentifierNormalizer() {}

    static Normalized normalize(int index, TipRequests.Tip.Identifier identifier) {
        return normalize("identifiers[" + index + "].", identifier);
    }

    /** {@code prefix} goes before the field names of problems ("value", "bank", "provider"). */
    static Normalized normalize(String prefix, TipRequests.Tip.Identifier identifier) {
        String value = identifier.value().strip();
        IdentifierType type = identifier.type();
        return switch (type) {
            case PHONE -> {
                String e164 = phone(value)
                        .orElseThrow(() -> ApiException.invalid(
                                prefix + "value", "is not a valid phone number (Vietnamese numbers may omit +84)"));
                yield new Normalized(type, e164, "phone:" + e164);
            }
            case BANK_ACCOUNT -> {
                String bank = code(identifier.bank())
                        .orElseThrow(() -> ApiException.invalid(
                                prefix + "bank", "is required for a bank account: the bank's short code, e.g. VCB"));
                String digits = value.replaceAll("[\\s.\\-]", "");
                if (!digits.matches("[0-9]{4,30}")) {
                    throw ApiException.invalid(prefix + "value", "must be the account number's digits");
                }
                String account = bank + ":" + digits;
                yield new Normalized(type, account, "bank-account:" + account);
            }
            case E_WALLET -> {
                String provider = code(identifier.provider())
                        .orElseThrow(() -> ApiException.invalid(
                                prefix + "provider", "is required for an e-wallet, e.g. MOMO or ZALOPAY"));
                String id = phone(value).orElse(value.toLowerCase(Locale.ROOT).replaceAll("\\s+", ""));
                String wallet = provider + ":" + id;
                yield new Normalized(type, wallet, "e-wallet:" + wallet);
            }
            case URL -> {
                String host = host(value)
                        .orElseThrow(() -> ApiException.invalid(
                                prefix + "value", "must be a link with a host name, e.g. https://example.com/job"));
                yield new Normalized(type, value, "url:" + host);
            }
            case SOCIAL_ACCOUNT -> {
                String handle = value.replaceFirst("^@", "").toLowerCase(Locale.ROOT);
                yield new Normalized(type, value, "social-account:" + handle);
            }
            case OTHER ->
                new Normalized(
                        type, value, "other:" + value.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        };
    }

    /**
     * An identifier as {@link #normalize} stored it ({@code shown}), normalised again: a bank account
     * and a wallet are stored as CODE:value, everything else as given.
     */
    static Normalized stored(IdentifierType type, String shown) {
        String value = shown;
        String code = null;
        if (type == IdentifierType.BANK_ACCOUNT || type == IdentifierType.E_WALLET) {
            int colon = shown.indexOf(':');
            code = colon < 0 ? null : shown.substring(0, colon);
            value = colon < 0 ? shown : shown.substring(colon + 1);
        }
        return normalize("", new TipRequests.Tip.Identifier(type, value, code, code));
    }

    /** The host and its parents up to the registrable domain (Public Suffix List), most specific first. */
    static List<String> domainsUpToRegistrable(String host) {
        Optional<InternetDomainName> name = domain(host);
        if (name.isEmpty() || name.get().isPublicSuffix()) {
            return List.of(host); // an IP address, or a suffix nobody owns: only itself
        }
        List<String> domains = new ArrayList<>();
        InternetDomainName current = name.get();
        // a TLD the list does not know has no registrable domain: stop at two labels then
        int floor = current.isUnderPublicSuffix()
                ? current.topPrivateDomain().parts().size()
                : 2;
        while (domains.size() < MAX_DOMAIN_LEVELS) {
            domains.add(current.toString());
            if (current.parts().size() <= floor || !current.hasParent()) {
                break;
            }
            current = current.parent();
        }
        return domains;
    }

    private static Optional<InternetDomainName> domain(String host) {
        try {
            return Optional.of(InternetDomainName.from(host));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // an IP address or a name that is no domain
        }
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
                String authority = withScheme.replaceFirst("(?i)^[a-z][a-z0-9+.\\-]*://", "")
                        .split("[/?#]", 2)[0];
                host = authority.replaceFirst("^[^@]*@", "").replaceFirst(":\\d*$", "");
            }
            String ascii = IDN.toASCII(host.toLowerCase(Locale.ROOT)).replaceFirst("^www\\.", "");
            return ascii.matches("[a-z0-9\\-]+(\\.[a-z0-9\\-]+)+") ? Optional.of(ascii) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
