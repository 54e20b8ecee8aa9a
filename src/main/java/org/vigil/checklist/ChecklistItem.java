package org.vigil.checklist;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One red-flag question; {@code key} is the stable id that answers refer to. */
@Embeddable
public class ChecklistItem {

    @Column(name = "item_key", nullable = false, length = 60)
    public String key;

    @Column(nullable = false, length = 500)
    public String text;

    @Column(nullable = false)
    public int weight;

    protected ChecklistItem() {}

    public ChecklistItem(String key, String text, int weight) {
        this.key = key;
        this.text = text;
        this.weight = weight;
    }
}
