package org.vigil.platform.locale;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A language the content may be written in: a row, so that Cham or Raglai need no code change. */
@Entity
@Table(name = "language")
public class Language extends PanacheEntityBase {
    @Id
    public String code;

    @Column(name = "english_name", nullable = false)
    public String englishName;

    @Column(name = "native_name", nullable = false)
    public String nativeName;

    @Column(nullable = false)
    public boolean enabled;

    @Column(nullable = false)
    public int position;
}
