package org.vigil.checklist;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigil.platform.db.Versioned;

/** A scam-pattern checklist in one language; translations share its {@code translationKey}. */
@Entity
@Table(name = "checklist")
public class Checklist extends Versioned {

    /** More questions than this would not be answered to the end on a phone. */
    public static final int MAX_ITEMS = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 120)
    public String slug;

    @Column(nullable = false, length = 12)
    public String lang;

    @Column(name = "translation_key", nullable = false, length = 120)
    public String translationKey;

    @Column(name = "scam_type", nullable = false, length = 40)
    public ScamType scamType;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String introduction;

    @Column(name = "low_advice", nullable = false, columnDefinition = "TEXT")
    public String lowAdvice;

    /** The low band always starts at 0 %, so only the upper two thresholds are stored. */
    @Column(name = "medium_min_percent", nullable = false)
    public int mediumMinPercent;

    @Column(name = "medium_advice", nullable = false, columnDefinition = "TEXT")
    public String mediumAdvice;

    @Column(name = "high_min_percent", nullable = false)
    public int highMinPercent;

    @Column(name = "high_advice", nullable = false, columnDefinition = "TEXT")
    public String highAdvice;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR) // a VARCHAR column, not MariaDB's ENUM type
    @Column(nullable = false, length = 16)
    public ChecklistStatus status;

    @Column(name = "published_at")
    public Instant publishedAt;

    @ElementCollection
    @CollectionTable(name = "checklist_item", joinColumns = @JoinColumn(name = "checklist_id"))
    @OrderColumn(name = "position", nullable = false)
    public List<ChecklistItem> items = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "checklist_related_article", joinColumns = @JoinColumn(name = "checklist_id"))
    @OrderColumn(name = "position", nullable = false)
    @Column(name = "article_slug", nullable = false, length = 160)
    public List<String> relatedArticles = new ArrayList<>();

    /** The other checklists with this one's translation key, optionally only the published ones. */
    public List<ChecklistViews.Detail.Translation> translations(boolean publishedOnly) {
        String query =
                "translationKey = ?1 and id <> ?2" + (publishedOnly ? " and status = ?3" : "") + " order by lang";
        List<Checklist> others = publishedOnly
                ? list(query, translationKey, id, ChecklistStatus.PUBLISHED)
                : list(query, translationKey, id);
        return others.stream()
                .map(c -> new ChecklistViews.Detail.Translation(c.lang, c.slug))
                .toList();
    }

    public int maxScore() {
        return items.stream().mapToInt(i -> i.weight).sum();
    }
}
