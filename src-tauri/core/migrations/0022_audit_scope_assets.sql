-- An audit's scope may list assets (and, once purchasing exists, suppliers) besides departments
-- and auditees. SQLite cannot change a CHECK in place, so the table is rebuilt: same columns,
-- same values, so its history snapshots do not change.
CREATE TABLE audit_scope_moved (
    id         INTEGER PRIMARY KEY,
    audit_id   INTEGER NOT NULL REFERENCES audits (id),
    entity     TEXT NOT NULL CHECK (entity IN ('departments', 'employees', 'assets', 'suppliers')),
    record_id  INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (audit_id, entity, record_id)
);
INSERT INTO audit_scope_moved (id, audit_id, entity, record_id, version, created_at)
SELECT id, audit_id, entity, record_id, version, created_at FROM audit_scope;
DROP TABLE audit_scope;
ALTER TABLE audit_scope_moved RENAME TO audit_scope;
CREATE INDEX audit_scope_record ON audit_scope (entity, record_id, audit_id);
CREATE INDEX findings_subject ON findings (subject_entity, subject_id);
