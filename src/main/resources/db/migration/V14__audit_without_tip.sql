-- Accesses that are not to one tip are audited too: an identifier search (also one that found
-- nothing) and a supervisor's reading of citizens' indicator disputes. Those lines have no tip.
ALTER TABLE triage_audit
    MODIFY tip_id    BIGINT   NULL,
    MODIFY reference CHAR(11) NULL;
