package org.vigil.checklist;

/** Only published checklists are public; a withdrawn one can be published again. */
public enum ChecklistStatus {
    DRAFT,
    PUBLISHED,
    WITHDRAWN
}
