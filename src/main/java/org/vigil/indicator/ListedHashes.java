package org.vigil.indicator;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hashes of published indicators, in memory, so that the public check answers the common
 * case (nothing listed matches) without a database query. It is a superset: a hash found here is
 * confirmed in the database, which alone decides, so a delisted or expired indicator leaves the
 * check at once even before this set forgets it. A publication in this process is added at once;
 * one in another replica is seen at the next refresh ({@code vigil.indicator.listed-refresh}, 5 s).
 * Until the first load, every check asks the database.
 */
@ApplicationScoped
public class ListedHashes {

    private final EntityManager em;
    private volatile Set<ByteBuffer> hashes;
    private volatile Object[] loadedVersion;

    ListedHashes(EntityManager em) {
        this.em = em;
    }

    /** False only when none of {@code candidates} can be listed. */
    public boolean mightContainAny(List<byte[]> candidates) {
        Set<ByteBuffer> known = hashes;
        if (known == null) {
            return true;
        }
        for (byte[] hash : candidates) {
            if (known.contains(ByteBuffer.wrap(hash))) {
                return true;
            }
        }
        return false;
    }

    /** A hash about to be published here: checks see it at once (harmless if the transaction rolls back). */
    void add(byte[] hash) {
        Set<ByteBuffer> known = hashes;
        if (known != null) {
            known.add(ByteBuffer.wrap(hash.clone()));
        }
    }

    /** Reloads the set when what is published changed (count or latest change), else keeps it. */
    @Scheduled(every = "${vigil.indicator.listed-refresh:5s}", identity = "indicator-listed-hashes")
    @Transactional
    void refresh() {
        Object[] version = em.createQuery(
                        "select count(i), max(i.updatedAt) from Indicator i where i.status = :published",
                        Object[].class)
                .setParameter("published", Indicator.Status.PUBLISHED)
                .getSingleResult();
        if (hashes != null
                && loadedVersion != null
                && Objects.equals(version[0], loadedVersion[0])
                && Objects.equals(version[1], loadedVersion[1])) {
            return;
        }
        List<byte[]> rows = em.createQuery(
                        "select i.valueHash from Indicator i where i.status = :published" + " and i.expiresAt > :now",
                        byte[].class)
                .setParameter("published", Indicator.Status.PUBLISHED)
                .setParameter("now", Instant.now())
                .getResultList();
        Set<ByteBuffer> loaded = ConcurrentHashMap.newKeySet(Math.max(16, rows.size() * 2));
        rows.forEach(hash -> loaded.add(ByteBuffer.wrap(hash)));
        hashes = loaded;
        loadedVersion = version;
    }
}
