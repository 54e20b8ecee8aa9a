package org.vigil.content;

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
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigil.platform.db.Versioned;
import org.vigil.platform.web.Coded;

/** An article in one language; translations share a {@code translationKey}. Never crosses HTTP. */
@Entity
@Table(name = "article")
public class Article extends Versioned {

    /**
     * Lifecycle; only {@link #PUBLISHED} is public, the others stay as rows for delta sync tombstones.
     * Clients see and send the lower-case name ({@link Coded}).
     */
    public enum Status implements Coded {
        DRAFT,
        /** Never stored: a published article whose {@code publishedAt} is still ahead, as editors see it. */
        SCHEDULED,
        PUBLISHED,
        WITHDRAWN,
        DELETED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 120)
    public String slug;

    @Column(nullable = false, length = 12)
    public String lang;

    @Column(name = "translation_key", length = 120)
    public String translationKey;

    @Column(nullable = false, length = 40)
    public String category;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false, length = 1000)
    public String summary;

    @Column(name = "body_markdown", nullable = false, columnDefinition = "MEDIUMTEXT")
    public String bodyMarkdown;

    /** Sanitized HTML rendered from {@link #bodyMarkdown} when it is written. */
    @Column(name = "body_html", nullable = false, columnDefinition = "MEDIUMTEXT")
    public String bodyHtml;

    @ElementCollection
    @CollectionTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "tag", nullable = false, length = 40)
    @BatchSize(size = 100) // a page of up to 100 articles loads its tags in one query
    public List<String> tags = new ArrayList<>();

    @Column(nullable = false, length = 200)
    public String source;

    @Column(length = 200)
    public String author;

    @Column(length = 100)
    public String licence;

    /** Set by an editor when the article lives elsewhere first; otherwise derived from the slug. */
    @Column(name = "canonical_url", length = 500)
    public String canonicalUrl;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public Status status;

    /**
     * First publication; stays when an article is withdrawn and published again. Ahead of now for a
     * scheduled article: readers see it from that moment.
     */
    @Column(name = "published_at")
    public Instant publishedAt;

    /** The state editors see at {@code now}: a published article whose time has not come is scheduled. */
    public Status state(Instant now) {
        return status == Status.PUBLISHED && publishedAt.isAfter(now) ? Status.SCHEDULED : status;
    }

    /** Whether readers have seen it (it may be withdrawn or deleted since). */
    boolean wasPublic(Instant now) {
        return publishedAt != null && !publishedAt.isAfter(now);
    }
}
