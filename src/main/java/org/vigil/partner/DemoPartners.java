package org.vigil.partner;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.vigil.indicator.IndicatorRequests;
import org.vigil.indicator.IndicatorService;
import org.vigil.indicator.IndicatorType;
import org.vigil.platform.db.Versioned;
import org.vigil.platform.demo.DemoContent;

/**
 * Demo content: a bank (vcb) and a telecom operator (viettel), three published indicators (two of them
 * named by the demo tips) and a few action reports, so that the police view shows who acted.
 */
@ApplicationScoped
public class DemoPartners implements DemoContent {

    private final IndicatorService indicators;
    private final PartnerActions actions;

    DemoPartners(IndicatorService indicators, PartnerActions actions) {
        this.indicators = indicators;
        this.actions = actions;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String name() {
        return "partner organisations";
    }

    @Override
    public int seed() {
        if (PartnerOrganisation.findById("vcb") != null) {
            return 0;
        }
        Partner bank = organisation(
                "vcb", "Vietcombank", Sector.BANK, List.of(IndicatorType.PHONE, IndicatorType.BANK_ACCOUNT));
        Partner operator = organisation("viettel", "Viettel", Sector.TELECOM, List.of(IndicatorType.PHONE));
        long phone = published(IndicatorType.PHONE, "0912 345 678", null);
        long account = published(IndicatorType.BANK_ACCOUNT, "0451 0000 12345", "VCB");
        published(IndicatorType.PHONE, "0388 765 432", null);
        report(operator, phone, ActionKind.SIM_REVOKED, "VT-2026-118", "demo-1");
        report(bank, phone, ActionKind.WARNED_CUSTOMERS, null, "demo-2");
        report(bank, account, ActionKind.ACCOUNT_FROZEN, "VCB-FRZ-0412", "demo-3");
        return 2;
    }

    private static Partner organisation(String code, String name, Sector sector, List<IndicatorType> types) {
        PartnerOrganisation o = new PartnerOrganisation();
        o.code = code;
        o.name = name;
        o.sector = sector;
        o.enabled = true;
        o.indicatorTypes = types;
        o.createdAt = Versioned.now();
        o.updatedAt = o.createdAt;
        o.persist();
        return new Partner(code, sector, types, "demo." + code);
    }

    private long published(IndicatorType type, String value, String bank) {
        long id = indicators
                .propose(
                        "demo.officer",
                        new IndicatorRequests.Proposal(
                                type,
                                value,
                                bank,
                                null,
                                List.of("impersonated-police"),
                                "Demo: số này xuất hiện trong nhiều tin báo."))
                .id();
        indicators.publish(
                "demo.supervisor",
                id,
                new IndicatorRequests.Publication(LocalDate.now(ZoneOffset.UTC).plusDays(180)));
        return id;
    }

    private void report(Partner partner, long indicatorId, ActionKind kind, String reference, String key) {
        actions.reportAs(partner, indicatorId, new PartnerRequests.Action(kind, Versioned.now(), reference, null), key);
    }
}
