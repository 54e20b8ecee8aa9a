package org.vigil.partner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.vigil.indicator.IndicatorType;
import org.vigil.platform.db.Versioned;
import org.vigil.platform.db.Where;
import org.vigil.platform.error.ApiException;
import org.vigil.platform.security.StaffName;
import org.vigil.platform.web.Keyset;
import org.vigil.platform.web.Page;

/** The admins' list of partner organisations, and who a partner token speaks for. */
@ApplicationScoped
public class Partners {

    private static final Keyset<PartnerOrganisation> BY_CODE =
            Keyset.of(PartnerOrganisation.class).asc("p.code", String.class, p -> p.code);

    private final PartnerConfig config;
    private final EntityManager em;

    Partners(PartnerConfig config, EntityManager em) {
        this.config = config;
        this.em = em;
    }

    /**
     * The organisation a partner token names, or a 403 problem: no claim, an organisation not on the
     * list or disabled, or a sector claim that differs from the list's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Partner caller(JsonWebToken jwt) {
        String user = StaffName.of(jwt.getName());
        Object claim = jwt.getClaim(config.organisationClaim());
        String code = claim == null ? null : claim.toString().strip();
        if (code == null || code.isEmpty() || code.length() > PartnerOrganisation.MAX_CODE) {
            throw forbidden("The token names no partner organisation (claim " + config.organisationClaim() + ")");
        }
        PartnerOrganisation organisation = PartnerOrganisation.findById(code);
        if (organisation == null || !organisation.enabled) {
            throw forbidden("This organisation is not an enabled partner");
        }
        Object sector = jwt.getClaim(config.sectorClaim());
        if (sector != null
                && !organisation
                        .sector
                        .code()
                        .equalsIgnoreCase(sector.toString().strip())) {
            throw forbidden("The token's sector is not the organisation's");
        }
        return new Partner(organisation.code, organisation.sector, organisation.indicatorTypes, user);
    }

    @Transactional
    public PartnerViews.OrganisationPage list(String cursor, int limit) {
        List<PartnerOrganisation> rows =
                BY_CODE.rows(em, "select p from PartnerOrganisation p", Where.all(), cursor, limit);
        Page<PartnerViews.Organisation> page = BY_CODE.page(rows, limit, PartnerViews.Organisation::of);
        return new PartnerViews.OrganisationPage(page.items(), page.nextCursor());
    }

    @Transactional
    public PartnerViews.Organisation get(String code) {
        PartnerOrganisation organisation = PartnerOrganisation.findById(code);
        if (organisation == null) {
            throw ApiException.notFound("No partner organisation with this code");
        }
        return PartnerViews.Organisation.of(organisation);
    }

    /** Adds or replaces an organisation; audited under its code. True when it was new. */
    @Transactional
    public boolean save(String admin, String code, PartnerRequests.Organisation request) {
        PartnerOrganisation organisation = PartnerOrganisation.findById(code);
        boolean created = organisation == null;
        if (created) {
            organisation = new PartnerOrganisation();
            organisation.code = code;
            organisation.createdAt = Versioned.now();
        }
        organisation.name = request.name().strip();
        organisation.sector = request.sector();
        organisation.enabled = request.enabled();
        organisation.indicatorTypes =
                request.indicatorTypes().stream().distinct().sorted().toList();
        organisation.updatedAt = Versioned.now();
        if (created) {
            organisation.persist();
        }
        PartnerAudit.record(
                code,
                admin,
                PartnerAudit.Action.ORGANISATION_SAVED,
                (created ? "created: " : "changed: ") + organisation.sector.code() + ", "
                        + (organisation.enabled ? "enabled" : "disabled") + ", "
                        + organisation.indicatorTypes.stream()
                                .map(IndicatorType::code)
                                .toList());
        return created;
    }

    private static ApiException forbidden(String detail) {
        return new ApiException(403, "/problems/forbidden", "Forbidden", detail);
    }
}
