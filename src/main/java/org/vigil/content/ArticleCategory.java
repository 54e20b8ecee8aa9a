package org.vigil.content;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A category articles are filed under: a row, so that a new one needs no code change. */
@Entity
@Table(name = "article_category")
public class ArticleCategory extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public int position;

    public static List<String> codes() {
        return ArticleCategory.<ArticleCategory>list("order by position, code").stream()
                .map(c -> c.code)
                .toList();
    }
}
