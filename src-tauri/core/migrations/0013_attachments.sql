-- Attachments: files that belong to a record of any tracked table, named by (entity, record_id),
-- instead of documents that belong to an employee. Employees' documents move here with their
-- ids, so their history (kept under "documents", never rewritten) still names the same rows;
-- the migration's declared reshape appends one upgrade entry per moved row (store/reshape.rs).
--
-- `entity` and `record_id` carry no foreign key (they point at different tables); the store
-- checks the record exists when a file is attached, and no owner table deletes its records.
-- `type_id` is the kind of file in the owner's list: employees' document types today, NULL
-- where the owner's area has no list. AUTOINCREMENT: an id once used, even by a file since
-- deleted, never names another file, so a row's history is one file's.
CREATE TABLE attachments (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    entity        TEXT NOT NULL CHECK (entity <> ''),
    record_id     INTEGER NOT NULL,
    type_id       INTEGER REFERENCES document_types (id),
    title         TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    mime          TEXT NOT NULL,
    size          INTEGER NOT NULL CHECK (size >= 0),
    sha256        TEXT NOT NULL,
    issued_on     TEXT,
    expires_on    TEXT,
    superseded_by INTEGER REFERENCES attachments (id),
    uploaded_at   TEXT NOT NULL,
    uploaded_by   TEXT NOT NULL,
    version       INTEGER NOT NULL,
    updated_at    TEXT NOT NULL
);

INSERT INTO attachments (id, entity, record_id, type_id, title, file_name, mime, size, sha256,
                         issued_on, expires_on, superseded_by, uploaded_at, uploaded_by, version,
                         updated_at)
SELECT id, 'employees', employee_id, type_id, title, file_name, mime, size, sha256, issued_on,
       expires_on, superseded_by, uploaded_at, uploaded_by, version, updated_at
FROM documents;

-- Ids of documents deleted before the move are not given out again either.
INSERT INTO sqlite_sequence (name, seq)
SELECT 'attachments', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'attachments');
UPDATE sqlite_sequence
SET seq = max(seq, (SELECT coalesce(max(row_id), 0) FROM changes WHERE entity = 'documents'))
WHERE name = 'attachments';

CREATE INDEX attachments_record ON attachments (entity, record_id, superseded_by, type_id);
CREATE INDEX attachments_sha256 ON attachments (sha256);

-- A training certificate is an attachment of the same employee: the table is rebuilt for its
-- foreign key to point at attachments (SQLite cannot change a constraint in place). Same
-- columns, same values: its history snapshots do not change.
CREATE TABLE training_records_moved (
    id                      INTEGER PRIMARY KEY,
    employee_id             INTEGER NOT NULL REFERENCES employees (id),
    course_id               INTEGER NOT NULL REFERENCES courses (id),
    completed_on            TEXT NOT NULL,
    provider                TEXT,
    certificate_document_id INTEGER REFERENCES attachments (id),
    expires_on              TEXT,
    notes                   TEXT,
    version                 INTEGER NOT NULL,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL
);
INSERT INTO training_records_moved (id, employee_id, course_id, completed_on, provider,
                                    certificate_document_id, expires_on, notes, version,
                                    created_at, updated_at)
SELECT id, employee_id, course_id, completed_on, provider, certificate_document_id, expires_on,
       notes, version, created_at, updated_at
FROM training_records;
DROP TABLE training_records;
ALTER TABLE training_records_moved RENAME TO training_records;
CREATE INDEX training_employee ON training_records (employee_id, course_id, completed_on);
CREATE INDEX training_course ON training_records (course_id);

DROP TABLE documents;

-- The title index keeps its entries (their rowids are the same ids) and its settings.
ALTER TABLE documents_fts RENAME TO attachments_fts;
