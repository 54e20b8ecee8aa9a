package org.vigil.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import org.vigil.platform.db.Columns;
import org.vigil.platform.error.ApiException;

/**
 * What the lifecycle and the disputes both do to an indicator: find or lock its row, close it, and
 * write a line of its history in the same transaction.
 */
@ApplicationScoped
class IndicatorChanges {

    private static final String NOT_FOUND = "No indicator with this id";

    private final EntityManager em;

    IndicatorChanges(EntityManager em) {
        this.em = em;
    }

    void close(
            Indicator indicator, Indicator.Status status, String actor, String reason, IndicatorEvent.Action action) {
        Instant now = Indicator.now();
        indicator.status = status;
        indicator.closedBy = actor;
        indicator.closedReason = Columns.fit(reason, Indicator.MAX_CLOSED_REASON);
        indicator.updatedAt = now;
        event(indicator, action, actor, reason, now);
    }

    void event(Indicator indicator, IndicatorEvent.Action action, String actor, String detail, Instant at) {
        IndicatorEvent event = new IndicatorEvent();
        event.indicatorId = indicator.id;
        event.action = action;
        event.actor = actor;
        event.detail = Columns.fit(detail, IndicatorEvent.MAX_DETAIL);
        event.at = at;
        event.persist();
    }

    Indicator find(long id) {
        Indicator indicator = Indicator.findById(id);
        if (indicator == null) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return indicator;
    }

    Indicator locked(long id) {
        Indicator indicator = em.find(Indicator.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (indicator == null) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return indicator;
    }
}
