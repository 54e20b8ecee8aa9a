package org.vigil.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.vigil.indicator.Indicator;
import org.vigil.indicator.IndicatorService;
import org.vigil.indicator.PoliceReader;
import org.vigil.platform.crypto.KeyedHash;
import org.vigil.platform.db.Versioned;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.security.Staff;
import org.vigil.platform.web.IdempotencyKeys;
import org.vigil.tip.Tip;
import org.vigil.tip.TipIdentifier;

/**
 * Partners' reports of what they did about indicators they received, and the police's view of them.
 * A report is idempotent by its Idempotency-Key, per organisation: the same key and body answer the
 * first report, the same key with another body is a 422.
 */
@ApplicationScoped
public class PartnerActions {

    private static final String KEY_PURPOSE = "partner-action-idempotency-key";
    private static final String REQUEST_PURPOSE = "partner-action-request";
    private static final String NOT_RECEIVED =
            "No published indicator with this id of a type this organisation receives";
    /** Clocks differ: an action a few minutes "in the future" is a partner's clock, not a lie. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Partners partners;
    private final IndicatorService indicators;
    private final KeyedHash hash;
    private final EntityManager em;

    PartnerActions(Partners partners, IndicatorService indicators, KeyedHash hash, EntityManager em) {
        this.partners = partners;
        this.indicators = indicators;
        this.hash = hash;
        this.em = em;
    }

    /** The report as stored, and whether this request stored it (false: a retry answered with the first). */
    public record Reported(PartnerViews.Action action, boolean created) {}

    @Transactional
    public Reported report(Staff caller, long indicatorId, PartnerRequests.Action request, String idempotencyKey) {
        return reportAs(partners.caller(caller), indicatorId, request, idempotencyKey);
    }

    /** A report by {@code partner}, already known to be an enabled organisation (the caller, or the demo's). */
    @Transactional(Transactional.TxType.MANDATORY)
    Reported reportAs(Partner partner, long indicatorId, PartnerRequests.Action request, String idempotencyKey) {
        byte[] keyHash = hash.hash(KEY_PURPOSE, IdempotencyKeys.required(idempotencyKey));
        String reference = blankToNull(request.reference());
        String note = blankToNull(request.note());
        byte[] requestHash = hash.hash(
                REQUEST_PURPOSE,
                String.join(
                        "\0",
                        Long.toString(indicatorId),
                        request.kind().code(),
                        request.actedAt().toString(),
                        String.valueOf(reference),
                        String.valueOf(note)));
        PartnerAction earlier = PartnerAction.<PartnerAction>find(
                        "organisation = ?1 and idempotencyKeyHash = ?2", partner.organisation(), keyHash)
                .firstResult();
        if (earlier != null) {
            if (!KeyedHash.same(earlier.requestHash, requestHash)) {
                throw ApiException.unprocessable(
                        "This Idempotency-Key was already used for a different report; use a new key for a new report");
            }
            return new Reported(receipt(earlier), false);
        }
        Indicator indicator = em.find(Indicator.class, indicatorId);
        if (indicator == null
                || indicator.publishedAt == null
                || !partner.indicatorTypes().contains(indicator.type)) {
            throw ApiException.notFound(NOT_RECEIVED);
        }
        Instant now = Versioned.now();
        if (request.actedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiException.invalid("actedAt", "must not be in the future");
        }
        if (request.actedAt().isBefore(indicator.publishedAt)) {
            throw ApiException.invalid(
                    "actedAt", "must not be before the indicator's publication (" + indicator.publishedAt + ")");
        }
        PartnerAction action = new PartnerAction();
        action.organisation = partner.organisation();
        action.indicatorId = indicator.id;
        action.kind = request.kind();
        action.actedAt = request.actedAt();
        action.theirReference = reference;
        action.note = note;
        action.reportedBy = partner.user();
        action.reportedAt = now;
        action.idempotencyKeyHash = keyHash;
        action.requestHash = requestHash;
        action.persist();
        try {
            em.flush();
        } catch (ConstraintViolationException e) {
            // the same key is being used by a report that committed first (uk_partner_action_idempotency)
            throw ApiException.conflict("A report with this Idempotency-Key is being processed; retry it shortly");
        }
        PartnerAudit.record(
                partner.organisation(),
                partner.user(),
                PartnerAudit.Action.ACTION_REPORTED,
                "indicator " + indicator.id + ": " + action.kind.code());
        return new Reported(receipt(action), true);
    }

    /** The partners' actions on one indicator the police caller may see (else the same 404 as an unknown id). */
    @Transactional
    public PartnerViews.IndicatorActions forIndicator(PoliceReader reader, long indicatorId) {
        indicators.details(reader, indicatorId);
        return actionsOn(List.of(em.find(Indicator.class, indicatorId))).get(0);
    }

    /**
     * The partners' actions on the published indicators of every identifier a tip names; a tip the
     * caller may not see is the same 404 as an unknown one.
     */
    @Transactional
    public PartnerViews.TipActions forTip(PoliceReader reader, String reference) {
        String wanted = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        if (!reader.visibleTips(List.of(wanted)).contains(wanted)) {
            throw ApiException.notFound("No such tip");
        }
        Tip tip = Tip.find("reference", wanted).firstResult();
        List<byte[]> hashes = TipIdentifier.<TipIdentifier>list("tipId", tip.id).stream()
                .map(i -> i.normalizedHash)
                .toList();
        List<Indicator> named = hashes.isEmpty()
                ? List.of()
                : em.createQuery(
                                "select i from Indicator i where i.valueHash in :hashes and i.publishedAt is not null"
                                        + " order by i.publishedAt",
                                Indicator.class)
                        .setParameter("hashes", hashes)
                        .getResultList();
        return new PartnerViews.TipActions(tip.reference, actionsOn(named));
    }

    private List<PartnerViews.IndicatorActions> actionsOn(List<Indicator> named) {
        if (named.isEmpty()) {
            return List.of();
        }
        Map<Long, Indicator> byId = named.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
        Map<String, PartnerOrganisation> organisations = PartnerOrganisation.<PartnerOrganisation>listAll().stream()
                .collect(Collectors.toMap(o -> o.code, Function.identity()));
        Map<Long, List<PartnerViews.PoliceAction>> actions =
                PartnerAction.<PartnerAction>list("indicatorId in ?1 order by actedAt, id", byId.keySet()).stream()
                        .collect(Collectors.groupingBy(
                                a -> a.indicatorId,
                                Collectors.mapping(
                                        a -> policeView(a, organisations.get(a.organisation), byId.get(a.indicatorId)),
                                        Collectors.toList())));
        return named.stream()
                .sorted(Comparator.comparing((Indicator i) -> i.publishedAt == null ? Instant.MAX : i.publishedAt))
                .map(i -> new PartnerViews.IndicatorActions(
                        i.id, i.type, i.publishedAt, actions.getOrDefault(i.id, List.of())))
                .toList();
    }

    private PartnerViews.PoliceAction policeView(PartnerAction a, PartnerOrganisation o, Indicator i) {
        long minutes = i.publishedAt == null
                ? 0
                : Duration.between(i.publishedAt, a.actedAt).toMinutes();
        return new PartnerViews.PoliceAction(
                a.organisation,
                o.name,
                o.sector,
                a.kind,
                a.actedAt,
                minutes,
                a.theirReference,
                a.note,
                a.reportedBy,
                a.reportedAt);
    }

    private PartnerViews.Action receipt(PartnerAction a) {
        return new PartnerViews.Action(a.id, a.indicatorId, a.kind, a.actedAt, a.theirReference, a.note, a.reportedAt);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
